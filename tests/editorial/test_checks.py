"""Content checks: what blocks an article's publishing, and what its editor is warned about."""

import datetime

import pytest
import textstat
from django.utils import timezone
from wagtail.models import Collection
from wagtail_factories import ImageFactory

from articles.models import ArticlePage
from core.rules import ContentCheck, check_page, content_errors
from editorial.checks.articles import check_article
from editorial.checks.providers import check_provider
from editorial.checks.readability import MIN_WORDS, join_prose, measure
from providers.models import ProviderPage
from tests.articles.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    reference,
    statistic,
)
from tests.core.factories import safety_information
from tests.providers.factories import ProviderIndexPageFactory, ProviderPageFactory

# About 100 words in long sentences of long words: grade 14 by Flesch-Kincaid.
HARD_ENGLISH = (
    "Ketamine is an anaesthetic that doctors have used for many decades in hospitals. It "
    "appears to relieve depressive symptoms in a considerable proportion of people whose "
    "depression has not improved with standard medication. Researchers believe the benefit "
    "comes from its effect on glutamate, a chemical messenger involved in learning and memory. "
    "This effect may encourage the growth of new connections in regions of the brain that "
    "regulate emotion. However, improvement does not last equally long for everyone, and "
    "continuing treatment usually requires repeated sessions under medical supervision. "
    "Therefore, people considering this treatment should discuss the potential benefits, risks "
    "and costs with an experienced psychiatrist before starting."
)
# About 120 words in short sentences of everyday words: grade 1 or 2.
PLAIN_ENGLISH = (
    "Some people feel low for a long time. Talk to a doctor you trust. Ask what the care will "
    "cost. Bring a friend to your first visit if you can. Write down how you feel each day. It "
    "is fine to ask for help. Small steps add up over time. You do not have to do this alone. "
) * 3
# The same in Spanish: INFLESZ 41, "somewhat difficult".
HARD_SPANISH = (
    "La ketamina es un anestésico que los médicos utilizan desde hace muchas décadas en los "
    "hospitales. Parece aliviar los síntomas depresivos en una proporción considerable de "
    "personas cuya depresión no ha mejorado con la medicación habitual. Los investigadores "
    "piensan que el beneficio procede de su efecto sobre el glutamato, un mensajero químico "
    "relacionado con el aprendizaje. Este efecto podría favorecer nuevas conexiones en las "
    "regiones del cerebro que regulan las emociones. Sin embargo, la mejoría no dura lo mismo en "
    "todas las personas, y el tratamiento continuado suele requerir sesiones repetidas con "
    "supervisión médica. Por eso, quienes consideran este tratamiento deberían hablar de los "
    "beneficios, los riesgos y el precio con un psiquiatra experimentado."
)
PLAIN_SPANISH = (
    "Hay días en que todo pesa. Habla con tu médico. Pide el precio por escrito. Ve con un amigo "
    "a la primera cita. Anota cómo te sientes cada día. Pedir ayuda está bien. Los pasos "
    "pequeños cuentan. No estás solo. "
) * 4
# Over 100 words of long Arabic sentences; Arabic has no grade formula.
ARABIC = (
    "يساعد الكيتامين بعض الأشخاص الذين لم تتحسن حالتهم مع مضادات الاكتئاب التقليدية، ويعتقد "
    "الباحثون أن تأثيره العلاجي ينشأ من التفاعلات مع إشارات الغلوتامات التي تشجع تكوين روابط "
    "عصبية إضافية في مناطق الدماغ المرتبطة بتنظيم المشاعر والانفعالات المختلفة. "
) * 5


