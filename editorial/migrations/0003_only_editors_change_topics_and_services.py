"""Writers no longer change topics and services: a rename changes live articles at once, without
review, so only editors (and administrators) may change them (editorial/roles.py)."""

from django.db import migrations

from editorial.roles import WRITERS

SNIPPETS = [("articles", "change_topic"), ("providers", "change_service")]


def take_snippet_changes_from_writers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    writers = Group.objects.filter(name=WRITERS).first()
    if writers is None:
        return
    for app_label, codename in SNIPPETS:
        writers.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


def give_snippet_changes_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    writers = Group.objects.filter(name=WRITERS).first()
    if writers is None:
        return
    for app_label, codename in SNIPPETS:
        writers.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_roles_and_workflow")]

    operations = [
        migrations.RunPython(take_snippet_changes_from_writers, give_snippet_changes_back)
    ]
