"""Checks of an article: what blocks its publishing, and what its editor should weigh."""

import copy
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import get_language_info
from wagtail import blocks
from wagtail.models import Site

from articles.models import SECTION_FIELDS, ArticlePage, CitationNotice
from articles.reading import prose_in_block
from core.blocks.media import ImageBlock
from core.blocks.text import CalloutBlock
from core.blocks.walk import walk
from core.dates import one_year_after
from core.models import SafetySettings
from core.rules import ContentCheck, error, warning
from editorial.checks.readability import (
    FLESCH_KINCAID,
    INFLESZ_TARGET,
    TARGET_GRADE,
    join_prose,
    measure,
)
from editorial.checks.safe_messaging import (
    mentions_suicide,
    method_findings,
    supported,
    wording_findings,
)

DATE_FORMAT = "j F Y"
# The callout tone that carries crisis support: what counts as an article's hope-and-help passage.
HOPE_AND_HELP_TONE = "safety"


def check_article(page: ArticlePage) -> list[ContentCheck]:
    """Every problem in the article: errors first, then warnings."""
    return [*article_errors(page), *article_warnings(page)]


def article_errors(page: ArticlePage) -> list[ContentCheck]:
    """The problems that must be fixed before the article is published."""
    return [
        *citation_errors(page),
        *reference_errors(page),
        *alt_text_errors(page),
        *crisis_resource_errors(page),
    ]


def article_warnings(page: ArticlePage) -> list[ContentCheck]:
    """The problems an editor should weigh; none of them blocks publishing."""
    return [
        *citation_notice_warnings(page),
        *safe_messaging_warnings(page),
        *readability_warnings(page),
        *review_interval_warnings(page),
    ]


def section_label(field_name: str) -> str:
    return str(ArticlePage._meta.get_field(field_name).verbose_name).capitalize()


# Errors. The editor's form refuses the first three already (ArticlePage.clean,
# ArticleReference.clean, ImageBlock.clean); they are checked again here for content that reached
# the database without the form: imports, scripts, migrations.


def citation_errors(page: ArticlePage) -> Iterator[ContentCheck]:
    """Statistics without a reference key, or citing a key that no reference has."""
    # The same rule and wording as the editor's form, so that both say the same thing.
    for field_name, stream_error in page._citation_errors().items():
        for message in error_messages(stream_error):
            yield error(f"{section_label(field_name)} section: {message}", field_name)


def reference_errors(page: ArticlePage) -> Iterator[ContentCheck]:
    """References that readers could not find: no URL, DOI or PubMed ID."""
    for reference in page.references.all():
        try:
            # On a copy: clean() also tidies the DOI, and a check must not change the page.
            copy.copy(reference).clean()
        except ValidationError as invalid:
            for message in error_messages(invalid):
                yield error(f"Reference “{reference.key}”: {message}", "references")


def alt_text_errors(page: ArticlePage) -> Iterator[ContentCheck]:
    """Images, at the top of the page or in a section, that screen readers could not describe."""
    if page.hero_image_id and not page.hero_image_alt:
        yield error(
            "The hero image has no alt text. Describe it for readers who use screen readers.",
            "hero_image_alt",
        )
    for field_name in SECTION_FIELDS:
        stream = getattr(page, field_name)
        for value in image_values(stream.stream_block, stream):
            # ImageBlock.clean's rule, so that the check and the form agree: the block's alt
            # text, else the image's own (its description or title), unless it is decorative.
            if value.get("image") is None or value.get("decorative") or value.alt:
                continue
            title = value["image"].title
            image = f"the image “{title}”" if title else "an untitled image"
            yield error(
                f"{section_label(field_name)} section: {image} has no alt text. Describe it for "
                "screen-reader users, or mark it as decorative.",
                field_name,
            )


def crisis_resource_errors(page: ArticlePage) -> Iterator[ContentCheck]:
    """No crisis lines that readers of the article's language would see beside it."""
    site = (page.get_site() if page.pk else None) or Site.objects.filter(
        is_default_site=True
    ).first()
    # Read, not SafetySettings.for_site(): that creates the settings, and checks change nothing.
    settings = (
        SafetySettings.objects.filter(site=site).select_related("safety_information").first()
        if site
        else None
    )
    chosen = settings.safety_information if settings else None
    language = language_name(page.locale.language_code)
    if chosen is None:
        yield error(
            "No safety information is chosen for this site, so the article would show no "
            "crisis lines. Choose it in Settings, under Safety settings, before publishing."
        )
        return
    # No fallback to the English original, unlike the page itself (SafetySettings.for_locale):
    # a reader in crisis needs crisis lines in their own language, so an Arabic article
    # without Arabic crisis lines must not be published.
    translation = chosen.get_translation_or_none(page.locale)
    if translation is None:
        yield error(
            f"The safety information “{chosen}” has no {language} translation, so {language} "
            "readers would get no crisis lines in their language. Translate it in Snippets, under "
            "Safety information, before publishing."
        )
    elif not translation.crisis_lines.exists():
        yield error(
            f"The {language} safety information has no crisis lines. Add at least one in "
            "Snippets, under Safety information, before publishing."
        )


# Warnings


