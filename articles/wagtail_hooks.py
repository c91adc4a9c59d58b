from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from articles.choosers import author_chooser_viewset, reviewer_chooser_viewset
from articles.models import Person, Topic


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    list_display = ["name", "credentials", "is_author", "is_medical_reviewer", "locale"]
    list_filter = ["is_author", "is_medical_reviewer"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"
    list_display = ["name", "kind", "slug", "locale"]
    list_filter = ["kind"]


class ArticleSnippetsGroup(SnippetViewSetGroup):
    """The people credited on articles and the topics they are filed under, in one menu."""

    items = (PersonViewSet, TopicViewSet)
    menu_icon = "doc-full"
    menu_label = "People and topics"
    menu_name = "article-snippets"


register_snippet(ArticleSnippetsGroup)


@hooks.register("register_admin_viewset")
def register_role_choosers():
    return [author_chooser_viewset, reviewer_chooser_viewset]
