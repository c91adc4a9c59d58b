from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loader import load_demo_content


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: existing demo content is left as it is."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load it under production settings too (e.g. a staging server).",
        )

    def handle(self, *args, force: bool = False, **options):
        if getattr(settings, "PRODUCTION_CHECKS", False) and not force:
            # Demo articles, clinics and publishing accounts must not reach real readers.
            raise CommandError(
                "These are production settings: the demo would publish fictional articles and "
                "clinics and create publishing accounts. Use --force for a staging server."
            )
        with transaction.atomic():
            summary = load_demo_content()
        for line in summary:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
