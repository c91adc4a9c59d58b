from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


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
        from core.translators import grant_translators_on_new_locale_root

        events.connect_pages()
        post_migrate.connect(render_missing, sender=self, dispatch_uid="core.snapshots.missing")
        cdn.register_listing("/search", without_locale=False)  # search always names a query
        events.watch_safety(SafetyInformation, SafetySettings)
        check_translators_link_overrides()

        # Any page model: new locale roots are usually home pages, but need not be.
        post_save.connect(
            grant_translators_on_new_locale_root, dispatch_uid="core.translators.locale_root"
        )
