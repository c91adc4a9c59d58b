"""What changed in the source since a translation was last synced, and how to bring it in.

A translator who opens an outdated translation gets a message in the editor with a link to a page
that lists the source's blocks added, changed and removed between the revision the translation
was synced from and the source's latest revision, with one primary action: sync the translation
with the source (what wagtail-localize's "Sync translated pages" does without publishing: the
new and changed segments become translatable, nothing goes live).
"""

from dataclasses import dataclass
from typing import Literal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Revision
from wagtail_localize.fields import TranslatableField, get_translatable_fields

from core.translation_provenance import provenance
from core.translation_status import TranslationStatus, translation_states

ChangeKind = Literal["added", "changed", "removed"]


@dataclass(frozen=True)
class SourceChange:
    kind: ChangeKind
    field: str  # the field's verbose name, e.g. "Story"
    what: str  # the block type's label, or the field's name for plain fields
    excerpt: str  # the beginning of the source text (the new one, or the removed one)
    block_id: str = ""


def _text(block, value) -> str:
    return Truncator(" ".join(str(text) for text in block.get_searchable_content(value))).chars(90)


def compare_revisions(old: Page, new: Page) -> list[SourceChange]:
    """Blocks (by id) added, changed or removed in every StreamField, and translatable plain
    fields changed, from `old` to `new` (two versions of one source page)."""
    changes: list[SourceChange] = []
    for translatable in get_translatable_fields(type(new)):
        if not isinstance(translatable, TranslatableField):
            continue
        field = translatable.get_field(type(new))
        if not field.concrete:
            continue  # child objects (references, topics) are compared by their own fields
        label = str(field.verbose_name).capitalize()
        before, after = getattr(old, field.name), getattr(new, field.name)
        if isinstance(field, StreamField):
            old_blocks = {child.id: child for child in before}
            new_blocks = {child.id: child for child in after}
            for child in after:
                previous = old_blocks.get(child.id)
                if previous is None:
                    kind: ChangeKind = "added"
                elif child.block.get_prep_value(child.value) != previous.block.get_prep_value(
                    previous.value
                ):
                    kind = "changed"
                else:
                    continue
                text = _text(child.block, child.value)
                changes.append(SourceChange(kind, label, str(child.block.label), text, child.id))
            for child in before:
                if child.id not in new_blocks:
                    text = _text(child.block, child.value)
                    changes.append(
                        SourceChange("removed", label, str(child.block.label), text, child.id)
                    )
        elif str(before or "") != str(after or ""):
            changes.append(SourceChange("changed", label, label, Truncator(str(after)).chars(90)))
    return changes


@dataclass(frozen=True)
class SourceDiff:
    source: Page
    synced_from: Revision | None
    latest: Revision | None
    changes: list[SourceChange]
    outdated: bool


def source_diff(page: Page) -> SourceDiff | None:
    """The source changes a translated page has not received yet; None for a page that
    wagtail-localize did not make."""
    made = provenance(page)
    if made is None or made.source_page_id is None:
        return None
    source = Page.objects.get(pk=made.source_page_id).specific
    synced_from = Revision.objects.filter(pk=made.source_revision_id).first()
    latest = source.latest_revision
    states = translation_states([source], [page.locale])[source.translation_key]
    outdated = states[0].status == TranslationStatus.OUTDATED
    changes = []
    if synced_from and latest and synced_from.pk != latest.pk:
        changes = compare_revisions(synced_from.as_object(), latest.as_object())
    return SourceDiff(source, synced_from, latest, changes, outdated)


def may_sync(user, page: Page) -> bool:
    """Whoever may edit the translation may bring the source's changes into it (as drafts)."""
    return page.permissions_for_user(user).can_edit()


def translation_changes(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_sync(request.user, page):
        raise PermissionDenied
    diff = source_diff(page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if diff is None:
        return redirect(edit_url)
    if request.method == "POST":
        made = provenance(page)
        with transaction.atomic():
            # As wagtail-localize's sync without "publish immediately": the source's new and
            # changed segments become translatable in every language; nothing is published.
            made.translation.source.update_from_db()
            made.translation.source.update_target_view_restrictions(page.locale)
        messages.success(
            request,
            _("The changes of the original are in the translation: translate the new segments."),
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "editorial/translation_changes.html",
        {"page": page, "diff": diff, "edit_url": edit_url},
    )


@hooks.register("register_admin_urls")
def register_translation_changes_url():
    return [
        path(
            "translations/<int:page_id>/changes/",
            translation_changes,
            name="editorial_translation_changes",
        )
    ]


@hooks.register("before_edit_page")
def tell_translator_what_changed(request, page):
    """On opening an outdated translation: what to do next, before wagtail-localize's editor
    (whose primary button may be Unpublish) takes over."""
    if request.method != "GET" or page.locale_id == Locale.get_default().pk:
        return None
    diff = source_diff(page)
    if diff is None or not diff.outdated:
        return None
    messages.warning(
        request,
        format_html(
            '{} <a class="button button-small" href="{}">{}</a>',
            _("The original changed after this translation was synced (%(count)d changes).")
            % {"count": len(diff.changes)},
            reverse("editorial_translation_changes", args=[page.pk]),
            _("See what changed and bring it in"),
        ),
    )
    return None
