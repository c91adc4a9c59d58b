"""The content-checks panel at the top of the page editor."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ContentChecksPanel(Panel):
    """Read-only: the errors that block publishing and the warnings an editor should weigh."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Content checks"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/checks/content_checks_panel.html"

        def get_context_data(self, parent_context=None):
            # Imported here: the page models import this module to build their editors.
            from editorial.checks.results import check_page

            context = super().get_context_data(parent_context)
            page = self.instance
            if page is None or page.pk is None:
                context["saved"] = False
                return context
            # The editor's instance is the latest revision, so drafts are checked as edited.
            checks = check_page(page)
            context.update(
                saved=True,
                errors=[check for check in checks if check.is_error],
                warnings=[check for check in checks if not check.is_error],
                review_steps=self.review_steps(page, self.request.user),
            )
            return context

        @staticmethod
        def review_steps(page, user) -> list[str]:
            """What the review still owes an article before it may go live (not an error)."""
            from articles.models import ArticlePage
            from editorial.publishing import review_blockers
            from editorial.review_stamp import cannot_approve_reason

            if not isinstance(page, ArticlePage):
                return []
            live_record = ArticlePage.objects.get(pk=page.pk)
            steps = review_blockers(live_record, candidate=page)
            if reason := cannot_approve_reason(live_record, user):
                steps.append(reason)
            return steps
