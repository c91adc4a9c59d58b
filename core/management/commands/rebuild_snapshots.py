import sys

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from core.snapshots.rebuild import rebuild


class Command(BaseCommand):
    help = (
        "Render the snapshots readers get again: of every live page, of a page and the pages "
        "below it (--subtree), or of one page (--page)."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group()
        target.add_argument("--page", type=int, help="One page, by id.")
        target.add_argument("--subtree", type=int, help="A page and every page below it.")

    def handle(self, *args, page=None, subtree=None, verbosity=1, **options):
        pages = Page.objects.all()
        if page is not None or subtree is not None:
            root = Page.objects.filter(pk=page or subtree).first()
            if root is None:
                raise CommandError(f"There is no page with id {page or subtree}.")
            pages = pages.filter(pk=root.pk) if page else pages.descendant_of(root, inclusive=True)
        # Not-live pages are included so that their leftover snapshots are withdrawn.
        ids = list(pages.order_by("path").values_list("pk", flat=True))
        show = verbosity > 0 and sys.stdout.isatty()

        def progress(done: int) -> None:
            if show:
                width = 30
                filled = width * done // len(ids)
                self.stdout.write(
                    f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{len(ids)}", ending=""
                )

        count = rebuild(ids, progress)
        if show:
            self.stdout.write("")
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Rendered {count} page(s)."))
