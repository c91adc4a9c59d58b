"""Stored listing counts (core.snapshots.models.ListingCount)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0012_listing_outranked'),
    ]

    operations = [
        migrations.CreateModel(
            name='ListingCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=64, unique=True)),
                ('count', models.PositiveIntegerField()),
                ('valid_until', models.DateTimeField()),
            ],
        ),
    ]
