"""Word count and reading time come from the three sections, never from a typed-in number."""

import pytest

from articles.reading import reading_time_minutes
from tests.approvals import publish_reviewed
from tests.articles.factories import ArticlePageFactory, reference, statistic


def paragraph(words: int, word: str = "calm") -> dict:
    return {"type": "paragraph", "value": "<p>" + " ".join([word] * words) + "</p>"}


@pytest.mark.django_db
def test_reading_time_is_computed_from_the_words_in_all_three_sections(article_index):
    article = ArticlePageFactory(
        parent=article_index,
        story=[
            paragraph(150),
            # Two paragraphs in one rich-text block: their words must not run together.
            {"type": "paragraph", "value": "<p>first</p><p>second</p>"},
        ],
        science=[
            {"type": "heading", "value": {"text": "What the evidence says", "level": "h2"}},
            # Counts measure (6 words) and population (4); not the figure or the reference key.
            statistic("nimh-trd"),
        ],
        guidance=[
            {
                "type": "provider_checklist",
                "value": {
                    "intro": "Ask each clinic:",
                    "items": [
                        {
                            "text": "Who is responsible for my care?",
                            "criterion": "thorough_screening",
                        }
                    ],
                },
            },
            paragraph(31),
        ],
        references=[reference("nimh-trd")],
    )

    # 150 + 2 + 4 + 10 + 3 + 6 + 31 = 206 words, which take 2 minutes at 200 words a minute.
    assert article.word_count == 206
    assert article.reading_time_minutes == 2

    article.refresh_from_db()
    assert article.word_count == 206


@pytest.mark.django_db
def test_editing_a_section_updates_the_word_count(article_index):
    article = ArticlePageFactory(parent=article_index, story=[paragraph(10)])
    assert article.word_count == 10

    article.guidance = [paragraph(400)]
    publish_reviewed(article)

    article.refresh_from_db()
    assert article.word_count == 410
    assert article.reading_time_minutes == 3


@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (1000, 5)])
def test_reading_time_rounds_up_and_is_never_less_than_a_minute(words, minutes):
    assert reading_time_minutes(words) == minutes
