"""The public delivery API at /api/v1/: each app's routers and page types, mounted in one place."""

from articles import api as articles_api
from articles.models import ArticlePage
from core.api.pages import build_pages_router, page_renderer
from core.api.preview import build_preview_router
from core.api.problems import ProblemDetailsAPI
from core.api.search import build_search_router
from home import api as home_api
from providers import api as providers_api
from providers.models import ProviderPage

api = ProblemDetailsAPI(
    title="Health CMS delivery API",
    version="1.0.0",
    description=(
        "Read-only content for reader-facing front ends: pages by route or id with locale "
        "fallback, article and provider listings, site settings and search. Errors are "
        "problem details (application/problem+json). Only live, public content is served."
    ),
    urls_namespace="delivery_api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)

# Each app registers its page types in its AppConfig.ready() (core.api.pages), so that
# publishing renders them in any process, with or without these URLs loaded.
renderer = page_renderer()
api.add_router("/pages", build_pages_router(renderer))
api.add_router("/preview", build_preview_router(renderer))
api.add_router("/articles", articles_api.router)
api.add_router("/people", articles_api.people_router)
api.add_router("/providers", providers_api.router)
api.add_router("/site", home_api.router)
api.add_router("/search", build_search_router([ArticlePage, ProviderPage]))
