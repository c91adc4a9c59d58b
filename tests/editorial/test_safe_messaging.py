"""Safe messaging about suicide: wording to avoid, method or place, a passage on hope and help."""

import pytest

from articles.models import ArticlePage
from core.rules import ContentCheck
from editorial.checks.articles import check_article
from editorial.checks.safe_messaging import method_findings, wording_findings

SAFETY_CALLOUT = {
    "type": "callout",
    "value": {
        "tone": "safety",
        "title": "Help is available",
        "body": "<p>Treatment works, and people recover. Call or text 988 at any hour.</p>",
    },
}


def paragraphs(*texts: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def article(language: str, locales, **fields) -> ArticlePage:
    fields.setdefault("title", "Living with depression")
    return ArticlePage(locale=locales[language], **fields)


def warnings(checks: list[ContentCheck]) -> list[str]:
    return [check.message for check in checks if check.level == "warning"]


def quoted(text: str, language: str) -> list[str]:
    return [finding.quoted for finding in wording_findings(text, language)]


# English wording


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Her brother committed suicide in 2019.", "committed suicide"),
        ("HE COMMITTED SUICIDE.", "COMMITTED SUICIDE"),
        ("People who commit suicide often saw a doctor.", "commit suicide"),
        ("Someone who commits\nsuicide leaves many behind.", "commits suicide"),
        ("It was counted as a successful suicide.", "successful suicide"),
        ("Completed suicides rose in the county.", "Completed suicides"),
        ("After two failed suicide attempts she found help.", "failed suicide attempts"),
        ("Her unsuccessful attempt at suicide changed her view.", "unsuccessful attempt"),
        ("Some call it a suicide epidemic.", "suicide epidemic"),
        ("Suicide rates are skyrocketing.", "skyrocketing"),
    ],
)
def test_english_wording_the_guidance_advises_against_is_found(text, phrase):
    assert quoted(text, "en") == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "Her brother died by suicide in 2019.",
        "He survived a suicide attempt and now volunteers.",
        "A failed attempt to quit smoking is common.",  # no suicide in the sentence
        "The committee discussed suicide prevention.",  # "committee" is not "committed"
        "Prices are skyrocketing for many medicines.",
        "The trial was a successful attempt to shorten waiting lists.",
    ],
)
def test_safe_english_wording_is_not_flagged(text):
    assert quoted(text, "en") == []


# Spanish wording


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Su hermano cometió suicidio en 2019.", "cometió suicidio"),
        ("Su hermano cometio suicidio en 2019.", "cometio suicidio"),  # without the accent
        ("SU HERMANO COMETIÓ SUICIDIO.", "COMETIÓ SUICIDIO"),
        ("Quienes cometen\nsuicidio suelen haber ido al médico.", "cometen suicidio"),
        ("Nadie quiere cometer un suicidio.", "cometer un suicidio"),
        ("Se registró como un suicidio exitoso.", "suicidio exitoso"),
        ("Los suicidios consumados aumentaron.", "suicidios consumados"),
        ("Tras un intento fallido de suicidio pidió ayuda.", "intento fallido"),
        (
            "Dos intentos de suicidio frustrados la llevaron a terapia.",
            "intentos de suicidio frustrados",
        ),
        ("Algunos hablan de una epidemia de suicidios.", "epidemia de suicidios"),
    ],
)
def test_spanish_wording_the_guidance_advises_against_is_found(text, phrase):
    assert quoted(text, "es") == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "Su hermano murió por suicidio en 2019.",
        "Sobrevivió a un intento de suicidio y hoy ayuda a otros.",
        "Un intento fallido de dejar de fumar es frecuente.",  # no suicide in the sentence
        "Cometió un error con la dosis.",
        "La prevención del suicidio salva vidas.",
    ],
)
def test_safe_spanish_wording_is_not_flagged(text):
    assert quoted(text, "es") == []


# Method and place


def test_method_and_place_in_a_sentence_about_suicide_are_named():
    text = "He died by suicide after jumping from a bridge near his home."

    assert list(method_findings(text, "en")) == ["jumping from", "bridge"]


