"""What wagtail-localize offers translators from each block: the words, never codes or figures."""

import re

import pytest
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from articles.models import ArticlePage
from tests.translation.factories import rich_article

pytestmark = pytest.mark.django_db

SECTIONS = ("story", "science", "guidance")
UUID = r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}"


@pytest.fixture
def article_with_related_reading(article_index, article):
    return rich_article(article_index, slug="with-related-reading", related=[article.pk])


def test_the_fixture_article_uses_every_block_type(article_with_related_reading):
    """So that a new block type fails here until its translation is checked below."""
    used = {
        block.block_type
        for section in SECTIONS
        for block in getattr(article_with_related_reading, section)
    }
    offered = {
        name
        for section in SECTIONS
        for name in ArticlePage._meta.get_field(section).stream_block.child_blocks
    }
    assert used == offered


def test_each_block_offers_its_words_and_keeps_its_codes(article_with_related_reading):
    segments = extract_segments(article_with_related_reading)
    words = {segment.string.data for segment in segments if isinstance(segment, StringSegmentValue)}

    assert {
        "I felt quiet for the first time in years",  # testimonial
        "Maya, 43",
        "Looking back",  # reflection
        "Room to breathe helped.",
        "A window in morning light",  # image: alt text, caption, credit
        "Small routines anchor the day",
        "Illustration by the team",
        "How it works",  # heading
        "At low doses it appears to:",  # mechanism list
        "Block NMDA receptors",
        "It quiets one kind of signal",
        "of adults had a major depressive episode",  # statistic
        "US adults in 2021",
        "In simpler terms",  # simpler terms
        "Connections regrow.",
        "Glutamate",  # glossary term
        "A messenger that excites cells",
        "Not a cure",  # callout
        "Before you start, ask:",  # provider checklist
        "Is a physician with me at every session?",
        "A wider plan:",  # care plan
        "Ongoing care",
        "Regular check-ins",
        "Is it safe?",  # barriers
        "Clinics screen first.",
        "Find a clinic in Pennsylvania",  # provider directory
        "Every clinic is vetted",
        "Read next",  # related reading
    } <= words
    codes = {"8.3%", "nimh", "US", "PA", "iv-ketamine", "h2", "caution", "qualified_medical_staff"}
    assert codes.isdisjoint(words)
    assert not any("10.1176" in word or "17074942" in word for word in words)  # references

    # Images, link targets and related pages are kept, though a translator may choose others.
    kept = [
        re.sub(UUID, "<block>", segment.path)
        for segment in segments
        if isinstance(segment, OverridableSegmentValue)
    ]
    assert kept == [
        "hero_image",
        "story.<block>.image",
        "science.<block>.'https://example.org/glutamate'",
        "guidance.<block>.articles.<block>",
    ]
