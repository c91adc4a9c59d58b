from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from articles.models import Person, Topic
        from core.cdn import register_listing
        from core.events import watch_snippets

        watch_snippets(Person, Topic)
        register_listing("/articles")
