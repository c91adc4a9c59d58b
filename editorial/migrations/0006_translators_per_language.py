"""Translators act in their own language only: the all-language "Translators" group's rights move
to the per-language groups, "Translators (es)", "Translators (ar)"...

- Each translated language's translators get what the old group had, in that language only:
  edit on its tree, edit and publish in its article and provider sections, and the right to
  translate people, topics and services (core/translators.py keeps them to their language).
- A member of the old group who has translated strings (wagtail-localize records the last
  translator of each string) joins the translators of every language they translated into, and
  leaves the old group.
- The old group loses every right and is renamed "Translators (no language yet)": its remaining
  members cannot use the admin until an administrator adds them to a language's group (we cannot
  tell their language: they have translated nothing yet).

Reverse: the old group gets back its name and rights (on every translated language); people
moved into a language's group stay there.
"""

from django.conf import settings
from django.db import migrations

from core.translators import (
    FORMER_TRANSLATORS_GROUP_NAME,
    TRANSLATORS_GROUP_NAME,
    translators_group_name,
)
from editorial.roles import SECTION_INDEX_MODELS, _permission
from editorial.translation_review import (
    TRANSLATOR_COLLECTION_PERMISSIONS,
    TRANSLATOR_MODEL_PERMISSIONS,
    TRANSLATOR_SECTION_PERMISSIONS,
    apply_to_existing_locales,
)


def move_rights_to_language_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    StringTranslation = apps.get_model("wagtail_localize", "StringTranslation")

    apply_to_existing_locales(apps)  # the language groups, with their rights

    old = Group.objects.filter(name=FORMER_TRANSLATORS_GROUP_NAME).first()
    if old is None:
        return
    language_groups = {
        group.name: group
        for group in Group.objects.filter(name__startswith=translators_group_name("")[:-1])
    }
    for user in old.user_set.all():
        codes = set(
            StringTranslation.objects.filter(last_translated_by=user)
            .exclude(locale__language_code=settings.LANGUAGE_CODE)
            .values_list("locale__language_code", flat=True)
        )
        groups = [
            language_groups[name]
            for code in codes
            if (name := translators_group_name(code)) in language_groups
        ]
        if groups:
            user.groups.add(*groups)
            user.groups.remove(old)

    old.permissions.clear()
    GroupPagePermission.objects.filter(group=old).delete()
    GroupCollectionPermission.objects.filter(group=old).delete()
    waiting = Group.objects.filter(name=TRANSLATORS_GROUP_NAME).first()
    if waiting is None:
        old.name = TRANSLATORS_GROUP_NAME
        old.save(update_fields=["name"])
    else:  # run again on data that already has it: one group of people waiting for a language
        waiting.user_set.add(*old.user_set.all())
        old.delete()


def restore_the_all_language_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    group = Group.objects.filter(name=TRANSLATORS_GROUP_NAME).first()
    if group is None:
        group, _ = Group.objects.get_or_create(name=FORMER_TRANSLATORS_GROUP_NAME)
    else:
        group.name = FORMER_TRANSLATORS_GROUP_NAME
        group.save(update_fields=["name"])
    group.permissions.add(*(_permission(apps, dotted) for dotted in TRANSLATOR_MODEL_PERMISSIONS))
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for dotted in TRANSLATOR_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, dotted)
            )
    change = _permission(apps, "wagtailcore.change_page")
    for root in Page.objects.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE):
        GroupPagePermission.objects.get_or_create(group=group, page_id=root.pk, permission=change)
    for app_label, model_name in SECTION_INDEX_MODELS:
        indexes = apps.get_model(app_label, model_name).objects.exclude(
            locale__language_code=settings.LANGUAGE_CODE
        )
        for index_page in indexes:
            for codename in TRANSLATOR_SECTION_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page_id=index_page.pk,
                    permission=_permission(apps, f"wagtailcore.{codename}"),
                )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0005_translation_review"),
        ("core", "0002_translators_group"),
        ("providers", "0001_initial"),
        ("articles", "0001_initial"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [
        migrations.RunPython(move_rights_to_language_groups, restore_the_all_language_group)
    ]
