"""The four vetting criteria that article guidance teaches readers to check in a clinic.

The provider directory records each as yes/no with an evidence note; article checklists may point
to one of them, so that a reader can filter the directory by the criterion they just read about.
"""

from django.db import models


class VettingCriterion(models.TextChoices):
    QUALIFIED_MEDICAL_STAFF = "qualified_medical_staff", "Qualified medical staff"
    THOROUGH_SCREENING = "thorough_screening", "Thorough screening"
    INTEGRATION_SUPPORT = "integration_support", "Therapeutic integration support"
    TRANSPARENT_PRICING = "transparent_pricing", "Transparent pricing and treatment plans"
