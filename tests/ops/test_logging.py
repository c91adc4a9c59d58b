"""Structured logs: JSON lines with a timestamp and the request's id, echoed to the client."""

import json
import logging
import re

from ops.logs import AccessJsonFormatter
from tests.foundation.test_settings import PRODUCTION_ENV, run_manage


def test_a_request_gets_an_id_that_is_echoed_in_the_response(client, site):
    response = client.get("/api/v1/site")
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert client.get("/api/v1/site")["X-Request-ID"] != response["X-Request-ID"]


def test_the_proxys_request_id_is_kept_so_its_logs_and_ours_match(client, site):
    response = client.get("/api/v1/site", HTTP_X_REQUEST_ID="lb-4f1c9a")
    assert response["X-Request-ID"] == "lb-4f1c9a"


def test_a_request_id_that_could_forge_log_lines_is_replaced(client, site):
    response = client.get("/api/v1/site", HTTP_X_REQUEST_ID='x" level="CRITICAL')
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_production_logs_one_json_object_a_line_with_a_timestamp():
    result = run_manage(
        "shell",
        "-c",
        "import logging; logging.getLogger('health').warning('queue is %s', 'behind')",
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if '"health"' in line]
    record = json.loads(line)
    assert record["message"] == "queue is behind"
    assert record["level"] == "WARNING"
    assert record["request_id"] == "-"  # outside a request
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", record["timestamp"])


def test_gunicorns_access_lines_become_json_fields():
    formatter = AccessJsonFormatter("%(asctime)s %(message)s")
    atoms = {
        "h": "10.0.0.7",
        "m": "GET",
        "U": '/api/v1/pages/"7"',
        "q": "",
        "s": "200",
        "B": "512",
        "M": 12,
        "{x-request-id}o": "lb-4f1c9a",
        "a": "curl/8",
    }
    record = logging.LogRecord("gunicorn.access", logging.INFO, "", 0, "%(m)s %(U)s", (), None)
    record.args = atoms  # as gunicorn passes them
    line = json.loads(formatter.format(record))
    assert line["path"] == '/api/v1/pages/"7"'
    assert line["status"] == "200"
    assert line["request_id"] == "lb-4f1c9a"
    assert line["duration_ms"] == 12
