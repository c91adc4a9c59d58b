import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from home.models import HomePage


@pytest.mark.django_db
def test_the_three_content_locales_exist_after_migrate():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "es", "ar"}
    assert Locale.get_default().language_code == "en"


def test_the_home_page_is_the_default_sites_root(site):
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(content_type__app_label="wagtailcore", depth=2).exists()


def test_the_home_page_answers(client, site):
    response = client.get("/en/")
    assert response.status_code == 200
    assert b'<html lang="en" dir="ltr">' in response.content


def test_the_admin_login_page_answers(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration(capsys):
    call_command("makemigrations", "--check", "--dry-run", verbosity=1)
    assert "No changes detected" in capsys.readouterr().out
