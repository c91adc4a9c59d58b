"""The delivery log in the admin (Reports → Webhook deliveries): filterable by status, readable by
editors (webhooks/admin_views.py); only a retry changes a delivery."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from webhooks.admin_views import (
    PAGES_COLUMN,
    STATUS_COLUMN,
    DeliveryIndexView,
    DeliveryInspectView,
    retry,
)
from webhooks.models import WebhookDelivery


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Deliveries are written by the system only: people with the view permission may look."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and self.user_has_permission(user, "view")

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(["view"])


register_permission_policy(WebhookDelivery, ReadOnlyPermissionPolicy(WebhookDelivery))


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "link-external"
    menu_label = "Webhook deliveries"
    menu_hook = "register_reports_menu_item"
    menu_order = 9000
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = DeliveryIndexView
    inspect_view_class = DeliveryInspectView
    list_display = ["event", PAGES_COLUMN, STATUS_COLUMN, "endpoint", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["endpoint", "change_id", "event"]
    inspect_view_fields = [
        "event",
        "pages",
        "status",
        "endpoint",
        "change_id",
        "attempts",
        "last_status_code",
        "last_error",
        "next_attempt_at",
        "last_attempt_at",
        "delivered_at",
        "created_at",
        "payload",
    ]

    def get_urlpatterns(self):
        # Only the listing and the inspect view: nobody adds, edits or deletes log entries.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{self.pk_path_converter}:pk>/", self.inspect_view, name="inspect"),
            path("retry/<int:pk>/", retry, name="retry"),
        ]


webhook_delivery_viewset = WebhookDeliveryViewSet("webhook_deliveries")


@hooks.register("register_admin_viewset")
def register_webhook_delivery_viewset():
    return webhook_delivery_viewset
