"""Which links readers may be sent to: the one rule for every href the project serves.

A link may be a web address (`http:`, `https:`), an email or phone link (`mailto:`, `tel:`), a
relative path (`/es/articles/`, `../x`) or a fragment (`#ref-1`). Anything else (`javascript:`,
`data:`, `vbscript:`, `file:`, `ftp:`...) is refused where content enters and dropped where it is
rendered for readers.

Protocol-relative links (`//example.org/x`) are allowed: a browser follows them over the page's
own http or https, so they can reach no more than an `https://` link to the same host can.

Browsers forgive a lot before they read a scheme (`  JaVa\tScRiPt:`, `&#106;avascript:`), so
the check first undoes what a browser undoes: HTML entities, ASCII control characters and
whitespace anywhere, and case.
"""

import html
import re
from collections.abc import Iterable
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# What browsers ignore inside or around a URL's scheme: C0 controls, space, DEL, the C1 range and
# no-break space, plus invisible Unicode formatting characters and the replacement character.
_IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f-\xa0\u200b-\u200f\u2028\u2029\ufeff\ufffd]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")

# Attributes through which markup sends a browser somewhere.
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster"})

UNSAFE_LINK_MESSAGE = (
    "This link can't be used: “%(scheme)s:” links can run code in readers' browsers. Use a web "
    "address starting with https://, an email (mailto:) or phone (tel:) link, a path on this "
    "site starting with / or an anchor starting with #."
)


def link_scheme(href: str) -> str | None:
    """The scheme a browser would read from `href` (lowercase), or None for a relative link."""
    normalised = href
    # Unescape until stable: rich text may be unescaped once more on its way to the reader.
    for _ in range(3):
        unescaped = html.unescape(normalised)
        if unescaped == normalised:
            break
        normalised = unescaped
    normalised = _IGNORED_BY_BROWSERS.sub("", normalised).lower()
    match = _SCHEME.match(normalised)
    return match.group(1) if match else None


def is_safe_href(href: str | None) -> bool:
    """Whether readers may be sent to `href` (an empty link goes nowhere, so it is safe)."""
    if not href:
        return True
    scheme = link_scheme(str(href))
    return scheme is None or scheme in SAFE_SCHEMES


def safe_href(href: str | None) -> str:
    """`href` when it is safe, "" otherwise: for renderers, the last line of defence."""
    return href if href and is_safe_href(href) else ""


@deconstructible
class SafeLinkValidator:
    """Refuses links that are not web, email, phone, relative or fragment links."""

    message = UNSAFE_LINK_MESSAGE
    code = "unsafe_link"

    def __call__(self, value: str | None) -> None:
        if not is_safe_href(value):
            raise ValidationError(
                self.message, code=self.code, params={"scheme": link_scheme(str(value))}
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SafeLinkValidator)


validate_safe_link = SafeLinkValidator()


@deconstructible
class SafeRichTextLinksValidator:
    """Refuses rich text (a string or a RichText value) that links anywhere unsafe."""

    message = "A link in this text can't be used. " + UNSAFE_LINK_MESSAGE
    code = "unsafe_link"

    def __call__(self, value) -> None:
        unsafe = unsafe_links_in(str(getattr(value, "source", value) or ""))
        if unsafe:
            raise ValidationError(
                self.message, code=self.code, params={"scheme": link_scheme(unsafe[0])}
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SafeRichTextLinksValidator)


validate_rich_text_links = SafeRichTextLinksValidator()


def unsafe_child_links(children: Iterable[models.Model], *field_names: str) -> list[str]:
    """Errors for inline children (e.g. crisis lines) whose link fields are unsafe.

    A cluster's `full_clean` does not reach its children, so its `clean` calls this for them.
    """
    errors = []
    for child in children:
        for name in field_names:
            try:
                validate_safe_link(getattr(child, name))
            except ValidationError as error:
                errors.append(f"{child}: {error.messages[0]}")
    return errors


class _UnsafeLinkFinder(HTMLParser):
    """Notes whether any tag in some HTML links somewhere unsafe."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.unsafe: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in _URL_ATTRIBUTES and not is_safe_href(value):
                self.unsafe.append(value or "")

    handle_startendtag = handle_starttag


def unsafe_links_in(markup: str) -> list[str]:
    """The unsafe hrefs (and other URL attributes) in `markup`, as a browser would read them."""
    finder = _UnsafeLinkFinder()
    finder.feed(markup or "")
    finder.close()
    return finder.unsafe


def strip_unsafe_links(markup: str) -> str:
    """`markup` without unsafe URL attributes; a link keeps its words and loses its target.

    Markup with no unsafe link is returned unchanged, byte for byte.
    """
    if not markup or not unsafe_links_in(markup):
        return markup
    from bs4 import BeautifulSoup  # Wagtail's own dependency, only needed on this rare path

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(True):
        for name in [name for name in tag.attrs if name in _URL_ATTRIBUTES]:
            value = tag.attrs[name]
            if not is_safe_href(value if isinstance(value, str) else " ".join(value)):
                del tag.attrs[name]
    return str(soup)
