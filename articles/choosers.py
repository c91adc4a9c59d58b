"""Choosers that offer only the people who hold a role: authors, or medical reviewers."""

from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.coreutils import resolve_model_string


class PersonRoleChooserViewSet(ChooserViewSet):
    """A Person chooser limited to one role, so editors only see people who may be credited."""

    model = "articles.Person"
    icon = "user"
    # Other foreign keys to Person keep the snippet's own, unfiltered chooser.
    register_widget = False
    #: The Person field that must be true, e.g. "is_author".
    role_field = ""

    def get_object_list(self):
        return resolve_model_string(self.model).objects.filter(**{self.role_field: True})


author_chooser_viewset = PersonRoleChooserViewSet(
    "author_chooser",
    url_prefix="articles/choose-author",
    role_field="is_author",
    choose_one_text="Choose an author",
    choose_another_text="Choose another author",
)
reviewer_chooser_viewset = PersonRoleChooserViewSet(
    "medical_reviewer_chooser",
    url_prefix="articles/choose-medical-reviewer",
    role_field="is_medical_reviewer",
    choose_one_text="Choose a medical reviewer",
    choose_another_text="Choose another medical reviewer",
)

AuthorChooserWidget = author_chooser_viewset.widget_class
MedicalReviewerChooserWidget = reviewer_chooser_viewset.widget_class
