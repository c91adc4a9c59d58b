"""Links between pages as readers follow them: in the reader's locale where a visible translation
exists, along the fallback chain otherwise, and never to a draft, expired or restricted page."""

from django.http import HttpRequest
from ninja import Schema
from wagtail.models import Page

from core.locales import text_direction
from core.visibility import visible


class LocaleSchema(Schema):
    code: str
    direction: str


class PageLinkSchema(Schema):
    id: int
    title: str
    path: str
    locale: LocaleSchema
    page_type: str


def front_end_path(page: Page, request: HttpRequest | None = None) -> str:
    """The page's path as front ends route it, e.g. /es/articles/ketamina/."""
    url_parts = page.get_url_parts(request=request)
    if url_parts is None or url_parts[2] is None:
        return ""
    return url_parts[2]


def page_link(page: Page, request: HttpRequest | None = None) -> PageLinkSchema:
    locale_code = page.locale.language_code
    return PageLinkSchema(
        id=page.pk,
        title=page.title,
        path=front_end_path(page, request),
        locale=LocaleSchema(code=locale_code, direction=text_direction(locale_code)),
        page_type=page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
    )


class PageLinkResolver:
    """Resolves many page references at once to the best visible page in the reader's locale.

    Register every page id a response links to with `collect`, call `resolve` once (one query),
    then `link` answers from memory.
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
        self._page_ids: set[int] = set()
        self._known_keys: dict[int, object] = {}
        self._resolved: dict[int, Page | None] | None = None
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
            self._page_ids.add(int(page))
        except (TypeError, ValueError):
            return  # a malformed id in stored rich text links nowhere
        self._resolved = None

    def resolve(self) -> None:
        ids = self._page_ids
        if not ids:
            self._resolved = {}
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
        rank = {code: index for index, code in enumerate(self.locale_chain)}
        best: dict = {}
        for candidate in candidates:
            key = candidate.translation_key
            current = best.get(key)
            if current is None or (
                rank[candidate.locale.language_code] < rank[current.locale.language_code]
            ):
                best[key] = candidate
        self._resolved = {page_id: best.get(key) for page_id, key in key_by_id.items()}
        self.translation_keys = set(key_by_id.values())

    def page(self, page_id: int | str | None) -> Page | None:
        if self._resolved is None:
            self.resolve()
        try:
            return self._resolved.get(int(page_id))
        except (TypeError, ValueError):
            return None

    def link(self, page_id: int | str | None) -> PageLinkSchema | None:
        page = self.page(page_id)
        return page_link(page, self.request) if page is not None else None
