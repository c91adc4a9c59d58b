"""The create view's backstop: an article under review is never published from the editor."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from articles.models import ArticlePage


@hooks.register("before_publish_page")
def refuse_unreviewed_publishing(request, page):
    """Keep the new revision as a draft when the article may not be published as it stands.

    Wagtail's create view asks the parent page whether a child may be published, not the
    article's own rules (editorial/publishing.py), so a new article could otherwise go live
    unreviewed. The revision is saved already: nothing is lost.
    """
    if not isinstance(page, ArticlePage):
        return None
    if page.permissions_for_user(request.user).can_publish():
        return None
    if page.live_revision_id is None:
        # The create view saves a new page as live (Page's default) and leaves it to the
        # publish to confirm; without the publish it is a draft.
        page.live = False
        page.has_unpublished_changes = True
        page.save(update_fields=["live", "has_unpublished_changes"], clean=False)
    messages.error(
        request,
        _(
            "“%(title)s” was saved as a draft, not published: an English article is published "
            "by approving its workflow's last step, after the medical review. Submit it for "
            "review."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
