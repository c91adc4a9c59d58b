from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Who may write, review, publish and translate, the medical-review workflow, review dates
    and the content checks editors see while editing."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editorial"
    verbose_name = "Editorial"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.models import Locale, Page

        from articles.models import ArticleIndexPage, ArticlePage
        from core import rules
        from editorial.checks.articles import article_errors, article_warnings
        from editorial.checks.providers import check_provider
        from editorial.publishing import (
            ArticlePermissionTester,
            article_gate,
            article_review_steps,
            translation_gate,
        )
        from editorial.roles import grant_new_section
        from editorial.translation_review import (
            grant_new_locale_root,
            language_groups_for_new_locale,
        )
        from providers.models import ProviderIndexPage, ProviderPage

        # What stands between a page and its readers (core.rules asks these).
        rules.register_checks(ArticlePage, errors=article_errors, warnings=article_warnings)
        rules.register_checks(ProviderPage, warnings=check_provider)
        rules.register_review_steps(ArticlePage, article_review_steps)
        rules.register_permission_tester(ArticlePage, ArticlePermissionTester)
        # What readers get of a page's live revision, whatever path published it.
        rules.register_gate_rule(ArticlePage, article_gate)
        rules.register_gate_rule(Page, translation_gate)

        # Adding a language adds its translators' and reviewers' groups.
        post_save.connect(
            language_groups_for_new_locale,
            sender=Locale,
            dispatch_uid="editorial_language_groups_for_new_locale",
        )
        post_save.connect(grant_new_locale_root, dispatch_uid="editorial_grant_new_locale_root")

        for index_model in (ArticleIndexPage, ProviderIndexPage):
            post_save.connect(
                grant_new_section,
                sender=index_model,
                dispatch_uid=f"editorial_grant_new_section_{index_model._meta.model_name}",
            )
