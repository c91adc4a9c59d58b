"""wagtail-localize's "Sync translated pages", publishing only the translations that may go live.

With "Publish immediately", wagtail-localize publishes every synced translation without asking
Wagtail's permission tester, which would bypass the rules in editorial/publishing.py (crisis
lines in the translation's language, a published English source). This view, registered at the
same admin URL ahead of wagtail-localize's own, syncs every translation and publishes each one
only when the editor may publish it; the others are saved as drafts, and the editor is told why.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import include, path
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from core.bidi import isolate_all


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    def form_valid(self, form):
        publish = form.cleaned_data.get("publish_translations")
        form.cleaned_data["publish_translations"] = False  # we publish below, one by one
        response = super().form_valid(form)
        if not publish:
            return response

        held_back = []
        for translation in self.object.translations.filter(enabled=True).select_related(
            "target_locale"
        ):
            # Save the sync first (a draft), then ask the rules about what was saved.
            with contextlib.suppress(ValidationError):
                translation.save_target(user=self.request.user, publish=False)
            target = translation.get_target_instance()
            if (
                isinstance(target, Page)
                and not target.permissions_for_user(self.request.user).can_publish()
            ):
                held_back.append(translation.target_locale.get_display_name())
                continue
            with contextlib.suppress(ValidationError):
                translation.save_target(user=self.request.user, publish=True)
        if held_back:
            messages.warning(
                self.request,
                _(
                    "Saved as drafts, not published: %(languages)s. Open each translation to "
                    "see what blocks its publishing."
                )
                # Isolated: an Arabic name in an English sentence would reorder it.
                % {"languages": isolate_all(held_back)},
            )
        return response


@hooks.register("register_admin_urls")
def register_reviewed_update_translations_url():
    # Same path as wagtail-localize's view; this app's hooks load first, so Django matches it.
    return [
        path(
            "localize/",
            include(
                (
                    [
                        path(
                            "update/<int:translation_source_id>/",
                            ReviewedUpdateTranslationsView.as_view(),
                            name="update_translations",
                        )
                    ],
                    "editorial_localize",
                ),
                namespace="editorial_localize",
            ),
        )
    ]
