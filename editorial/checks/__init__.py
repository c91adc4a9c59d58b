"""Content checks: problems that block a page's publishing (errors) or deserve a look (warnings)."""

# The public API is editorial.checks.results (ContentCheck, check_article, check_provider,
# check_page, publishing_errors). Nothing is imported here: the page models import
# editorial.checks.panels, and so this package, while the models are still loading.
