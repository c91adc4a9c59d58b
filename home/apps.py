from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self):
        from core.api.pages import register_page_types
        from core.cdn import register_listing
        from home.api import PAGE_TYPES, watch_site

        register_listing("/site")
        watch_site()
        register_page_types(*PAGE_TYPES)
