from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loader import load_demo_content


class Command(BaseCommand):
    help = "Load the demo content. Safe to run again: existing demo content is left as it is."

    def handle(self, *args, **options):
        with transaction.atomic():
            summary = load_demo_content()
        for line in summary:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
