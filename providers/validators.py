"""Field validators of the provider directory, with messages an editor understands."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone


def validate_not_in_future(value: datetime.date) -> None:
    """Reject a date after today: a clinic cannot have been checked on a day still to come."""
    if value > timezone.localdate():
        raise ValidationError(
            "This date is in the future. Enter the day the details were last checked."
        )


validate_country_code = RegexValidator(
    r"^[A-Z]{2}\Z",
    "Enter the two-letter country code in capitals, e.g. US.",
)

validate_region_code = RegexValidator(
    r"^[A-Z0-9]{1,3}\Z",
    "Enter the state or region code in capitals, e.g. PA for Pennsylvania.",
)