def paragraphs(*texts: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def article(language: str, locales, **fields) -> ArticlePage:
    """An unsaved article in `language`, as a script would build it."""
    fields.setdefault("title", "Ketamine therapy")
    return ArticlePage(locale=locales[language], **fields)


def warnings(checks: list[ContentCheck]) -> list[str]:
    return [check.message for check in checks if check.level == "warning"]


def errors(checks: list[ContentCheck]) -> list[str]:
    return [check.message for check in checks if check.level == "error"]


@pytest.fixture
def article_index(home_page):
    return ArticleIndexPageFactory(parent=home_page)


@pytest.fixture
def directory(home_page):
    return ProviderIndexPageFactory(parent=home_page)


# Readability


@pytest.mark.django_db
def test_hard_english_warns_with_the_grade_and_the_hardest_sentences(locales, safety):
    page = article("en", locales, science=paragraphs(HARD_ENGLISH))

    [message] = warnings(check_article(page))

    assert message == (
        "The Science section reads at Flesch\N{EN DASH}Kincaid grade 14; aim for grade 8 or "
        "below. The hardest sentences: “However, improvement does not last equally long for "
        "everyone, and continuing treatment…”; “Therefore, people considering this treatment "
        "should discuss the potential benefits, risks and…”; “It appears to relieve depressive "
        "symptoms in a considerable proportion of people…”. Shorter sentences and everyday words "
        "help."
    )


@pytest.mark.django_db
def test_english_beyond_grade_16_gives_the_grade_with_no_doubled_brackets(locales, safety):
    one_long_sentence = HARD_ENGLISH.replace(". ", ", and ")
    page = article("en", locales, science=paragraphs(one_long_sentence))

    [message] = warnings(check_article(page))

    assert message.startswith(
        "The Science section reads at Flesch\N{EN DASH}Kincaid grade 50, a university level; "
        "aim for grade 8 or below. The hardest sentences: “Ketamine is an anaesthetic"
    )
    assert ") (" not in message


@pytest.mark.django_db
def test_plain_english_is_not_flagged(locales, safety):
    page = article(
        "en", locales, story=paragraphs(PLAIN_ENGLISH), guidance=paragraphs(PLAIN_ENGLISH)
    )

    assert check_article(page) == []


@pytest.mark.django_db
def test_a_section_too_short_to_measure_is_not_flagged(locales, safety):
    short = " ".join(HARD_ENGLISH.split()[: MIN_WORDS - 10])
    page = article("en", locales, science=paragraphs(short))

    assert warnings(check_article(page)) == []


@pytest.mark.django_db
def test_hard_spanish_warns_with_its_inflesz_score_and_band(locales):
    page = article("es", locales, guidance=paragraphs(HARD_SPANISH))

    [message] = warnings(check_article(page))

    assert message.startswith(
        "The Guidance section scores 41 on the INFLESZ scale, “somewhat difficult”; aim for 55 "
        "(“normal”) or more. The hardest sentences: “Los investigadores piensan que el "
        "beneficio procede de su efecto sobre el…”;"
    )


@pytest.mark.django_db
def test_plain_spanish_is_not_flagged(locales):
    page = article("es", locales, story=paragraphs(PLAIN_SPANISH))

    assert warnings(check_article(page)) == []


@pytest.mark.django_db
def test_arabic_is_never_given_a_reading_grade(locales):
    page = article("ar", locales, science=paragraphs(ARABIC))

    assert warnings(check_article(page)) == []


def test_headings_and_list_items_count_as_sentences_of_their_own():
    # 12 short fragments without full stops would otherwise be one 108-word sentence.
    items = ["Ask who will look after you at each visit"] * 12

    assert measure(". ".join(items), "en").above_target is False
    assert measure(" ".join(items), "en").above_target is True  # what joining naively gives

    assert measure(join_prose(items), "en").above_target is False


def test_another_thread_switching_textstat_language_does_not_change_the_grade():
    english_grade = measure(HARD_ENGLISH, "en").score
    try:
        textstat.set_lang("es")  # textstat's global state, as other code might set it
        assert measure(HARD_ENGLISH, "en").score == english_grade
    finally:
        textstat.set_lang("en_US")


# Review dates


@pytest.mark.django_db
def test_a_review_interval_of_thirteen_months_warns(locales, safety):
    page = article(
        "en",
        locales,
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 4, 1),
    )

    assert warnings(check_article(page)) == [
        "The next review is due on 1 April 2027, more than 12 months after the last review on "
        "1 March 2026. Medical content should be checked at least once a year: set it to "
        "1 March 2027 or earlier, or leave it empty."
    ]


@pytest.mark.django_db
def test_a_review_interval_of_twelve_months_does_not_warn(locales, safety):
    page = article(
        "en",
        locales,
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 3, 1),
    )

    assert check_article(page) == []


@pytest.mark.django_db  # a new page looks up its content type
def test_a_provider_verified_thirteen_months_ago_warns():
    verified = timezone.localdate() - datetime.timedelta(days=365 + 31)
    provider = ProviderPage(title="Ridgeview", last_verified=verified)

    [check] = check_provider(provider)

    assert check.level == "warning"
    assert check.field == "last_verified"
    assert "more than 12 months ago" in check.message
    assert "update 'Last verified' on the Vetting tab" in check.message


@pytest.mark.django_db  # a new page looks up its content type
def test_a_provider_verified_a_year_ago_does_not_warn_yet():
    provider = ProviderPage(
        title="Ridgeview", last_verified=timezone.localdate() - datetime.timedelta(days=365)
    )

    assert check_provider(provider) == []


# Crisis resources


