"""How hard a section is to read: Flesch-Kincaid grade in English, INFLESZ in Spanish."""

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textstat.textstat import textstatistics

FLESCH_KINCAID = "Flesch\N{EN DASH}Kincaid"
INFLESZ = "INFLESZ"

# Health-literacy guidance asks for patient information at grade 8 or below.
TARGET_GRADE = 8
# Flesch-Kincaid keeps counting past the end of school (a dense abstract can score 30); beyond
# this editors are told the grade is a university level as well as the number.
HIGHEST_GRADE = 16

# Readability formulas were built on samples of about 100 words. In a shorter section one long
# sentence or one technical term moves the grade by several levels, so the warning would be
# noise; such sections are not measured.
MIN_WORDS = 100

# INFLESZ (Barrio-Cantalejo et al., Anales Sis San Navarra 2008) reads the Szigriszt-Pazos
# perspicuity index in bands; Spanish health services ask patient material to be "normal" or
# easier, so a section under 55 is above the target.
INFLESZ_BANDS: list[tuple[float, str]] = [
    (80, "very easy"),
    (65, "fairly easy"),
    (55, "normal"),
    (40, "somewhat difficult"),
    (float("-inf"), "very difficult"),
]
INFLESZ_TARGET = 55

# How many of the hardest sentences an editor is shown, and how much of each.
HARDEST_SHOWN = 3
QUOTED_WORDS = 12

# Headings, list items and attributions carry no full stop; without one textstat (which ends
# sentences only at . ! ?) would read them and the next sentence as one very long sentence.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019\u00bb)]*$")
# A sentence ends at . ! ? or an ellipsis, then a space.
SENTENCE_BREAK = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019\u00bb)]*\s+")
LETTERS = re.compile(r"[^\W\d_]+")


def _statistics(language: str) -> textstatistics:
    # One instance per language, never changed afterwards: textstat's module-level set_lang()
    # is global state that concurrent requests in other languages would overwrite.
    statistics = textstatistics()
    statistics.set_lang(language)
    return statistics


ENGLISH = _statistics("en_US")


@dataclass(frozen=True)
class Readability:
    """A section's reading level by one formula."""

    formula: str
    score: float
    level: str  # For editors: "grade 11", "grade 19, a university level", "somewhat difficult"
    above_target: bool
    #: The sentences that make the text hard, hardest first, each shortened for quoting.
    hardest: tuple[str, ...] = ()


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


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, with line breaks and runs of spaces as single spaces."""
    tidy = " ".join(unicodedata.normalize("NFC", text).split())
    return [sentence for sentence in SENTENCE_BREAK.split(tidy) if sentence]


# Spanish syllables. Pyphen (textstat's counter) hyphenates rather than counts: it never leaves
# one letter alone at either end of a word, so "ahora" gets 2 syllables and "psicología" 4.
# Counting vowel nuclei is exact for Spanish spelling: a weak vowel (i, u, ü) next to another
# vowel shares its syllable (a diphthong), two strong vowels (a, e, o) or an accented í or ú
# make two (a hiatus), and the u of que, qui, gue, gui is not pronounced.
STRONG_VOWELS = frozenset("aeoáéóíú")
WEAK_VOWELS = frozenset("iuü")
SILENT_U = re.compile(r"(?<=[qg])u(?=[eiéí])")
FINAL_Y = re.compile(r"(?<=[aeiouáéíóú])y$")


def spanish_syllables(word: str) -> int:
    """The syllables of one Spanish word."""
    word = SILENT_U.sub("", word.lower())
    if word == "y":
        return 1
    word = FINAL_Y.sub("i", word)  # hoy, muy, Uruguay: a final y after a vowel is a vowel
    count, previous = 0, None
    for letter in word:
        if letter not in STRONG_VOWELS and letter not in WEAK_VOWELS:
            previous = None
            continue
        if previous is None or (previous in STRONG_VOWELS and letter in STRONG_VOWELS):
            count += 1
        previous = letter
    return max(count, 1)


@dataclass(frozen=True)
class Counts:
    sentences: int
    words: int
    syllables: int


def spanish_counts(text: str) -> Counts:
    """Sentences, words (runs of letters) and syllables of a Spanish text."""
    words = [word for sentence in split_sentences(text) for word in LETTERS.findall(sentence)]
    sentences = sum(1 for sentence in split_sentences(text) if LETTERS.search(sentence))
    return Counts(sentences, len(words), sum(spanish_syllables(word) for word in words))


def szigriszt_pazos(counts: Counts) -> float:
    """The perspicuity index that INFLESZ reads: higher is easier."""
    if not counts.words or not counts.sentences:
        return 0.0
    return 206.835 - 62.3 * counts.syllables / counts.words - counts.words / counts.sentences


def inflesz(text: str) -> float:
    """The INFLESZ (Szigriszt-Pazos) score of a Spanish text."""
    return szigriszt_pazos(spanish_counts(text))


def inflesz_band(score: float) -> str:
    """The INFLESZ band of a score, as rounded for editors (54.6 shows as 55: "normal")."""
    return next(label for lowest, label in INFLESZ_BANDS if round(score) >= lowest)


def flesch_kincaid_of_sentence(sentence: str) -> float:
    words = ENGLISH.lexicon_count(sentence)
    if not words:
        return 0.0
    return 0.39 * words + 11.8 * ENGLISH.syllable_count(sentence) / words - 15.59


def quote(sentence: str) -> str:
    words = sentence.split()
    if len(words) <= QUOTED_WORDS:
        return sentence
    return " ".join(words[:QUOTED_WORDS]) + "\N{HORIZONTAL ELLIPSIS}"


def hardest(
    text: str, score: Callable[[str], float], too_hard: Callable[[float], bool], *, lower: bool
) -> tuple[str, ...]:
    """The sentences of `text` that are themselves too hard, hardest first, for quoting."""
    unique = dict.fromkeys(split_sentences(text))  # a repeated sentence is quoted once
    scored = [(score(sentence), sentence) for sentence in unique]
    scored = [(value, sentence) for value, sentence in scored if too_hard(value)]
    scored.sort(key=lambda pair: pair[0], reverse=not lower)
    return tuple(quote(sentence) for _value, sentence in scored[:HARDEST_SHOWN])


def measure(text: str, language_code: str) -> Readability | None:
    """The reading level of `text`, or None when it is too short or has no formula."""
    # English: Flesch-Kincaid; Spanish: INFLESZ. Arabic (and any other language) gets None, so
    # editors are told nothing: no readability formula validated on Arabic health text was
    # found, and textstat's Osman counts syllables from diacritics that articles rarely write.
    if word_count(text) < MIN_WORDS:
        return None
    language = language_code.lower().split("-")[0]
    if language == "en":
        score = ENGLISH.flesch_kincaid_grade(text)
        # Rounded, so that a section never "reads at grade 8" and still gets a warning.
        grade = round(score)
        level = f"grade {max(grade, 1)}"
        if grade > HIGHEST_GRADE:
            level += ", a university level"
        return Readability(
            formula=FLESCH_KINCAID,
            score=score,
            level=level,
            above_target=grade > TARGET_GRADE,
            hardest=hardest(
                text,
                flesch_kincaid_of_sentence,
                lambda value: round(value) > TARGET_GRADE,
                lower=False,
            ),
        )
    if language == "es":
        score = inflesz(text)
        return Readability(
            formula=INFLESZ,
            score=score,
            level=inflesz_band(score),
            above_target=round(score) < INFLESZ_TARGET,
            hardest=hardest(text, inflesz, lambda value: round(value) < INFLESZ_TARGET, lower=True),
        )
    return None
