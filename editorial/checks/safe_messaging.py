"""Safe messaging about suicide: wording the media guidance asks writers to avoid, and detail of
how or where, in English and Spanish.

Sources: the 988 Suicide & Crisis Lifeline's and reportingonsuicide.org's recommendations, and
WHO/IASP's resource for media professionals (2023). Every finding is a warning: clinical and
quoted uses exist, and an editor decides.

Text is matched without regard to case, accents or line breaks ("COMETIO suicidio" is
"cometió suicidio"); the phrase is quoted as the writer typed it.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from editorial.checks.readability import split_sentences


@dataclass(frozen=True)
class Wording:
    """A phrase to avoid and the wording to use instead."""

    pattern: re.Pattern[str]
    why: str
    prefer: str
    #: Only in a sentence that mentions suicide ("a failed attempt to quit smoking" is fine).
    needs_suicide_context: bool = False


def _words(pattern: str) -> re.Pattern[str]:
    """A pattern on accent-free, lower-case text; a space in it matches any run of whitespace."""
    return re.compile(r"\b" + pattern.replace(" ", r"\s+") + r"\b", re.IGNORECASE)


# Written without accents: the text is folded the same way before matching.
WORDING: dict[str, list[Wording]] = {
    "en": [
        Wording(
            _words(r"commit(?:s|ted|ting)? suicides?"),
            "suggests a crime or a sin",
            "“died by suicide” or “took their own life”",
        ),
        Wording(
            _words(r"(?:successful|completed) suicides?"),
            "presents a death as an achievement",
            "“died by suicide”",
        ),
        Wording(
            _words(r"(?:successful|unsuccessful|failed) (?:suicide )?attempts?"),
            "presents survival as a failure",
            "“attempted suicide” or “survived a suicide attempt”",
            needs_suicide_context=True,
        ),
        Wording(
            _words(r"(?:suicide epidemics?|epidemics? of suicides?|skyrocket(?:s|ed|ing)?)"),
            "sensationalises",
            "the figure and its trend, stated plainly",
            needs_suicide_context=True,
        ),
    ],
    "es": [
        Wording(
            _words(r"comet\w* (?:el |un )?suicidios?"),
            "suggests a crime or a sin",
            "“murió por suicidio” or “se quitó la vida”",
        ),
        Wording(
            _words(r"suicidios? (?:exitos|consumad)[oa]s?"),
            "presents a death as an achievement",
            "“murió por suicidio”",
        ),
        Wording(
            _words(r"intentos? (?:de suicidio )?(?:fallid|frustrad|exitos)[oa]s?"),
            "presents survival as a failure",
            "“intento de suicidio” or “sobrevivió a un intento”",
            needs_suicide_context=True,
        ),
        Wording(
            _words(r"epidemias? de suicidios?"),
            "sensationalises",
            "la cifra y su tendencia, sin alarma (the figure and its trend, plainly)",
        ),
    ],
}

# What makes a sentence one about suicide.
SUICIDE = {
    "en": _words(r"(?:suicid\w*|(?:take|took|taking|taken|end|ended|ending)s? \w+ own lives?)"),
    "es": _words(r"(?:suicid\w*|quit\w* la vida)"),
}

# How or where: the guidance asks that neither be described. Matched only in a sentence about
# suicide, so "an overdose of paracetamol" in a sentence on medicines does not warn.
METHOD_OR_PLACE = {
    "en": _words(
        r"(?:hang(?:ed|ing|s)?|hung (?:him|her|them)sel(?:f|ves)|nooses?|overdos(?:e|es|ed|ing)|"
        r"pills|firearms?|guns?|shot (?:him|her|them)sel(?:f|ves)|poison(?:ed|ing)?|"
        r"jump(?:ed|ing|s)? (?:from|off)|bridges?|cliffs?|rooftops?|railway|train tracks|"
        r"carbon monoxide|(?:cut|slit)(?:ting)? (?:his|her|their) wrists?)"
    ),
    "es": _words(
        r"(?:ahorc\w*|horca|soga|sobredosis|pastillas|armas? de fuego|pistolas?|"
        r"(?:se )?dispar(?:o|aron|arse)|envenen\w*|veneno|"
        r"(?:se )?(?:tiro|lanzo|arrojo|tiraron|lanzaron|arrojaron|tirarse|lanzarse|arrojarse) "
        r"(?:desde|de|por)|puentes?|acantilados?|azoteas?|vias del tren|monoxido de carbono|"
        r"cortes? en las munecas)"
    ),
}


@dataclass(frozen=True)
class Finding:
    """One phrase in a text that the guidance asks writers to avoid."""

    quoted: str  # as the writer typed it, whitespace tidied
    message: str  # why, and what to write instead


def fold(text: str) -> str:
    """The text in lower case without accents, character for character (same length)."""
    normalised = unicodedata.normalize("NFC", text)
    return "".join(unicodedata.normalize("NFD", char)[0] for char in normalised).lower()


def language_of(code: str) -> str:
    return code.lower().split("-")[0]


def supported(language_code: str) -> bool:
    return language_of(language_code) in WORDING


def mentions_suicide(texts: Iterable[str], language_code: str) -> bool:
    pattern = SUICIDE.get(language_of(language_code))
    return pattern is not None and any(pattern.search(fold(text)) for text in texts)


def wording_findings(text: str, language_code: str) -> Iterator[Finding]:
    """Phrases in `text` to reword, with the wording the guidance prefers."""
    language = language_of(language_code)
    for sentence in split_sentences(text):
        folded = fold(sentence)
        about_suicide = bool(SUICIDE[language].search(folded))
        for wording in WORDING.get(language, []):
            if wording.needs_suicide_context and not about_suicide:
                continue
            for match in wording.pattern.finditer(folded):
                quoted = sentence[match.start() : match.end()]
                yield Finding(quoted, f"{wording.why}; write {wording.prefer} instead")


def method_findings(text: str, language_code: str) -> Iterator[str]:
    """Words of method or place in the sentences of `text` that are about suicide, as typed."""
    language = language_of(language_code)
    if language not in METHOD_OR_PLACE:
        return
    for sentence in split_sentences(text):
        folded = fold(sentence)
        if not SUICIDE[language].search(folded):
            continue
        for match in METHOD_OR_PLACE[language].finditer(folded):
            yield sentence[match.start() : match.end()]
