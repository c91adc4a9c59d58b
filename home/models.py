from wagtail.models import Page


class HomePage(Page):
    """The root of each locale's site: what readers land on first."""

    max_count_per_parent = 1

    class Meta:
        verbose_name = "home page"
