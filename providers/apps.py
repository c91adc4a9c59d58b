from django.apps import AppConfig


class ProvidersConfig(AppConfig):
    name = "providers"
    verbose_name = "Provider directory"

    def ready(self):
        from core.api.pages import register_page_types
        from core.cdn import register_listing
        from core.events import watch_snippets
        from providers.api import PAGE_TYPES
        from providers.models import Service

        watch_snippets(Service)
        register_listing("/providers")
        register_page_types(*PAGE_TYPES)
