"""The public delivery API at /api/v1/: each app's routers and page types, mounted in one place."""

from ninja import NinjaAPI

from core.api.pages import build_pages_router
from core.api.problems import install_problem_handlers
from providers import api as providers_api

api = NinjaAPI(
    title="Health CMS delivery API",
    version="1.0.0",
    description=(
        "Read-only content for reader-facing front ends: pages by route or id with locale "
        "fallback, article and provider listings, site settings and search. Errors are "
        "problem details (application/problem+json)."
    ),
    urls_namespace="delivery_api",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
install_problem_handlers(api)

PAGE_TYPES = [*providers_api.PAGE_TYPES]

api.add_router("/pages", build_pages_router(PAGE_TYPES))
api.add_router("/providers", providers_api.router)
