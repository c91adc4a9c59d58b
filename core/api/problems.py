"""Problem-style error responses (RFC 9457), reusing Wagtail API v3's handlers and schema."""

from ninja import NinjaAPI
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail, register_exception_handlers

from core.api.contract import finish

#: What any endpoint can answer besides its 200 (401 is the preview's alone: core.api.preview).
PROBLEM_RESPONSES = {400: ProblemDetail, 404: ProblemDetail, 422: ProblemDetail}


class ProblemDetailsAPI(NinjaAPI):
    """A NinjaAPI whose errors are problem details, and whose OpenAPI document says so."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        register_exception_handlers(self)

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for path in schema["paths"].values():
            for operation in path.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if str(status)[0] in "45" and "application/json" in content:
                        response["content"] = {PROBLEM_JSON: content["application/json"]}
        return finish(schema)
