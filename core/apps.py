from django.apps import AppConfig
from django.db.models.signals import post_save


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared content"

    def ready(self):
        from core import (
            cdn,  # noqa: F401  (purges the CDN on content changes)
            checks,  # noqa: F401  (registers the production settings checks)
            events,
        )
        from core.api import cache  # noqa: F401  (invalidates cached responses on content changes)
        from core.models import SafetyInformation, SafetySettings
        from core.translators import grant_translators_on_new_locale_root

        events.connect_pages()
        events.watch_safety(SafetyInformation, SafetySettings)

        # Any page model: new locale roots are usually home pages, but need not be.
        post_save.connect(
            grant_translators_on_new_locale_root, dispatch_uid="core.translators.locale_root"
        )
