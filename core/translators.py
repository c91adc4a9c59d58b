"""The Translators group: people who translate content into Spanish and Arabic and publish the
translations, but never change the English source.

Wagtail grants page permissions on a page and everything below it, so translators get "edit"
on each translated locale's root page (the home page's translation) and nothing on the English
tree. A locale root that appears later, when an editor first translates the home page into a
new language, gets the same permission from a signal (`grant_translators_on_new_locale_root`).
They publish only in the translated article and provider sections (editorial/roles.py), so
they cannot unpublish a home page or anything outside those sections.

Snippet permissions in Wagtail cover every locale at once, so the admin hook
`core.wagtail_hooks.keep_translators_out_of_source_snippets` stops translators from opening
English snippets. Starting and syncing translations ("Translate this page", "Sync translated
pages") stays with editors: wagtail-localize's sync view can publish without checking page
permissions, so translators do not get `wagtail_localize.submit_translation`. A translation goes
live only after its reviewed English source (editorial/publishing.py).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, Locale, Page

TRANSLATORS_GROUP_NAME = "Translators"

# Page actions translators have in each translated locale's tree: edit and save drafts.
TRANSLATOR_PAGE_PERMISSIONS = ["change_page"]


def translators_group() -> Group | None:
    return Group.objects.filter(name=TRANSLATORS_GROUP_NAME).first()


def grant_locale_root(page: Page, group: Group | None = None) -> int:
    """Let translators edit `page` and every page below it; returns the permissions added."""
    group = group or translators_group()
    if group is None:
        return 0
    added = 0
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRANSLATOR_PAGE_PERMISSIONS
    ):
        _, created = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )
        added += created
    return added


def grant_translators_on_new_locale_root(sender, instance, created, raw=False, **kwargs):
    """post_save receiver: a new root page in a translated locale opens to translators."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if instance.locale_id != Locale.get_default().pk:
        grant_locale_root(instance)


def changes_source_only_as_translator(user, model) -> bool:
    """Whether `user` may change objects of `model` only through the Translators group.

    Such a user may change translations but not the source-language objects.
    """
    if user.is_superuser:
        return False
    app_label, codename = model._meta.app_label, f"change_{model._meta.model_name}"
    if not user.has_perm(f"{app_label}.{codename}"):
        return False
    other_groups = user.groups.exclude(name=TRANSLATORS_GROUP_NAME)
    granted_elsewhere = (
        Permission.objects.filter(codename=codename, content_type__app_label=app_label)
        .filter(Q(user=user) | Q(group__in=other_groups))
        .exists()
    )
    return not granted_elsewhere
