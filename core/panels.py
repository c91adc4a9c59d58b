"""Editor panels shared by page types."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from core.rules import check_page, review_steps
from core.translation_provenance import provenance
from core.translation_status import TranslationStatus, source_of, translation_states


class ContentChecksPanel(Panel):
    """Read-only: the errors that block publishing, the warnings an editor should weigh, and what
    the review still owes the page (all from the rules registered in core.rules)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Content checks"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/content_checks_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page is None or page.pk is None:
                context["saved"] = False
                return context
            # The editor's instance is the latest revision, so drafts are checked as edited.
            checks = check_page(page)
            stored = type(page).objects.get(pk=page.pk)
            context.update(
                saved=True,
                errors=[check for check in checks if check.is_error],
                warnings=[check for check in checks if not check.is_error],
                review_steps=review_steps(stored, candidate=page, user=self.request.user),
            )
            return context


class TranslationStatusPanel(Panel):
    """Read-only: the state of the page's translations, with a link to act on each one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Translations"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/panels/translation_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page.pk is None:
                return context

            source = source_of(page)
            states = translation_states([source]).get(source.translation_key, [])
            user = self.request.user
            can_submit = user.has_perm("wagtail_localize.submit_translation")
            localize_source = (
                TranslationSource.objects.get_for_instance_or_none(source)
                if can_submit and any(s.status == TranslationStatus.OUTDATED for s in states)
                else None
            )
            context.update(
                saved=True,
                source=source,
                is_source=source.pk == page.pk,
                source_edit_url=reverse("wagtailadmin_pages:edit", args=[source.pk]),
                rows=[self._row(state, source, page, can_submit) for state in states],
                sync_url=(
                    reverse("wagtail_localize:update_translations", args=[localize_source.pk])
                    if localize_source
                    else None
                ),
            )
            return context

        @staticmethod
        def _row(state, source, page, can_submit) -> dict:
            if state.target_id is not None:
                url = reverse("wagtailadmin_pages:edit", args=[state.target_id])
                action = _("Edit translation")
            elif can_submit:
                url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
                action = _("Translate")
            else:
                url = action = None
            # Who and what made each translation (machine or people, reviewed by whom, from
            # which revision of the original): seven queries a translation, editors' view only.
            target = Page.objects.filter(pk=state.target_id).first() if state.target_id else None
            return {
                "state": state,
                "is_current": state.locale.pk == page.locale_id,
                "url": url,
                "action": action,
                "made": provenance(target) if target is not None else None,
            }
