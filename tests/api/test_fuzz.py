"""Schemathesis fuzzes every endpoint from the OpenAPI document: no 5xx, no response that breaks
its own schema, and bad input always a documented 4xx. Bounded so that it runs in seconds.

One check is left out: a request the schema allows may still be refused when its meaning is wrong
(a well-formed but unknown locale such as `zz` gets a 400 problem), which is deliberate.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True, scope="module")
def keep_the_test_connection_open():
    """Like Django's test client: a request must not close the test's database connection
    (PostgreSQL would lose the transaction that holds the demo content)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_answers_every_generated_request_within_its_contract(case, demo_content, db):
    case.call_and_validate(
        headers={"Host": "testserver"}, excluded_checks=[positive_data_acceptance]
    )
