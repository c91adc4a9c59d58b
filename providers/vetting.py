"""The four vetting criteria that article guidance teaches readers to check in a clinic.

The provider directory records each as yes/no with an evidence note; article checklists may point
to one of them, so that a reader can filter the directory by the criterion they just read about.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class VettingCriterion(models.TextChoices):
    QUALIFIED_MEDICAL_STAFF = "qualified_medical_staff", _("Qualified medical staff")
    THOROUGH_SCREENING = "thorough_screening", _("Thorough screening")
    INTEGRATION_SUPPORT = "integration_support", _("Therapeutic integration support")
    TRANSPARENT_PRICING = "transparent_pricing", _("Transparent pricing and treatment plans")


def evidence_field_name(criterion: VettingCriterion) -> str:
    """The name of the model field that holds the evidence for `criterion`."""
    return f"{criterion.value}_evidence"


@dataclass(frozen=True)
class VettingAnswer:
    """One criterion as recorded for one clinic: whether it is met, and what shows it."""

    criterion: VettingCriterion
    met: bool
    evidence: str

    @property
    def label(self) -> str:
        return str(self.criterion.label)  # in the active language (the page's, when rendered)

    @property
    def field_name(self) -> str:
        return self.criterion.value
