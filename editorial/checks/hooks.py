"""After a save in the page editor, a message that sums up the page's content checks."""

from django.contrib import messages
from django.utils.translation import ngettext
from wagtail import hooks

from core.rules import check_page


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def report_content_checks(request, page) -> None:
    """Add an error message for blocking problems and a warning message for the rest."""
    # Autosave posts in the background and expects JSON: messages added then would pile up
    # and all appear on the editor's next page load (Wagtail's own test for a JSON response).
    if not request.accepts("text/html"):
        return
    checks = check_page(page)
    errors = [check.message for check in checks if check.is_error]
    warnings = [check.message for check in checks if not check.is_error]
    if errors:
        messages.error(
            request,
            ngettext(
                "1 problem must be fixed before publishing: %(problems)s",
                "%(count)d problems must be fixed before publishing: %(problems)s",
                len(errors),
            )
            % {"count": len(errors), "problems": " ".join(errors)},
        )
    if warnings:
        messages.warning(
            request,
            ngettext(
                "1 content warning to consider: %(problems)s",
                "%(count)d content warnings to consider: %(problems)s",
                len(warnings),
            )
            % {"count": len(warnings), "problems": " ".join(warnings)},
        )
    # Returning nothing keeps Wagtail's own redirect.
