"""Snapshot bodies and cards are stored as the JSON text they are served as, not as jsonb.

Every read sent the body as text, and PostgreSQL's jsonb-to-text conversion cost more than the
rest of the read. The column type changes in place (`USING body::text` on PostgreSQL; SQLite
already kept JSON as text), so nothing needs re-rendering.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0010_site_snapshot"),
    ]

    operations = [
        migrations.AlterField(
            model_name="pagesnapshot",
            name="body",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="pagesnapshot",
            name="card",
            field=models.TextField(blank=True, null=True),
        ),
    ]
