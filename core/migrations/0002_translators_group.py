"""Create the Translators group: translate into Spanish and Arabic; never publish, never change
the English source (see core/translators.py, which grants new locale roots later)."""

from django.conf import settings
from django.db import migrations

GROUP_NAME = "Translators"
# (app label, model, codename, name): Django creates model permissions only after every
# migration has run, so the ones the group needs are created here if they are missing.
MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("articles", "person", "change_person", "Can change person"),
    ("articles", "topic", "change_topic", "Can change topic"),
    ("providers", "service", "change_service", "Can change service"),
]
# Chosen in the root collection, so translators can override an image or link a document.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
]
PAGE_PERMISSIONS = ["change_page"]


def create_translators_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")

    def permission(app_label, model, codename, name):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*(permission(*spec) for spec in MODEL_PERMISSIONS))

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for spec in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(*spec)
            )

    # Locale roots that already exist (e.g. a Spanish home page); later ones are granted by
    # core.translators.grant_translators_on_new_locale_root.
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    roots = Page.objects.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE)
    for page in roots:
        for page_permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=page_permission
            )


def delete_translators_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("articles", "0001_initial"),
        ("providers", "0001_initial"),
        ("home", "0002_content_locales_and_home_page"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [
        migrations.RunPython(create_translators_group, delete_translators_group),
    ]
