"""Links between pages as readers follow them: in the reader's locale where a visible translation
exists, along the fallback chain otherwise, and never to a draft, expired or restricted page."""

from django.http import HttpRequest
from ninja import Schema
from pydantic import Field
from wagtail.models import Page

from core.api.types import Direction, PageTypeLabel
from core.locales import best_per_key, text_direction
from core.paths import front_end_path
from core.visibility import visible


class LocaleSchema(Schema):
    """A locale, the one shape of every `locale` field: its code and its text direction."""

    code: str = Field(description="BCP 47, lower case: en, es, ar, es-mx.")
    direction: Direction

    @classmethod
    def of(cls, code: str) -> "LocaleSchema":
        try:
            direction = text_direction(code)
        except KeyError:  # a requested locale Django does not know (it fell back to a known one)
            direction = "ltr"
        return cls(code=code, direction=direction)


class PageLinkSchema(Schema):
    id: int
    title: str
    path: str
    locale: LocaleSchema
    page_type: PageTypeLabel


def page_link(page: Page, request: HttpRequest | None = None) -> PageLinkSchema:
    return PageLinkSchema(
        id=page.pk,
        title=page.title,
        path=front_end_path(page, request),
        locale=LocaleSchema.of(page.locale.language_code),
        page_type=page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
    )


class PageLinkResolver:
    """Resolves page references to the best visible page in the reader's locale.

    Any id can be asked for at any time. To keep a response at one query, `collect` every id it
    links to first: the next lookup resolves everything collected so far in one query.
    """

    def __init__(
        self,
        locale_chain: list[str],
        request: HttpRequest | None = None,
        restricted: list[str] | None = None,
    ):
        self.locale_chain = locale_chain
        self.request = request
        self.restricted = restricted
        self._pending: set[int] = set()
        self._known_keys: dict[int, object] = {}
        self._resolved: dict[int, Page | None] = {}
        #: Translation keys of every page referenced, visible or not (for cache tags).
        self.translation_keys: set = set()

    def collect(self, page: "Page | int | str | None") -> None:
        """Note a page to link to: a Page (its translation key is known) or a bare id."""
        if page is None:
            return
        if isinstance(page, Page):
            self._known_keys[page.pk] = page.translation_key
            page = page.pk
        try:
            page_id = int(page)
        except (TypeError, ValueError):
            return  # a malformed id in stored rich text links nowhere
        if page_id not in self._resolved:
            self._pending.add(page_id)

    def resolve(self) -> None:
        """Resolve every collected id not resolved yet (one query, two for bare ids)."""
        ids, self._pending = self._pending, set()
        if not ids:
            return
        key_by_id = {pk: self._known_keys[pk] for pk in ids if pk in self._known_keys}
        unknown = ids - key_by_id.keys()
        if unknown:
            key_by_id.update(
                Page.objects.filter(pk__in=unknown).values_list("pk", "translation_key")
            )
        # Every visible page in the chain's locales that shares a translation key with a
        # referenced page, in one query.
        candidates = (
            visible(Page.objects.all(), self.restricted)
            .filter(
                translation_key__in=set(key_by_id.values()),
                locale__language_code__in=self.locale_chain,
            )
            .select_related("locale")
            .only("id", "title", "url_path", "translation_key", "locale", "content_type")
        )
        best = best_per_key(candidates, self.locale_chain, key=lambda page: page.translation_key)
        self._resolved.update({page_id: best.get(key_by_id.get(page_id)) for page_id in ids})
        self.translation_keys.update(key_by_id.values())

    def page(self, page_id: int | str | None) -> Page | None:
        try:
            page_id = int(page_id)
        except (TypeError, ValueError):
            return None
        if page_id not in self._resolved:
            self.collect(page_id)
            self.resolve()
        return self._resolved.get(page_id)

    def link(self, page_id: int | str | None) -> PageLinkSchema | None:
        page = self.page(page_id)
        return page_link(page, self.request) if page is not None else None
