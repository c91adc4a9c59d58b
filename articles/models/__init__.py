from .inlines import ArticlePageTopic, ArticleReference
from .notices import CitationNotice, NoticeKind, cites_open_notice
from .pages import SECTION_FIELDS, ArticleIndexPage, ArticlePage
from .snippets import Person, Topic, TopicKind

__all__ = [
    "SECTION_FIELDS",
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageTopic",
    "ArticleReference",
    "CitationNotice",
    "NoticeKind",
    "Person",
    "Topic",
    "TopicKind",
    "cites_open_notice",
]
