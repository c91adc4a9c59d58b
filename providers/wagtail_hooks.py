from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from providers.models import Service


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "clipboard-list"
    menu_label = "Services"
    list_display = ["name", "slug", "locale"]
    ordering = ["name"]


register_snippet(ServiceViewSet)