def test_spanish_method_in_a_sentence_about_suicide_is_named():
    text = "Se quitó la vida con una sobredosis de pastillas."

    assert list(method_findings(text, "es")) == ["sobredosis", "pastillas"]


def test_method_words_outside_a_sentence_about_suicide_are_not_flagged():
    text = "An overdose of paracetamol harms the liver. The bridge to recovery is support."

    assert list(method_findings(text, "en")) == []


# Warnings on an article


@pytest.mark.django_db
def test_stigmatising_wording_warns_with_the_section_and_the_preferred_wording(locales):
    page = article(
        "en",
        locales,
        story=[*paragraphs("My uncle committed suicide when I was ten."), SAFETY_CALLOUT],
    )

    assert warnings(check_article(page)) == [
        "Story section: “committed suicide” suggests a crime or a sin; write “died by suicide” "
        "or “took their own life” instead."
    ]


@pytest.mark.django_db
def test_a_phrase_used_twice_warns_once_with_the_count(locales):
    page = article(
        "es",
        locales,
        story=[
            *paragraphs("Mi tío cometió suicidio.", "Mi tío cometió suicidio."),
            SAFETY_CALLOUT,
        ],
    )

    assert warnings(check_article(page)) == [
        "Story section: “cometió suicidio” (2 times) suggests a crime or a sin; write “murió por "
        "suicidio” or “se quitó la vida” instead."
    ]


@pytest.mark.django_db
def test_the_title_is_checked_too(locales):
    page = article("en", locales, title="Why he committed suicide", story=[SAFETY_CALLOUT])

    [message] = warnings(check_article(page))

    assert message.startswith("Title: “committed suicide”")


@pytest.mark.django_db
def test_method_detail_warns_in_the_section_it_is_in(locales):
    page = article(
        "en",
        locales,
        story=[SAFETY_CALLOUT],
        science=paragraphs("Most people who die by suicide by hanging had seen a doctor."),
    )

    checks = [check for check in check_article(page) if check.level == "warning"]

    assert [(check.field, check.message) for check in checks] == [
        (
            "science",
            "Science section: a sentence about suicide names how or where (“hanging”). "
            "Safe-messaging guidance asks not to describe the method or the place: remove the "
            "detail.",
        )
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Thoughts of suicide are a symptom that treatment can ease."),
        ("es", "Los pensamientos suicidas son un síntoma que el tratamiento alivia."),
    ],
)
def test_mentioning_suicide_without_a_safety_callout_warns(locales, language, text):
    page = article(language, locales, story=paragraphs(text))

    assert warnings(check_article(page)) == [
        "The article mentions suicide but has no passage on hope and help. Add a Callout with "
        "the tone “Safety (crisis support)” near the mention: say that help works, and where "
        "to find it."
    ]


@pytest.mark.django_db
def test_a_safety_callout_in_any_section_is_the_hope_and_help_passage(locales):
    page = article(
        "en",
        locales,
        story=paragraphs("Thoughts of suicide are a symptom that treatment can ease."),
        guidance=[SAFETY_CALLOUT],
    )

    assert warnings(check_article(page)) == []


@pytest.mark.django_db
def test_a_callout_of_another_tone_is_not_a_hope_and_help_passage(locales):
    tip = {**SAFETY_CALLOUT, "value": {**SAFETY_CALLOUT["value"], "tone": "tip"}}
    page = article(
        "en",
        locales,
        story=[*paragraphs("Thoughts of suicide are a symptom that treatment can ease."), tip],
    )

    assert len(warnings(check_article(page))) == 1


@pytest.mark.django_db
def test_an_article_that_never_mentions_suicide_needs_no_hope_and_help_passage(locales):
    page = article("en", locales, story=paragraphs("Depression is common and treatable."))

    assert warnings(check_article(page)) == []


@pytest.mark.django_db
def test_arabic_articles_are_not_checked_for_wording(locales):
    page = article("ar", locales, story=paragraphs("committed suicide"))

    assert warnings(check_article(page)) == []
