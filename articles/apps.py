from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from articles.api import PAGE_TYPES, credited_people_paths
        from articles.citations import watch_notices
        from articles.models import Person, Topic
        from core.api.pages import register_page_types
        from core.cdn import register_listing, register_related
        from core.events import watch_snippets

        watch_snippets(Person, Topic)
        watch_notices()
        register_listing("/articles")
        register_related(credited_people_paths)
        register_page_types(*PAGE_TYPES)
