"""Rich text as front-end-ready HTML.

Stored rich text refers to pages and documents by id (`<a linktype="page" id="3">`). Page links
become front-end paths in the reader's locale (through PageLinkResolver, so fallback and
visibility apply), marked `data-link-type="page"`; document links become absolute URLs
(core.media), marked `data-link-type="document"`; embeds use Wagtail's own handlers. No `linktype` or
`embedtype` attribute survives, and no link a reader should not follow (core.links_safety).
Rendering works in any order: links not resolved yet are resolved when the text is rendered,
and text collected beforehand shares one query.
"""

from django.utils.html import escape
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import (
    FIND_A_TAG,
    EmbedRewriter,
    LinkRewriter,
    MultiRuleRewriter,
    extract_attrs,
)

from core.api.links import PageLinkResolver
from core.links_safety import strip_unsafe_links
from core.media import public_document_url
from core.paths import front_end_path


class RichTextResolver:
    def __init__(self, links: PageLinkResolver):
        self.links = links
        link_handlers = features.get_link_types()
        embed_handlers = features.get_embed_types()
        link_rules = {
            link_type: handler.expand_db_attributes_many
            for link_type, handler in link_handlers.items()
        }
        link_rules["page"] = self._page_links
        link_rules["document"] = self._document_links
        self._rewriter = MultiRuleRewriter(
            [
                LinkRewriter(bulk_rules=link_rules),
                EmbedRewriter(
                    bulk_rules={
                        embed_type: handler.expand_db_attributes_many
                        for embed_type, handler in embed_handlers.items()
                    }
                ),
            ]
        )

    def collect(self, html: str) -> None:
        """Note the pages this rich text links to, before `links.resolve()` runs."""
        for tag in FIND_A_TAG.findall(html or ""):
            attrs = extract_attrs(tag)
            if attrs.get("linktype") == "page":
                self.links.collect(attrs.get("id"))

    def render(self, html: str) -> str:
        self.collect(html)
        # Editors' links were checked on the way in; this catches whatever got past (imports,
        # old content, translation overrides).
        return strip_unsafe_links(self._rewriter(html or ""))

    def _page_links(self, attrs_list: list[dict]) -> list[str]:
        tags = []
        for attrs in attrs_list:
            page = self.links.page(attrs.get("id"))
            if page is None:
                tags.append("<a>")  # the target is not visible: keep the words, drop the link
            else:
                path = front_end_path(page, self.links.request)
                tags.append(
                    f'<a href="{escape(path)}" data-link-type="page" data-page-id="{page.pk}">'
                )
        return tags

    @staticmethod
    def _document_links(attrs_list: list[dict]) -> list[str]:
        """Document links load from the public media base, marked so that a front end can tell
        them from page links (download icon, no client-side routing)."""
        return [
            f'<a href="{escape(public_document_url(document))}" data-link-type="document" '
            f'data-document-id="{document.pk}">'
            if document
            else "<a>"
            for document in DocumentLinkHandler.get_many(attrs_list)
        ]
