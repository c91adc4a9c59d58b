"""Translators act in their own language only.

Each translated language has two groups, "Translators (es)" and "Translation reviewers (es)"
(made by editorial/translation_review.py when the Locale is saved). The names live here because
the admin's snippet checks in core need them; editorial grants the groups their rights:
translators edit that language's tree, publish in its article and provider sections, and
translate people, topics and services; reviewers edit that language's tree and approve its
translation reviews. Nobody in them changes the English source.

Page permissions in Wagtail cover a page and everything below it, so per-language rights on
pages come from each locale's root page. Snippet permissions cover every locale at once, so
`snippet_languages` says which languages a user may change a snippet model in, and two checks
use it: the admin hook `core.wagtail_hooks.keep_translators_in_their_languages` (Wagtail's
snippet edit view, which wagtail-localize's translation editor replaces) and
`install_translation_editor_check` (wagtail-localize's own views that save strings, overrides,
PO files and machine translations, which ask only whether the user may edit the snippet type).

The group "Translators" that once held these rights for every language is kept, renamed
`TRANSLATORS_GROUP_NAME` ("Translators (no language yet)"), without any right: its members whose
language could be read from their translations were moved into that language's group by
`editorial/migrations/0006_translators_per_language.py`; an administrator places the others.
"""

from django.db.models import Q

# The former all-language group: no rights any more (see the module docstring).
TRANSLATORS_GROUP_NAME = "Translators (no language yet)"
FORMER_TRANSLATORS_GROUP_NAME = "Translators"

TRANSLATORS_PREFIX = "Translators ("
REVIEWERS_PREFIX = "Translation reviewers ("


def translators_group_name(language_code: str) -> str:
    return f"{TRANSLATORS_PREFIX}{language_code})"


def reviewers_group_name(language_code: str) -> str:
    return f"{REVIEWERS_PREFIX}{language_code})"


def language_of_group(name: str, prefix: str) -> str | None:
    """The language code in a per-language group's name, or None for any other group."""
    if name == TRANSLATORS_GROUP_NAME or not (name.startswith(prefix) and name.endswith(")")):
        return None
    return name[len(prefix) : -1] or None


def language_group_q() -> Q:
    """Groups whose rights hold in one language only."""
    return (Q(name__startswith=TRANSLATORS_PREFIX) | Q(name__startswith=REVIEWERS_PREFIX)) & ~Q(
        name=TRANSLATORS_GROUP_NAME
    )


def snippet_languages(user, model) -> frozenset[str] | None:
    """The languages in which `user` may change objects of `model`.

    None when the right is not tied to a language (a superuser, an editor, a right given to the
    user directly or through any other group); otherwise the languages of the per-language
    groups that give it (empty when the user may not change the model at all).
    """
    from django.contrib.auth.models import Permission

    if user.is_superuser:
        return None
    app_label, codename = model._meta.app_label, f"change_{model._meta.model_name}"
    if not user.has_perm(f"{app_label}.{codename}"):
        return frozenset()
    permission = Permission.objects.filter(codename=codename, content_type__app_label=app_label)
    other_groups = user.groups.exclude(language_group_q())
    if permission.filter(Q(user=user) | Q(group__in=other_groups)).exists():
        return None
    names = user.groups.filter(language_group_q(), permissions__in=permission).values_list(
        "name", flat=True
    )
    return frozenset(
        code
        for name in names
        if (
            code := language_of_group(name, TRANSLATORS_PREFIX)
            or language_of_group(name, REVIEWERS_PREFIX)
        )
    )


def may_change_in_language(user, instance) -> bool:
    """Whether `user` may change this translatable snippet in its own language."""
    languages = snippet_languages(user, type(instance))
    return languages is None or instance.locale.language_code in languages


def changes_source_only_as_translator(user, model) -> bool:
    """Whether `user` may change objects of `model` only through per-language groups.

    Such a user may change translations in their languages but not the source-language objects.
    """
    languages = snippet_languages(user, model)
    return languages is not None and bool(languages)


def install_translation_editor_check() -> None:
    """Make wagtail-localize's translation views refuse a snippet in another language.

    Its views (editing a string or an override, uploading or downloading a PO file, machine
    translation, stopping a translation) call `user_can_edit_instance`, which for a snippet
    asks only whether the user may edit that snippet type, in any language. The wrapper adds
    the language; pages keep Wagtail's per-tree page permissions.
    """
    from wagtail.models import Page, TranslatableMixin
    from wagtail_localize.views import edit_translation

    original = edit_translation.user_can_edit_instance
    if getattr(original, "checks_language", False):
        return

    def user_can_edit_instance(user, instance):
        if not original(user, instance):
            return False
        if isinstance(instance, Page) or not isinstance(instance, TranslatableMixin):
            return True
        return may_change_in_language(user, instance)

    user_can_edit_instance.checks_language = True
    edit_translation.user_can_edit_instance = user_can_edit_instance
