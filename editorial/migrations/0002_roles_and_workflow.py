"""Create the Writers, Medical reviewers and Editors groups and the article workflow, grant
them on the sections that exist, and let translators publish translations (editorial/roles.py)."""

from django.db import migrations

from editorial.roles import apply_to_existing_content


def apply_roles(apps, schema_editor):
    apply_to_existing_content(apps)


def remove_roles(apps, schema_editor):
    from editorial.roles import EDITORS, MEDICAL_REVIEWERS, WORKFLOW_NAME, WRITERS

    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("auth", "Group").objects.filter(
        name__in=[WRITERS, MEDICAL_REVIEWERS, EDITORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("core", "0002_translators_group"),
        ("articles", "0002_person_admin_account"),
        ("providers", "0001_initial"),
        ("home", "0002_content_locales_and_home_page"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(apply_roles, remove_roles)]
