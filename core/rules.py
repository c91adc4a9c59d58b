"""The rules a page must meet before readers see it, registered per page model by the apps.

Core knows no page model and no rule. The editorial app registers, in its `ready()`, the content
checks of each page model (errors block publishing, warnings advise) and what the review still
owes a page; the content apps' editors, the permission tester and the publication gate ask here.
So the page models never import the rules, and the rules may import the page models.

`publishing_blockers(page)` is the one answer to "may this page go live, and if not, why?".
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from wagtail.models import Page, PagePermissionTester

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class ContentCheck:
    """One problem found in a page, with a sentence that tells the editor what to do."""

    level: Level
    message: str
    # The page field the problem is in (e.g. "science", "references"), or None for the page
    # as a whole; lets a caller point the editor at the right tab.
    field: str | None = None

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def error(message: str, field: str | None = None) -> ContentCheck:
    """A problem that must be fixed before the page is published."""
    return ContentCheck("error", message, field)


def warning(message: str, field: str | None = None) -> ContentCheck:
    """A problem an editor should weigh; it does not block publishing."""
    return ContentCheck("warning", message, field)


#: Checks a page as it would go live (a revision's object) and returns the problems found.
Checker = Callable[[Page], list[ContentCheck]]
#: What the review process still owes a page before it goes live, in words for editors:
#: `(page as stored, candidate revision, user or None) -> steps`. With a user, it may add why
#: that user cannot take the next step.
ReviewSteps = Callable[[Page, Page, object | None], list[str]]
#: Whether readers may get a page's live revision: `(page row, live revision's object) ->
#: refusals`, in words for editors; empty when they may.
GateRule = Callable[[Page, Page], list[str]]
#: A page model's permission tester class (Wagtail's PagePermissionTester or a subclass).
TesterClass = type[PagePermissionTester]

_checkers: dict[type[Page], list[Checker]] = {}
_blocking_checkers: dict[type[Page], list[Checker]] = {}
_review_steps: dict[type[Page], list[ReviewSteps]] = {}
_testers: dict[type[Page], TesterClass] = {}
_gate_rules: dict[type[Page], list[GateRule]] = {}


def register_checks(
    model: type[Page], *, errors: Checker | None = None, warnings: Checker | None = None
) -> None:
    """`errors` finds what blocks publishing; `warnings` (often slower, e.g. readability) what
    an editor should weigh. Publishing asks only for the errors."""
    if errors is not None:
        _blocking_checkers.setdefault(model, []).append(errors)
    _checkers.setdefault(model, []).extend(filter(None, (errors, warnings)))


def register_review_steps(model: type[Page], steps: ReviewSteps) -> None:
    _review_steps.setdefault(model, []).append(steps)


def register_gate_rule(model: type[Page], rule: GateRule) -> None:
    """A rule the live revision of `model`'s pages must meet before readers get it."""
    _gate_rules.setdefault(model, []).append(rule)


def gate_refusals(page: Page, live: Page) -> list[str]:
    """Why readers may not get `live` (the page's live revision), by its model's gate rules."""
    return [
        refusal
        for rules in _for_model(_gate_rules, type(live))
        for rule in rules
        for refusal in rule(page, live)
    ]


def register_permission_tester(model: type[Page], tester: TesterClass) -> None:
    _testers[model] = tester


def _for_model(registry: dict[type[Page], list], model: type) -> list[list]:
    return [registry[cls] for cls in model.__mro__ if cls in registry]


def _run(registry: dict[type[Page], list[Checker]], page: Page) -> list[ContentCheck]:
    page = page.specific if type(page) is Page else page
    checks = [
        check
        for checkers in _for_model(registry, type(page))
        for checker in checkers
        for check in checker(page)
    ]
    return sorted(checks, key=lambda check: not check.is_error)


def check_page(page: Page) -> list[ContentCheck]:
    """Every problem in a page of any type, errors first; empty for types without checks."""
    return _run(_checkers, page)


def content_errors(candidate: Page) -> list[ContentCheck]:
    """The problems in `candidate` (a page or a revision's object) that block publishing."""
    return [check for check in _run(_blocking_checkers, candidate) if check.is_error]


def latest_content_errors(page: Page, remember_on: object) -> list[ContentCheck]:
    """`content_errors` of the page's latest revision, remembered on `remember_on` (the request's
    user): Wagtail asks several times per admin page (menus, actions, one permission tester
    each), and the content of a revision cannot change in between."""
    remembered = remember_on.__dict__.setdefault("_content_errors", {})
    key = (page.pk, page.latest_revision_id)
    if key not in remembered:
        remembered[key] = content_errors(page.get_latest_revision_as_object())
    return remembered[key]


def review_steps(page: Page, candidate: Page | None = None, user=None) -> list[str]:
    """What the review still owes `page` before `candidate` (its latest revision) goes live."""
    page = page.specific if type(page) is Page else page
    candidate = candidate if candidate is not None else page.get_latest_revision_as_object()
    return [
        step
        for registered in _for_model(_review_steps, type(page))
        for steps in registered
        for step in steps(page, candidate, user)
    ]


def publishing_blockers(
    page: Page, candidate: Page | None = None, remember_on: object | None = None
) -> list[str]:
    """Why `candidate` (by default the page's latest revision) may not go live; empty if it may.

    The one answer for every path to readers: the editor's Publish button, the workflow's last
    approval, wagtail-localize's publishing and the publication gate all ask it.
    """
    page = page.specific if type(page) is Page else page
    if candidate is not None:
        errors = content_errors(candidate)
    else:
        candidate = page.get_latest_revision_as_object()
        errors = (
            latest_content_errors(page, remember_on)
            if remember_on is not None
            else content_errors(candidate)
        )
    return [*review_steps(page, candidate), *(check.message for check in errors)]


class RuledPageMixin:
    """For page models whose rules are registered here: Wagtail asks the registered permission
    tester (e.g. one that refuses to publish while `publishing_blockers` says no)."""

    def permissions_for_user(self, user):
        for cls in type(self).__mro__:
            if cls in _testers:
                return _testers[cls](user, self)
        return super().permissions_for_user(user)
