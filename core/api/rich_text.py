"""Rich text as front-end-ready HTML.

Stored rich text refers to pages and documents by id (`<a linktype="page" id="3">`). Page links
become front-end paths in the reader's locale (through PageLinkResolver, so fallback and
visibility apply), marked `data-link-type="page"`; document links become absolute URLs
(core.media), marked `data-link-type="document"`; embeds use Wagtail's own handlers. No
`linktype` or `embedtype` attribute survives, and no link a reader should not follow
(core.links_safety). Rendering works in any order: links not resolved yet are resolved when
the text is rendered, and text collected beforehand shares one query.
"""

import re

from django.utils.html import escape, strip_tags
from django.utils.text import slugify
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

HEADING = re.compile(r"<(h[23])(\s[^>]*)?>(.*?)</\1>", re.IGNORECASE | re.DOTALL)


class Anchors:
    """Heading anchors of one page: slugs of the heading's words (Unicode kept, so Arabic and
    Spanish headings read as themselves), numbered from the second use on."""

    def __init__(self):
        self._used: set[str] = set()
        #: Every heading block's anchor, text and level, in the order rendered (contents).
        self.headings: list[dict[str, str]] = []

    def claim(self, text: str) -> str:
        base = slugify(text, allow_unicode=True) or "section"
        anchor, number = base, 1
        while anchor in self._used:
            number += 1
            anchor = f"{base}-{number}"
        self._used.add(anchor)
        return anchor


class RichTextResolver:
    def __init__(self, links: PageLinkResolver, anchors: Anchors | None = None):
        self.links = links
        self.anchors = anchors or Anchors()
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
        return self._anchor_headings(strip_unsafe_links(self._rewriter(html or "")))

    def _anchor_headings(self, html: str) -> str:
        """h2 and h3 in rich text get an `id`, from the same anchors as heading blocks."""

        def anchored(match: re.Match) -> str:
            tag, attrs, inner = match.group(1), match.group(2) or "", match.group(3)
            if re.search(r"\sid=", attrs):
                return match.group(0)
            anchor = self.anchors.claim(strip_tags(inner))
            return f'<{tag} id="{escape(anchor)}"{attrs}>{inner}</{tag}>'

        return HEADING.sub(anchored, html)

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
