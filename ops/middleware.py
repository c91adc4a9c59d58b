"""Middleware that must come first: request ids for the logs, and /healthz for any Host."""

import re
import uuid

from ops import logs

#: What an incoming X-Request-ID may be (a proxy's id), so that logs cannot be forged with it.
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
REQUEST_ID_HEADER = "X-Request-ID"


class HealthCheckHostMiddleware:
    """Answer /healthz whatever the Host, as load balancers ask with the instance's address.

    ALLOWED_HOSTS protects against forged Host headers in links and emails; /healthz builds
    neither, so it is the one path exempt. Every other path still checks the Host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            from ops.health import healthz

            return healthz(request)
        return self.get_response(request)


class RequestIdMiddleware:
    """Give every request an id (the proxy's X-Request-ID, or a new one), log it, echo it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if REQUEST_ID_PATTERN.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = logs.request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            logs.request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response
