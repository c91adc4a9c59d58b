from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Who may write, review, publish and translate, the medical-review workflow, review dates
    and the content checks editors see while editing."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        from django.db.models.signals import post_save

        from articles.models import ArticleIndexPage
        from editorial.roles import grant_new_section
        from providers.models import ProviderIndexPage

        for index_model in (ArticleIndexPage, ProviderIndexPage):
            post_save.connect(
                grant_new_section,
                sender=index_model,
                dispatch_uid=f"editorial_grant_new_section_{index_model._meta.model_name}",
            )
