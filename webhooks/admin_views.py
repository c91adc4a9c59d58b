"""The delivery log's views for editors: the page each delivery was about, its status in words,
the payload as formatted JSON, and a retry of a delivery that has not got through."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.timesince import timesince, timeuntil
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.models import Page

from webhooks.conf import webhook_settings
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.tasks import schedule

#: What can be retried: a delivery still waiting for its next attempt, or one that gave up.
RETRYABLE = (DeliveryStatus.RETRYING, DeliveryStatus.FAILED)


def page_refs(delivery: WebhookDelivery) -> list[dict]:
    pages = delivery.payload.get("pages") if isinstance(delivery.payload, dict) else None
    return [page for page in pages or [] if isinstance(page, dict) and page.get("id")]


def attach_pages(deliveries) -> None:
    """Give each delivery `pages`: (title, edit URL or None, path), one query for all of them."""
    ids = {page["id"] for delivery in deliveries for page in page_refs(delivery)}
    titles = dict(Page.objects.filter(pk__in=ids).values_list("pk", "title")) if ids else {}
    for delivery in deliveries:
        delivery.pages = [
            (titles.get(ref["id"]), ref["id"] if ref["id"] in titles else None, ref.get("path"))
            for ref in page_refs(delivery)
        ]


def pages_html(delivery: WebhookDelivery) -> str:
    return render_to_string("webhooks/admin/pages_cell.html", {"pages": delivery.pages})


def status_in_words(delivery: WebhookDelivery) -> str:
    """What happened to the delivery and what happens next, e.g. "Retrying: attempt 2 of 6
    failed (HTTP 502) 3 minutes ago; next attempt in 10 minutes"."""
    now = timezone.now()
    max_attempts = webhook_settings().max_attempts
    code = f" (HTTP {delivery.last_status_code})" if delivery.last_status_code else ""
    if delivery.status == DeliveryStatus.DELIVERED:
        ago = (
            _(" %(ago)s ago") % {"ago": timesince(delivery.delivered_at, now)}
            if delivery.delivered_at
            else ""
        )
        return _("Delivered%(ago)s%(code)s, at attempt %(attempt)d") % {
            "ago": ago,
            "code": code,
            "attempt": delivery.attempts,
        }
    if delivery.status == DeliveryStatus.FAILED:
        return _("Failed: gave up after %(attempts)d attempts%(code)s") % {
            "attempts": delivery.attempts,
            "code": code,
        }
    if delivery.status == DeliveryStatus.RETRYING and delivery.next_attempt_at:
        when = (
            _("in %(wait)s") % {"wait": timeuntil(delivery.next_attempt_at, now)}
            if delivery.next_attempt_at > now
            else _("now")
        )
        return _(
            "Retrying: attempt %(attempt)d of %(max)d failed%(code)s; next attempt %(when)s"
        ) % {"attempt": delivery.attempts, "max": max_attempts, "code": code, "when": when}
    return _("Waiting for its first attempt, queued %(ago)s ago") % {
        "ago": timesince(delivery.created_at, now)
    }


class DeliveryIndexView(IndexView):
    def get_table(self, object_list):
        attach_pages(object_list)
        return super().get_table(object_list)

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return super().no_results_message
        config = webhook_settings()
        if not config.enabled:
            return _(
                "No webhook deliveries: webhooks are not configured. A developer sets "
                "WEBHOOK_ENDPOINTS and WEBHOOK_SECRET (see docs/webhooks.md) to notify front ends "
                "when content changes."
            )
        if not config.secret:
            return _(
                "No webhook deliveries yet. Webhooks go to %(endpoints)s, but WEBHOOK_SECRET is "
                "not set, so nothing is sent until it is."
            ) % {"endpoints": ", ".join(config.endpoints)}
        return _(
            "No webhook deliveries yet. Webhooks are configured for %(endpoints)s; the next "
            "publish, unpublish or change of a page is announced there."
        ) % {"endpoints": ", ".join(config.endpoints)}


class DeliveryInspectView(InspectView):
    template_name = "webhooks/admin/inspect.html"

    def get_payload_display_value(self):
        return format_html(
            '<pre class="webhook-payload">{}</pre>',
            json.dumps(self.object.payload, indent=2, ensure_ascii=False, sort_keys=True),
        )

    def get_status_display_value(self):
        return status_in_words(self.object)

    def get_pages_display_value(self):
        attach_pages([self.object])
        return pages_html(self.object)

    def get_field_label(self, field_name, field):
        if field_name == "pages":
            return _("Pages")
        return super().get_field_label(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_retry"] = self.object.status in RETRYABLE and can_retry(self.request.user)
        return context


def can_retry(user) -> bool:
    # The log is written by the system; retrying changes a delivery, so it asks for the change
    # permission (the viewset's permission policy allows only viewing to everyone).
    return user.has_perm("webhooks.change_webhookdelivery")


@require_POST
def retry(request, pk: int):
    """Attempt a delivery again now: a failed one gets one more attempt."""
    if not can_retry(request.user):
        raise PermissionDenied
    delivery = get_object_or_404(WebhookDelivery, pk=pk, status__in=RETRYABLE)
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk, status__in=RETRYABLE).update(
        status=DeliveryStatus.RETRYING, next_attempt_at=now, updated_at=now
    )
    delivery.refresh_from_db()
    schedule(delivery)
    delivery.refresh_from_db()
    messages.success(
        request,
        _("Retried the delivery to %(endpoint)s. %(status)s.")
        % {"endpoint": delivery.endpoint, "status": status_in_words(delivery)},
    )
    return redirect("webhook_deliveries:inspect", pk=delivery.pk)


PAGES_COLUMN = Column("pages", label="Pages", accessor=pages_html)
STATUS_COLUMN = Column("status_in_words", label="Status", accessor=status_in_words)