def readability_warnings(page: ArticlePage) -> Iterator[ContentCheck]:
    """Sections harder to read than patient material should be, with the sentences to fix."""
    for field_name in SECTION_FIELDS:
        stream = getattr(page, field_name)
        text = join_prose(prose_in_block(stream.stream_block, stream))
        readability = measure(text, page.locale.language_code)
        if readability is None or not readability.above_target:
            continue
        section = section_label(field_name)
        if readability.formula == FLESCH_KINCAID:
            finding = (
                f"The {section} section reads at {FLESCH_KINCAID} {readability.level}; aim for "
                f"grade {TARGET_GRADE} or below."
            )
        else:
            finding = (
                f"The {section} section scores {readability.score:.0f} on the INFLESZ scale, "
                f"“{readability.level}”; aim for {INFLESZ_TARGET} (“normal”) or more."
            )
        hardest = "; ".join(f"“{sentence}”" for sentence in readability.hardest)
        advice = (
            f" The hardest sentences: {hardest}." if hardest else ""
        ) + " Shorter sentences and everyday words help."
        yield warning(finding + advice, field_name)


def citation_notice_warnings(page: ArticlePage) -> Iterator[ContentCheck]:
    """References to papers marked as retracted or corrected: the article needs a re-review."""
    references = list(page.references.all())
    notices = list(CitationNotice.objects.open().for_references(references).order_by("pk"))
    for reference in references:
        for notice in notices:
            if notice.concerns(reference):
                yield warning(
                    f"Reference “{reference.key}”: the paper was marked as "
                    f"{notice.get_kind_display().lower()} on "
                    f"{format_date(timezone.localdate(notice.marked_at), DATE_FORMAT)}. The "
                    "article needs a medical re-review, and readers see a notice until an editor "
                    "resolves it (Reports → Citations).",
                    "references",
                )


def safe_messaging_warnings(page: ArticlePage) -> Iterator[ContentCheck]:
    """Wording about suicide that the media guidance advises against, detail of method or
    place, and a mention of suicide without a passage on hope and help."""
    language = page.locale.language_code
    if not supported(language):
        return
    all_texts: list[str] = []
    for field_name, label, texts in article_texts(page):
        all_texts.extend(texts)
        findings: dict[tuple[str, str], int] = {}
        for text in texts:
            for finding in wording_findings(text, language):
                key = (finding.quoted, finding.message)
                findings[key] = findings.get(key, 0) + 1
        for (quoted, message), count in findings.items():
            times = f" ({count} times)" if count > 1 else ""
            yield warning(f"{label}: “{quoted}”{times} {message}.", field_name)
        details = list(
            dict.fromkeys(detail for text in texts for detail in method_findings(text, language))
        )
        if details:
            named = ", ".join(f"“{detail}”" for detail in details)
            yield warning(
                f"{label}: a sentence about suicide names how or where ({named}). Safe-messaging "
                "guidance asks not to describe the method or the place: remove the detail.",
                field_name,
            )
    if mentions_suicide(all_texts, language) and not has_hope_and_help(page):
        yield warning(
            "The article mentions suicide but has no passage on hope and help. Add a Callout "
            "with the tone “Safety (crisis support)” near the mention: say that help works, "
            "and where to find it.",
            "story",
        )


def review_interval_warnings(page: ArticlePage) -> Iterator[ContentCheck]:
    """A next review set more than a year after the last one."""
    last, due = page.last_reviewed, page.next_review_due
    if not (last and due) or due <= one_year_after(last):
        return
    yield warning(
        f"The next review is due on {format_date(due, DATE_FORMAT)}, more than 12 months after "
        f"the last review on {format_date(last, DATE_FORMAT)}. Medical content should be "
        f"checked at least once a year: set it to {format_date(one_year_after(last), DATE_FORMAT)}"
        " or earlier, or leave it empty.",
        "next_review_due",
    )


# Helpers


def article_texts(page: ArticlePage) -> Iterator[tuple[str | None, str, list[str]]]:
    """(field, label for editors, texts) for every field readers read."""
    yield "title", "Title", [page.title or ""]
    yield "standfirst", "Standfirst", [page.standfirst or ""]
    yield "summary", "Summary", [page.summary or ""]
    for field_name in SECTION_FIELDS:
        stream = getattr(page, field_name)
        label = f"{section_label(field_name)} section"
        yield field_name, label, list(prose_in_block(stream.stream_block, stream))


def has_hope_and_help(page: ArticlePage) -> bool:
    """Whether a section has a Safety callout: the passage on hope and where to get help."""
    return any(
        isinstance(block, CalloutBlock) and value.get("tone") == HOPE_AND_HELP_TONE
        for field_name in SECTION_FIELDS
        for block, value in walk(getattr(page, field_name).stream_block, getattr(page, field_name))
    )


def image_values(block: blocks.Block, value) -> Iterator[blocks.StructValue]:
    """Every ImageBlock value inside a block value, however deeply nested."""
    return (
        child for child_block, child in walk(block, value) if isinstance(child_block, ImageBlock)
    )


def error_messages(invalid: ValidationError) -> list[str]:
    """Every message in a (possibly nested) model or block validation error."""
    if hasattr(invalid, "block_errors"):  # StreamBlock, StructBlock and ListBlock errors
        nested = invalid.block_errors
        nested = nested.values() if isinstance(nested, dict) else nested
        return [
            *(
                message
                for item in invalid.non_block_errors.as_data()
                for message in error_messages(item)
            ),
            *(message for item in nested if item is not None for message in error_messages(item)),
        ]
    if hasattr(invalid, "error_dict"):
        return [
            message
            for errors in invalid.error_dict.values()
            for item in errors
            for message in error_messages(item)
        ]
    return list(invalid.messages)


def language_name(code: str) -> str:
    """The language's English name, e.g. "Arabic" for "ar"."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code
