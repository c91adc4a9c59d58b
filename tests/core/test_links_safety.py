"""The one rule for links readers may follow (core.links_safety), tried as an attacker would."""

import pytest
from django.core.exceptions import ValidationError

from core.links_safety import (
    is_safe_href,
    strip_unsafe_links,
    validate_rich_text_links,
    validate_safe_link,
)

SAFE = [
    "https://988lifeline.org/",
    "http://example.org/a?b=1&c=2",
    "HTTPS://EXAMPLE.ORG/",
    "mailto:help@example.org",
    "tel:+18002738255",
    "/es/articulos/ketamina/",
    "../provider/",
    "ketamine-guide/",
    "?region=PA",
    "#ref-1",
    # Protocol-relative: followed over the page's own http(s), so no worse than https://.
    "//clinic.example.org/",
    "",
]

UNSAFE = [
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "\x01\x02javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "javascript\x00:alert(1)",
    "\u200bjavascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#0000106avascript:alert(1)",
    "javascript&colon;alert(1)",
    "java&Tab;script:alert(1)",
    "&amp;#106;avascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://files.example.org/",
    "blob:https://example.org/uuid",
]


@pytest.mark.parametrize("href", SAFE)
def test_web_email_phone_relative_and_fragment_links_are_accepted(href):
    assert is_safe_href(href)
    validate_safe_link(href)


@pytest.mark.parametrize("href", UNSAFE)
def test_any_other_scheme_is_refused_however_it_is_disguised(href):
    assert not is_safe_href(href)
    with pytest.raises(ValidationError) as refused:
        validate_safe_link(href)
    assert "https://" in refused.value.messages[0]


def test_the_refusal_names_the_scheme_and_says_what_to_use_instead():
    with pytest.raises(ValidationError) as refused:
        validate_safe_link("  JaVa\tScRiPt:alert(1)")
    assert refused.value.messages == [
        "This link can't be used: “javascript:” links can run code in readers' browsers. Use a "
        "web address starting with https://, an email (mailto:) or phone (tel:) link, a path on "
        "this site starting with / or an anchor starting with #."
    ]


@pytest.mark.parametrize(
    "markup",
    [
        '<p><a href="javascript:alert(1)">Call us</a></p>',
        '<p><a href="&#106;avascript:alert(1)">Call us</a></p>',
        "<p><a href='  JaVaScRiPt:alert(1)'>Call us</a></p>",
        "<p><a href=java&#x09;script:alert(1)>Call us</a></p>",
        '<p><a title=">" href="data:text/html,x">Call us</a></p>',
    ],
)
def test_rich_text_with_an_unsafe_link_is_refused_and_renders_without_it(markup):
    with pytest.raises(ValidationError) as refused:
        validate_rich_text_links(markup)
    assert refused.value.messages[0].startswith("A link in this text can't be used.")

    rendered = strip_unsafe_links(markup)
    assert "Call us</a>" in rendered
    assert "href" not in rendered


def test_rich_text_with_safe_links_renders_unchanged():
    markup = (
        '<p>Call <a href="tel:988">988</a>, read <a href="https://988lifeline.org/">the site'
        '</a> or <a href="#ref-1">the source</a>.<br/></p>'
    )
    validate_rich_text_links(markup)
    assert strip_unsafe_links(markup) == markup


def test_a_paragraph_block_refuses_an_entity_encoded_javascript_link():
    from wagtail.rich_text import RichText

    from core.blocks.text import ParagraphBlock

    with pytest.raises(ValidationError) as refused:
        ParagraphBlock().clean(RichText('<p><a href="&#106;avascript:alert(1)">x</a></p>'))

    assert refused.value.messages[0].startswith("A link in this text can't be used.")
