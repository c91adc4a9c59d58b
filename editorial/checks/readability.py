"""How hard a section is to read, as a school grade, in the languages that have a formula."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from textstat.textstat import textstatistics

FLESCH_KINCAID = "Flesch\N{EN DASH}Kincaid"
FERNANDEZ_HUERTA = "Fernández-Huerta"

# Health-literacy guidance asks for patient information at grade 8 or below.
TARGET_GRADE = 8
# Flesch-Kincaid keeps counting past the end of school (a dense abstract can score 30); beyond
# this editors are told "university level" rather than a grade no school has.
HIGHEST_GRADE = 16

# Readability formulas were built on samples of about 100 words. In a shorter section one long
# sentence or one technical term moves the grade by several levels, so the warning would be
# noise; such sections are not measured.
MIN_WORDS = 100

# Fernández-Huerta's table (1959, as published by legible.es): the lowest score of each band and
# the school level it corresponds to. Scores of 60 or more are grade 8 or below, so a section
# scoring under 60 is above the target.
FERNANDEZ_HUERTA_BANDS: list[tuple[float, str]] = [
    (90, "grade 4"),
    (80, "grade 5"),
    (70, "grade 6"),
    (60, "grade 7 or 8"),
    (50, "a pre-university level (above grade 8)"),
    (30, "a university level (above grade 8)"),
    (float("-inf"), "a specialist university level (above grade 8)"),
]
FERNANDEZ_HUERTA_TARGET = 60

# Headings, list items and attributions carry no full stop; without one textstat (which ends
# sentences only at . ! ?) would read them and the next sentence as one very long sentence.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019\u00bb)]*$")


def _statistics(language: str) -> textstatistics:
    # One instance per language, never changed afterwards: textstat's module-level set_lang()
    # is global state that concurrent requests in other languages would overwrite.
    statistics = textstatistics()
    statistics.set_lang(language)
    return statistics


ENGLISH = _statistics("en_US")
SPANISH = _statistics("es")


@dataclass(frozen=True)
class Readability:
    """A section's reading level by one formula."""

    formula: str
    score: float
    level: str  # The school level, for editors: "grade 11", "a pre-university level ..."
    above_target: bool


def join_prose(fragments: Iterable[str]) -> str:
    """The fragments as one text, each ending a sentence."""
    sentences = []
    for fragment in fragments:
        text = " ".join(fragment.split())
        if text:
            sentences.append(text if SENTENCE_END.search(text) else f"{text}.")
    return " ".join(sentences)


def word_count(text: str) -> int:
    return len(text.split())


def measure(text: str, language_code: str) -> Readability | None:
    """The reading level of `text`, or None when it is too short or has no formula."""
    # English: Flesch-Kincaid; Spanish: Fernández-Huerta. Arabic (and any other language) gets
    # None, so editors are told nothing: textstat's only Arabic formula (Osman) has no published
    # grade table and counts syllables from diacritics that Arabic articles rarely write, so
    # any grade would be a guess.
    if word_count(text) < MIN_WORDS:
        return None
    language = language_code.lower().split("-")[0]
    if language == "en":
        score = ENGLISH.flesch_kincaid_grade(text)
        # Rounded, so that a section never "reads at grade 8" and still gets a warning.
        grade = round(score)
        return Readability(
            formula=FLESCH_KINCAID,
            score=score,
            level=(
                f"grade {max(grade, 1)}"
                if grade <= HIGHEST_GRADE
                else f"a university level (above grade {HIGHEST_GRADE})"
            ),
            above_target=grade > TARGET_GRADE,
        )
    if language == "es":
        score = SPANISH.fernandez_huerta(text)
        level = next(label for lowest, label in FERNANDEZ_HUERTA_BANDS if score >= lowest)
        return Readability(
            formula=FERNANDEZ_HUERTA,
            score=score,
            level=level,
            above_target=score < FERNANDEZ_HUERTA_TARGET,
        )
    return None
