from django.core.management.base import BaseCommand, CommandError

from core.snapshots.models import PageSnapshot
from core.snapshots.rebuild import live_pages_without_snapshots, stale_snapshots


class Command(BaseCommand):
    help = (
        "List live pages without snapshots, stale snapshots (an older revision, or a page no "
        "longer live) and pages the gate withholds; exits non-zero when any is missing or stale."
    )

    def handle(self, *args, verbosity=1, **options):
        missing = list(live_pages_without_snapshots().values_list("pk", "url_path"))
        stale = list(stale_snapshots().values_list("page_id", "reader_locale", "path"))
        withheld = list(
            PageSnapshot.objects.exclude(withheld="").values_list("page_id", "path", "withheld")
        )
        for page_id, url_path in missing:
            self.stdout.write(f"missing  page {page_id} {url_path}")
        for page_id, reader, path in stale:
            self.stdout.write(f"stale    page {page_id} {path} (for {reader} readers)")
        if verbosity > 1:
            for page_id, path, reason in withheld:
                self.stdout.write(f"withheld page {page_id} {path}: {reason}")
        if missing or stale:
            raise CommandError(
                f"{len(missing)} missing and {len(stale)} stale snapshot(s); "
                "run `manage.py rebuild_snapshots`."
            )
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(f"Snapshots are current ({len(withheld)} page(s) withheld).")
            )
