from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared content"

    def ready(self):
        from core import (
            cdn,  # purges the CDN on content changes
            checks,  # noqa: F401  (registers the production settings checks)
            events,
        )
        from core.api import cache  # noqa: F401  (invalidates cached responses on content changes)
        from core.models import SafetyInformation, SafetySettings
        from core.snapshots import receivers  # noqa: F401  (renders what readers get on changes)
        from core.snapshots.rebuild import render_missing
        from core.translation_links import connect as check_translators_link_overrides
        from core.translators import install_translation_editor_check

        events.connect_pages()
        post_migrate.connect(render_missing, sender=self, dispatch_uid="core.snapshots.missing")
        cdn.register_listing("/search", without_locale=False)  # search always names a query
        events.watch_safety(SafetyInformation, SafetySettings)
        check_translators_link_overrides()
        # wagtail-localize's translation views: a snippet only in the translator's languages.
        install_translation_editor_check()
