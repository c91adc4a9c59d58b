"""Machine translation: the offline dummy translator in tests, real services chosen by settings."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.dummy import translate_html
from wagtail_localize.models import StringTranslation

from articles.models import ArticlePage
from cms.settings.base import machine_translator_config
from tests.translation.factories import start_translation


def test_tests_use_the_offline_dummy_translator():
    assert type(get_machine_translator()).__name__ == "DummyTranslator"


@pytest.mark.django_db
def test_the_dummy_translator_fills_every_segment_including_custom_blocks(
    article, spanish, superuser, client, publishing
):
    translation = start_translation(article, spanish)
    client.force_login(superuser)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])

    response = client.post(url, {"next": "/admin/"})

    assert response.status_code == 302
    total, translated = translation.get_progress()
    assert total == translated > 30
    assert set(
        StringTranslation.objects.filter(locale=spanish).values_list("tool_name", flat=True)
    ) == {"Dummy translator"}

    publishing(translation.save_target)
    translated_page = ArticlePage.objects.get(
        translation_key=article.translation_key, locale=spanish
    )
    testimonial = translated_page.story[0].value
    assert testimonial["quote"] == translate_html("I felt quiet for the first time in years")
    mechanism = translated_page.science[2].value["mechanisms"][0]
    assert mechanism["explanation"] == translate_html("It quiets one kind of signal")
    statistic = translated_page.science[3].value
    assert statistic["measure"] == translate_html("of adults had a major depressive episode")
    assert statistic["figure"] == "8.3%"
    care_plan = next(block for block in translated_page.guidance if block.block_type == "care_plan")
    assert care_plan.value["components"][0]["name"] == translate_html("Ongoing care")


@pytest.mark.parametrize(
    ("backend", "environment", "translator_class", "options"),
    [
        ("none", {}, None, None),
        ("dummy", {}, "DummyTranslator", None),
        (
            "deepl",
            {"DEEPL_API_KEY": "secret:fx"},
            "DeepLTranslator",
            {"AUTH_KEY": "secret:fx", "TIMEOUT": 30},
        ),
        (
            "libretranslate",
            {"LIBRETRANSLATE_URL": "https://translate.example.org/", "LIBRETRANSLATE_API_KEY": "k"},
            "LibreTranslator",
            {"LIBRETRANSLATE_URL": "https://translate.example.org", "API_KEY": "k", "TIMEOUT": 30},
        ),
    ],
)
def test_the_machine_translator_is_chosen_by_environment_variables(
    monkeypatch, backend, environment, translator_class, options
):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    config = machine_translator_config(backend)

    if translator_class is None:
        assert config is None
    else:
        assert config["CLASS"].endswith(f".{translator_class}")
        assert config.get("OPTIONS") == options


def test_a_chosen_service_without_its_credentials_stops_start_up(monkeypatch):
    monkeypatch.delenv("DEEPL_API_KEY", raising=False)
    with pytest.raises(ImproperlyConfigured, match="DEEPL_API_KEY"):
        machine_translator_config("deepl")
    with pytest.raises(ImproperlyConfigured, match="MACHINE_TRANSLATOR"):
        machine_translator_config("babelfish")
