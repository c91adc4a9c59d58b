"""Create the Spanish and Arabic locales and replace Wagtail's welcome page with a HomePage."""

from django.db import migrations
from django.utils import timezone

CONTENT_LOCALES = ["en", "es", "ar"]


def create_locales_and_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    for language_code in CONTENT_LOCALES:
        Locale.objects.get_or_create(language_code=language_code)
    english = Locale.objects.get(language_code="en")

    if HomePage.objects.exists():
        return

    # Deleting the welcome page also deletes the default Site that points at it.
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()

    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    now = timezone.now()
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=content_type,
        locale=english,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
        first_published_at=now,
        last_published_at=now,
    )
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Health CMS"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_locales_and_home_page, migrations.RunPython.noop),
    ]
