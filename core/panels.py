"""Editor panels shared by page types."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail_localize.models import TranslationSource

from core.translation_status import TranslationStatus, source_of, translation_states


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
            return {
                "state": state,
                "is_current": state.locale.pk == page.locale_id,
                "url": url,
                "action": action,
            }
