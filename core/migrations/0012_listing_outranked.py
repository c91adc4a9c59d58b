"""Listings read about one card per family: cards outranked by an always-served card of their
family are marked (`PageSnapshot.outranked`, kept by `core.snapshots.pipeline.relist`) and left
out of the listing indexes."""

from django.conf import settings
from django.db import migrations, models
from django.db.models import Exists, OuterRef


def mark_outranked(apps, schema_editor):
    PageSnapshot = apps.get_model("core", "PageSnapshot")
    better = PageSnapshot.objects.filter(
        translation_key=OuterRef("translation_key"),
        reader_locale=OuterRef("reader_locale"),
        fallback_rank__lt=OuterRef("fallback_rank"),
        withheld="",
        card__isnull=False,
        page__go_live_at__isnull=True,
        page__expire_at__isnull=True,
    )
    PageSnapshot.objects.update(outranked=Exists(better))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0011_snapshot_body_as_text"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="pagesnapshot",
            name="outranked",
            field=models.BooleanField(default=False),
        ),
        migrations.AddIndex(
            model_name="pagesnapshot",
            index=models.Index(
                condition=models.Q(("card__isnull", False), ("outranked", False), ("withheld", "")),
                fields=["reader_locale", "page_type", "first_published_at", "page"],
                name="snapshot_listing_order",
            ),
        ),
        migrations.AddIndex(
            model_name="pagesnapshot",
            index=models.Index(
                condition=models.Q(("card__isnull", False), ("outranked", False), ("withheld", "")),
                fields=["reader_locale", "page_type", "title", "page"],
                name="snapshot_listing_title",
            ),
        ),
        migrations.AddIndex(
            model_name="pagesnapshot",
            index=models.Index(
                condition=models.Q(("card__isnull", False), ("outranked", False), ("withheld", "")),
                fields=["translation_key", "reader_locale", "fallback_rank"],
                name="snapshot_listing_family",
            ),
        ),
        migrations.RunPython(mark_outranked, migrations.RunPython.noop),
    ]
