"""Checks of a provider's page: how recently its details were confirmed with the clinic."""

from django.utils import timezone
from django.utils.dateformat import format as format_date

from core.dates import one_year_after
from core.rules import ContentCheck, warning
from providers.models import ProviderPage


def check_provider(page: ProviderPage) -> list[ContentCheck]:
    """Every problem in the provider's page; none of them blocks publishing."""
    return [*verification_warnings(page)]


def verification_warnings(page: ProviderPage) -> list[ContentCheck]:
    """A warning when the clinic's details were last verified more than 12 months ago."""
    # Readers see "last verified" and rely on it; a year is how long the team trusts a check.
    verified = page.last_verified
    if verified is None or one_year_after(verified) >= timezone.localdate():
        return []
    return [
        warning(
            f"The clinic's details were last verified on {format_date(verified, 'j F Y')}, "
            "more than 12 months ago. Check them with the clinic again, then update "
            "'Last verified' on the Vetting tab.",
            "last_verified",
        )
    ]
