"""Admin hooks of the editorial app, kept with the feature each belongs to."""

from importlib import import_module

# Importing each module registers its hooks.
HOOK_MODULES = (
    "editorial.checks.hooks",  # content checks in the editor
    "editorial.workflow_messages",  # what a workflow action did, in words
    "editorial.editor_assets",  # the editor's script (tab error badges) and styles
    "editorial.publishing_hooks",  # no publishing around the medical review
    "editorial.translation_sync",  # wagtail-localize's sync, publishing only what may go live
    "editorial.partial_publish",  # an editor's explicit partial publish of a translation
    "editorial.translation_review_views",  # a translator submits to the translation review
    "editorial.translation_changes",  # what changed in the source of an outdated translation
    "editorial.translation_inbox",  # translators' and translation reviewers' dashboard panels
    "editorial.reviews.hooks",  # the review-due report and dashboard panel
    "editorial.citations.hooks",  # the citations report and retraction notices
)
for module in HOOK_MODULES:
    import_module(module)
