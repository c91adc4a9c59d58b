"""Problem-style error responses (RFC 9457), reusing Wagtail API v3's handlers and schema."""

from ninja import NinjaAPI
from wagtail.api.v3.errors import ProblemDetail, problem_response, register_exception_handlers

PROBLEM_RESPONSES = {400: ProblemDetail, 404: ProblemDetail, 422: ProblemDetail}

__all__ = ["PROBLEM_RESPONSES", "ProblemDetail", "install_problem_handlers", "problem_response"]


def install_problem_handlers(api: NinjaAPI) -> None:
    register_exception_handlers(api)
