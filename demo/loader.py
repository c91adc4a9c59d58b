"""Demo content for newcomers and reviewers. Every step is idempotent."""

from wagtail.models import Site

from home.models import HomePage


def load_demo_content() -> list[str]:
    home = HomePage.objects.get(locale__language_code="en")
    site = Site.objects.get(is_default_site=True)
    if site.site_name != "Health CMS":
        site.site_name = "Health CMS"
        site.save()
    return [f"Home page: {home.title} ({home.url_path})"]
