"""The project's catalogs give every reader-facing word in Spanish and Arabic, compiled."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
CATALOG = ROOT / "locale" / "{language}" / "LC_MESSAGES" / "django.{kind}"
READER_TEMPLATES = [
    ROOT / "cms/templates/base.html",
    *(
        path
        for app in ("articles", "home", "providers")
        for path in (ROOT / app / "templates").rglob("*.html")
        # Editor panels (e.g. articles/panels/) are the admin's, in the editor's language.
        if "panels" not in path.parts
    ),
    *(ROOT / "core/templates/core/blocks").rglob("*.html"),
]
# Python modules whose translated words reach readers (HTML pages or the API).
READER_MODULES = [
    ROOT / "articles/reading.py",
    ROOT / "articles/blocks/story.py",
    ROOT / "articles/review_status.py",
    ROOT / "providers/vetting.py",
]
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy"}
TEMPLATIZED_CALL = re.compile(
    r"\b(?:_|gettext|ngettext)\(u('(?:[^'\\]|\\.)*')(?:, u('(?:[^'\\]|\\.)*'))?"
)


def template_msgids(path: Path) -> set[str]:
    found = TEMPLATIZED_CALL.findall(templatize(path.read_text(), origin=str(path)))
    return {ast.literal_eval(singular) for singular, _plural in found}


def module_msgids(path: Path) -> set[str]:
    return {
        node.args[0].value
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT_NAMES
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


def reader_msgids() -> set[str]:
    return set().union(
        *(template_msgids(path) for path in READER_TEMPLATES),
        *(module_msgids(path) for path in READER_MODULES),
    )


def translated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def test_the_extraction_finds_the_reader_templates_words():
    words = reader_msgids()

    assert {"Skip to content", "Medically reviewed by", "Featured articles", "Story"} <= words
    assert "<bdi>%(minutes)s</bdi> minute read" in words


@pytest.mark.parametrize("language", ["es", "ar"])
def test_every_reader_facing_word_has_a_translation(language):
    catalog = polib.pofile(str(CATALOG).format(language=language, kind="po"))
    entries = {entry.msgid: entry for entry in catalog if not entry.obsolete}

    missing = sorted(
        msgid
        for msgid in reader_msgids()
        if msgid not in entries or not translated(entries[msgid]) or "fuzzy" in entries[msgid].flags
    )

    assert not missing, f"Add these to locale/{language} and compile: {missing}"


@pytest.mark.parametrize("language", ["es", "ar"])
def test_the_compiled_catalog_matches_its_po_file(language):
    source = polib.pofile(str(CATALOG).format(language=language, kind="po"))
    compiled = polib.mofile(str(CATALOG).format(language=language, kind="mo"))

    def pairs(catalog) -> dict:
        return {
            (entry.msgid, entry.msgid_plural): entry.msgstr
            or tuple(sorted(entry.msgstr_plural.items()))
            for entry in catalog
            if entry.msgid
            and translated(entry)
            and "fuzzy" not in entry.flags
            and not entry.obsolete
        }

    assert pairs(compiled) == pairs(source), "run manage.py compilemessages"


@pytest.mark.parametrize("language", ["es", "ar"])
def test_the_catalogs_declare_the_languages_plural_forms(language):
    catalog = polib.pofile(str(CATALOG).format(language=language, kind="po"))
    forms = int(re.search(r"nplurals=(\d+)", catalog.metadata["Plural-Forms"]).group(1))

    for entry in catalog:
        if entry.msgid_plural and translated(entry):
            assert len(entry.msgstr_plural) == forms, entry.msgid


# The admin's words: editorial's own catalogs (editorial/locale), for editors, reviewers and
# translators whose admin is in Spanish or Arabic.

ADMIN_CATALOG = ROOT / "editorial" / "locale" / "{language}" / "LC_MESSAGES" / "django.{kind}"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def admin_msgids() -> set[str]:
    app = ROOT / "editorial"
    return set().union(
        *(template_msgids(path) for path in (app / "templates").rglob("*.html")),
        *(
            module_msgids(path)
            for path in app.rglob("*.py")
            if "migrations" not in path.parts and "static" not in path.parts
        ),
    )


@pytest.mark.parametrize("language", ["es", "ar"])
def test_every_admin_word_of_editorial_has_a_translation(language):
    catalog = polib.pofile(str(ADMIN_CATALOG).format(language=language, kind="po"))
    entries = {entry.msgid: entry for entry in catalog if not entry.obsolete}
    assert len(admin_msgids()) > 50  # the extraction finds them

    missing = sorted(
        msgid
        for msgid in admin_msgids() | set(entries)
        if msgid not in entries or not translated(entries[msgid]) or "fuzzy" in entries[msgid].flags
    )

    assert not missing, (
        f"Run makemessages in editorial/ for {language}, translate, compile: {missing}"
    )


@pytest.mark.parametrize("language", ["es", "ar"])
def test_the_admin_catalogs_keep_placeholders_and_are_compiled(language):
    source = polib.pofile(str(ADMIN_CATALOG).format(language=language, kind="po"))
    compiled = polib.mofile(str(ADMIN_CATALOG).format(language=language, kind="mo"))
    forms = int(re.search(r"nplurals=(\d+)", source.metadata["Plural-Forms"]).group(1))

    for entry in source:
        expected = set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            # A form may leave out the count it spells ("una", "واحدة"), never add a value.
            assert set(PLACEHOLDER.findall(text)) <= expected, (entry.msgid, text)
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == forms, entry.msgid
    compiled_pairs = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in compiled}
    source_pairs = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in source}
    assert (
        compiled_pairs.get("Submit for translation review")
        == source_pairs["Submit for translation review"]
    )
    assert set(compiled_pairs) - {""} == set(source_pairs), "run manage.py compilemessages"