@pytest.mark.django_db
def test_an_arabic_article_without_arabic_safety_information_cannot_be_published(locales, safety):
    arabic, english = article("ar", locales), article("en", locales)

    assert [check.message for check in content_errors(arabic)] == [
        "The safety information “Default” has no Arabic translation, so Arabic readers would get "
        "no crisis lines in their language. Translate it in Snippets, under Safety information, "
        "before publishing."
    ]
    assert content_errors(english) == []


@pytest.mark.django_db
def test_an_arabic_translation_without_crisis_lines_does_not_count(locales, safety):
    safety_information(locales["ar"], translation_of=safety, lines=0)

    assert errors(check_article(article("ar", locales))) == [
        "The Arabic safety information has no crisis lines. Add at least one in Snippets, under "
        "Safety information, before publishing."
    ]


@pytest.mark.django_db
def test_arabic_crisis_lines_let_an_arabic_article_be_published(locales, safety):
    safety_information(locales["ar"], translation_of=safety)

    assert content_errors(article("ar", locales)) == []


@pytest.mark.django_db
def test_a_site_without_safety_information_blocks_every_article(locales):
    assert errors(check_article(article("en", locales))) == [
        "No safety information is chosen for this site, so the article would show no crisis "
        "lines. Choose it in Settings, under Safety settings, before publishing."
    ]


# Content stored without the editor's form (imports, scripts)


@pytest.mark.django_db
def test_a_stored_statistic_without_a_reference_is_reported(article_index, safety):
    page = ArticlePageFactory(parent=article_index, references=[reference("nimh")])
    page.science = [statistic("nimh", figure="8%"), statistic("", figure="30%")]
    page.save(clean=False)  # as an import script might

    checks = content_errors(ArticlePage.objects.get(pk=page.pk))

    assert checks == [
        ContentCheck(
            "error",
            "Science section: The statistic “30%” has no source. Choose one of this article's "
            "references: nimh.",
            "science",
        )
    ]


@pytest.mark.django_db
def test_a_stored_reference_readers_cannot_find_is_reported(article_index, safety):
    page = ArticlePageFactory(parent=article_index, references=[reference("nimh")])
    page.references = [reference("nimh"), reference("leaflet", url="")]
    page.save(clean=False)

    assert errors(check_article(ArticlePage.objects.get(pk=page.pk))) == [
        "Reference “leaflet”: Give readers a way to find this source: a URL, a DOI or a PubMed ID."
    ]


@pytest.mark.django_db
def test_stored_images_without_alt_text_are_reported_unless_decorative(article_index, safety):
    # Like the editor's form, a block image may borrow its image's title as alt text, so an
    # imported image without a title or description is the one left with no alt text at all.
    root = Collection.get_first_root_node()
    untitled = ImageFactory(title="", collection=root)
    titled = ImageFactory(title="A quiet waiting room", collection=root)
    page = ArticlePageFactory(parent=article_index)
    page.hero_image = titled
    page.story = [
        {"type": "image", "value": {"image": untitled.pk, "alt_text": "", "decorative": False}},
        {"type": "image", "value": {"image": untitled.pk, "alt_text": "", "decorative": True}},
        {"type": "image", "value": {"image": untitled.pk, "alt_text": "Chairs by a window"}},
        {"type": "image", "value": {"image": titled.pk, "alt_text": ""}},
    ]
    page.save(clean=False)

    assert errors(check_article(ArticlePage.objects.get(pk=page.pk))) == [
        "The hero image has no alt text. Describe it for readers who use screen readers.",
        "Story section: an untitled image has no alt text. Describe it for screen-reader users, "
        "or mark it as decorative.",
    ]


@pytest.mark.django_db
def test_checks_do_not_change_the_page(article_index, safety):
    page = ArticlePageFactory(parent=article_index)
    page.references = [reference("paper", url="", doi="https://doi.org/10.1000/xyz")]

    check_article(page)

    assert page.references.all()[0].doi == "https://doi.org/10.1000/xyz"


# Which checks apply to which page


@pytest.mark.django_db
def test_errors_come_before_warnings(locales):
    page = article("en", locales, science=paragraphs(HARD_ENGLISH))

    assert [check.level for check in check_page(page)] == ["error", "warning"]


@pytest.mark.django_db
def test_only_articles_have_content_errors(home_page, directory):
    stale = ProviderPageFactory(
        parent=directory, last_verified=timezone.localdate() - datetime.timedelta(days=800)
    )

    assert content_errors(stale) == []
    assert [check.level for check in check_page(stale)] == ["warning"]
    assert content_errors(home_page) == []
    assert check_page(home_page) == []
