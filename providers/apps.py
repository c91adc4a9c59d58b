from django.apps import AppConfig


class ProvidersConfig(AppConfig):
    name = "providers"
    verbose_name = "Provider directory"

    def ready(self):
        from core.cdn import register_listing
        from core.events import watch_snippets
        from providers.models import Service

        watch_snippets(Service)
        register_listing("/providers")
