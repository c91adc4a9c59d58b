"""The rules editors meet when they save: sources for statistics, review dates, consent."""

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from articles.blocks import ScienceStreamBlock, StoryStreamBlock
from articles.blocks import story as story_blocks
from articles.blocks.guidance import ProviderDirectoryBlock
from articles.models import Topic
from core.dates import one_year_after
from tests.articles.factories import ArticlePageFactory, reference, statistic


def messages(error: ValidationError) -> list[str]:
    """Every message in a (possibly nested) block or model validation error, in order."""
    if hasattr(error, "error_dict"):
        return [
            message
            for errors in error.error_dict.values()
            for nested in errors
            for message in messages(nested)
        ]
    if hasattr(error, "block_errors"):  # StreamBlock, StructBlock and ListBlock errors
        block_errors = error.block_errors
        nested = block_errors.values() if isinstance(block_errors, dict) else block_errors
        return [
            *(message for item in error.non_block_errors.as_data() for message in messages(item)),
            *(message for item in nested if item is not None for message in messages(item)),
        ]
    return error.messages


def clean_stream(stream_block, raw: list[dict]):
    return stream_block.clean(stream_block.to_python(raw))


def test_a_statistic_without_a_source_is_refused():
    with pytest.raises(ValidationError) as error:
        clean_stream(ScienceStreamBlock(), [statistic("")])

    assert messages(error.value) == [
        "Every statistic needs a source: choose one of this article's references."
    ]


def test_a_statistic_figure_must_not_contain_words_that_need_translating():
    with pytest.raises(ValidationError) as error:
        clean_stream(ScienceStreamBlock(), [statistic("nimh-trd", figure="1 in 3")])

    assert "Words go in 'What it measures'" in messages(error.value)[0]


@pytest.mark.django_db
def test_a_statistic_citing_a_key_that_no_reference_has_is_refused(article_index):
    with pytest.raises(ValidationError) as error:
        ArticlePageFactory(
            parent=article_index,
            science=[statistic("nimh-trd"), statistic("star-d")],
            references=[reference("nimh-trd")],
        )

    assert messages(error.value) == [
        "No reference has the key “star-d”. Choose one of this article's references "
        "(nimh-trd), or add that source under References."
    ]


@pytest.mark.django_db
def test_a_statistic_citing_one_of_the_articles_references_is_accepted(article_index):
    article = ArticlePageFactory(
        parent=article_index,
        science=[statistic("nimh-trd")],
        references=[reference("nimh-trd")],
    )

    assert article.science[0].value.reference_anchor == "ref-nimh-trd"


@pytest.mark.django_db
def test_two_references_may_not_share_a_key(article_index):
    with pytest.raises(ValidationError) as error:
        ArticlePageFactory(
            parent=article_index, references=[reference("nimh-trd"), reference("nimh-trd")]
        )

    assert "nimh-trd" in error.value.message_dict[NON_FIELD_ERRORS][0]


@pytest.mark.django_db
def test_the_next_review_may_not_be_due_before_the_last_review(article_index):
    with pytest.raises(ValidationError) as error:
        ArticlePageFactory(
            parent=article_index,
            last_reviewed=datetime.date(2026, 5, 1),
            next_review_due=datetime.date(2026, 4, 30),
        )

    assert error.value.message_dict["next_review_due"] == [
        "The next review cannot be due before the last review. Choose a later date, or leave it "
        "empty for one year after the last review."
    ]


@pytest.mark.django_db
def test_the_next_review_defaults_to_a_year_after_the_last(article_index):
    article = ArticlePageFactory(parent=article_index, last_reviewed=datetime.date(2026, 5, 1))

    article.refresh_from_db()
    assert article.next_review_due == datetime.date(2027, 5, 1)


@pytest.mark.django_db
def test_an_editor_may_set_the_next_review_earlier_than_a_year(article_index):
    article = ArticlePageFactory(
        parent=article_index,
        last_reviewed=datetime.date(2026, 5, 1),
        next_review_due=datetime.date(2026, 11, 1),
    )

    assert article.next_review_due == datetime.date(2026, 11, 1)


def test_a_year_after_29_february_is_28_february():
    assert one_year_after(datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 28)


def test_a_testimonial_must_say_how_the_persons_privacy_is_respected():
    with pytest.raises(ValidationError) as error:
        clean_stream(
            StoryStreamBlock(),
            [{"type": "testimonial", "value": {"quote": "It helped.", "attribution": "Sam"}}],
        )

    assert messages(error.value) == [
        "Say how this person's privacy is respected: tick 'name changed', 'consent given', or both."
    ]


@pytest.mark.parametrize(
    ("name_changed", "consent_given", "note"),
    [
        (True, False, "The name has been changed to protect their privacy."),
        (False, True, "Shared with permission."),
        (True, True, "Shared with permission; the name has been changed."),
    ],
)
def test_a_testimonial_with_a_privacy_statement_tells_readers_about_it(
    name_changed, consent_given, note
):
    block = story_blocks.TestimonialBlock()
    value = block.clean(
        block.to_python(
            {
                "quote": "It helped.",
                "attribution": "Sam",
                "name_changed": name_changed,
                "consent_given": consent_given,
            }
        )
    )

    assert value.privacy_note == note


def test_a_directory_link_with_a_region_needs_its_country():
    block = ProviderDirectoryBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"label": "Find a clinic", "region": "PA"}))

    assert "add the country's code" in messages(error.value)[0]

    value = block.clean(
        block.to_python({"label": "Find a clinic", "country": "US", "region": "PA"})
    )
    assert value.filters == {"country": "US", "region": "PA"}
    assert value.query_string == "country=US&region=PA"


@pytest.mark.django_db
def test_a_topic_slug_is_unique_within_a_locale(locales):
    Topic.objects.create(name="Ketamine", slug="ketamine", kind="treatment", locale=locales["en"])
    duplicate = Topic(name="Ketamine therapy", slug="ketamine", kind="treatment")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean(exclude=["locale"])  # as the editor's form, without the locale

    assert error.value.message_dict["slug"] == [
        "Another topic in this language already uses this slug."
    ]
