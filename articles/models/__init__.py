from .inlines import ArticlePageTopic, ArticleReference
from .pages import ArticleIndexPage, ArticlePage, one_year_after
from .snippets import Person, Topic, TopicKind

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageTopic",
    "ArticleReference",
    "Person",
    "Topic",
    "TopicKind",
    "one_year_after",
]
