"""Editors mark cited papers as retracted or corrected and resolve the notices; writers and
medical reviewers see them (editorial/roles.py)."""

from django.db import migrations

from editorial.roles import sync_groups


def grant(apps, schema_editor):
    sync_groups(apps)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="articles", content_type__model="citationnotice"
    )
    for group in Group.objects.all():
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_only_editors_change_topics_and_services"),
        ("articles", "0007_citation_notices"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
