from django.db import migrations


def mark_stale(apps, schema_editor):
    """Bodies now carry absolute media URLs, marked document links, heading anchors, canonical
    URLs and typed people links: every stored snapshot is marked stale (its revision cleared),
    so that post_migrate renders it again (core.snapshots.rebuild.render_missing). The old body
    is served until then."""
    PageSnapshot = apps.get_model("core", "PageSnapshot")
    PageSnapshot.objects.filter(revision__isnull=False).update(revision=None)


class Migration(migrations.Migration):
    dependencies = [("core", "0008_snapshot_partly_translated")]

    operations = [migrations.RunPython(mark_stale, migrations.RunPython.noop)]
