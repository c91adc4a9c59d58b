"""A reader's request on a database connection kept from an earlier request: the read is its own
health check (core.snapshots.statements)."""

import psycopg
import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's health check makes no round trip, and its connection cannot be dropped",
)


@pytest.fixture
def health_checks(monkeypatch):
    """Django's health checks of the connection, counted (they make no query Django logs)."""
    checks = []
    wrapper_class = type(connections["default"])
    usable = wrapper_class.is_usable

    def counted(wrapper):
        checks.append(wrapper.alias)
        return usable(wrapper)

    monkeypatch.setattr(wrapper_class, "is_usable", counted)
    return checks


def as_the_next_request_starts():
    """What Django's request_started does to a kept connection (the test client skips it)."""
    connection.health_check_done = False


@postgresql_only
@pytest.mark.parametrize("endpoint", ["/pages/{id}", "/pages/resolve", "/articles"])
def test_a_read_on_a_kept_connection_makes_one_round_trip_without_a_separate_health_check(
    api, article, settings, health_checks, endpoint
):
    settings.API_RESPONSE_CACHE_SECONDS = 0
    params = {"path": article.url} if endpoint == "/pages/resolve" else {}
    path = endpoint.format(id=article.pk)
    api(path, **params)  # the connection is open, the listing's count stored

    as_the_next_request_starts()
    with CaptureQueriesContext(connection) as queries:
        assert api(path, **params).status_code == 200

    assert len(queries) == 1
    assert health_checks == []


@postgresql_only
# Restores the migrated data afterwards (as the browser tests do), so tests after it find it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_read_after_the_database_dropped_the_kept_connection_is_answered_on_a_new_one(
    client, article, settings
):
    settings.API_RESPONSE_CACHE_SECONDS = 0
    assert client.get(f"/api/v1/pages/{article.pk}").status_code == 200
    kept = connection.connection.info.backend_pid

    with psycopg.connect(**connection.get_connection_params()) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [kept])  # a restart or failover
    as_the_next_request_starts()
    response = client.get(f"/api/v1/pages/{article.pk}")

    assert response.status_code == 200
    assert response.json()["title"] == article.title
    assert connection.connection.info.backend_pid != kept


@postgresql_only
def test_prepared_reads_are_planned_once_for_any_values_not_once_per_request(db):
    # Left to choose, PostgreSQL planned the listing's prepared statement on every execution.
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_generic_plan"


def test_a_listings_sql_names_its_constants_so_that_one_plan_can_use_the_partial_indexes():
    # A constant sent as a parameter (`withheld = $1`) keeps a plan made for any values from
    # the indexes that hold only `withheld = ''` rows: 20 ms instead of 2 on 500 articles.
    from articles.models import ArticlePage
    from core.api.listings import listing_statements

    statements = listing_statements((ArticlePage,), 1, ("-first_published_at", "-page_id"))

    for statement in (statements.window_statement, statements.count_statement):
        assert "\"withheld\" = ''" in statement.sql
        assert "'articles.ArticlePage'" in statement.sql
        # Only what changes per request is a parameter: the locale, the time, the facet (topic).
        assert "" not in statement.params
        assert len(set(statement.params)) == (4 if statement is statements.window_statement else 3)
