"""Calendar arithmetic that review and verification dates share."""

from datetime import date


def one_year_after(day: date) -> date:
    """The same calendar day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
