"""An editor's explicit choice to publish a translation with some blocks still in the source
language: the untranslated blocks are listed by name, the decision is recorded on the revision
(core.translation_records.PartialTranslationDecision) with who made it, and readers get those
blocks marked with the source's language and direction.

Translators cannot make this choice; without it, the gate withholds an incomplete translation.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page, PagePermissionTester

from core.rules import publishing_blockers
from core.translation_provenance import Provenance, provenance
from core.translation_records import PartialTranslationDecision
from editorial.roles import EDITORS


def may_publish_partly(user, page: Page) -> bool:
    """Editors (not translators) who may publish the page by Wagtail's permissions."""
    if not (user.is_superuser or user.groups.filter(name=EDITORS).exists()):
        return False
    return PagePermissionTester.can_publish(page.permissions_for_user(user))


def untranslated_blocks(page: Page, made: Provenance) -> list[dict[str, str]]:
    """What stays in the source language, as an editor recognises it: field, block type and
    the beginning of its source text."""
    source = Page.objects.get(pk=made.source_page_id).specific if made.source_page_id else None
    named = []
    for unit in sorted(made.untranslated):
        label = unit
        for field in ("story", "science", "guidance"):
            stream = getattr(source, field, None) or []
            for child in stream:
                if child.id == unit:
                    text = strip_tags(str(child.value))
                    label = f"{field} · {child.block_type} · {text[:80]}"
        named.append({"id": unit, "label": label})
    return named


def publish_partly(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_publish_partly(request.user, page):
        raise PermissionDenied
    made = provenance(page)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if made is None or not made.untranslated:
        messages.info(request, _("Every segment of this translation is translated."))
        return redirect(edit_url)
    blocks = untranslated_blocks(page, made)
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(
                request,
                _("Confirm that these blocks stay in %(language)s before publishing.")
                % {"language": made.source_language},
            )
        else:
            blockers = _publish(request.user, page, made)
            if not blockers:
                messages.success(
                    request,
                    _("Published with %(count)d blocks in the source language.")
                    % {"count": len(blocks)},
                )
                return redirect(edit_url)
            messages.error(request, " ".join(blockers))
    return TemplateResponse(
        request,
        "editorial/publish_partly.html",
        {"page": page, "blocks": blocks, "made": made, "edit_url": edit_url},
    )


@transaction.atomic
def _publish(user, page: Page, made: Provenance) -> list[str]:
    """Save the translation as it stands, record the decision on that revision, and publish it
    if nothing else blocks it; returns what blocks it."""
    made.translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    revision = page.latest_revision
    PartialTranslationDecision.objects.create(
        revision=revision, page=page, untranslated=sorted(made.untranslated), decided_by=user
    )
    if blockers := publishing_blockers(page):
        transaction.set_rollback(True)
        return blockers
    revision.publish(user=user, skip_permission_checks=True)
    return []


class PublishPartlyMenuItem(PageMenuItem):
    label = gettext_lazy("Publish partly translated")
    icon_name = "globe"
    url_name = "editorial_publish_partly"

    def is_shown(self, user):
        if self.page.locale.language_code == settings.LANGUAGE_CODE:
            return False
        if not may_publish_partly(user, self.page.specific):
            return False
        made = provenance(self.page)
        return bool(made and made.untranslated)


@hooks.register("register_page_header_buttons")
def publish_partly_header_button(page, user, view_name, next_url=None):
    yield PublishPartlyMenuItem(page=page, priority=58)


@hooks.register("register_admin_urls")
def register_publish_partly_url():
    return [
        path(
            "translations/<int:page_id>/publish-partly/",
            publish_partly,
            name="editorial_publish_partly",
        )
    ]
