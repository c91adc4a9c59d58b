"""Cursors for the few statements every reader's request runs, prepared once per connection.

Django's PostgreSQL backend binds parameters on the client (psycopg's `ClientCursor`), so
PostgreSQL parses and plans every read again; for a page read, planning costs more than
running it. These statements are fixed text, so they run on a server-binding cursor that asks
psycopg to prepare them, and PostgreSQL reuses the plan for the life of the connection. Only
these reads are prepared: Django documents queries that server-side binding breaks, and its
client cursors never prepare, whatever the connection's `prepare_threshold`
(`cms.settings.base.prepared_reads`, which DATABASE_PREPARED_READS=off turns off).

A statement that is the first of a request on a connection reused from an earlier one is also
its own health check: Django's (`conn_health_checks`) costs a `SELECT 1` round trip per request,
as much as the read itself. If the database dropped the connection meanwhile, the statement
fails, and it runs once more on a new connection, which is what the health check would have
given it.

Other databases (SQLite in development) get Django's own cursor.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from django.db import DatabaseError, connection
from django.db.backends.postgresql.psycopg_any import register_tzloader
from psycopg.pq import Format


class PreparingCursor(psycopg.Cursor):
    """Asks psycopg to prepare each statement it runs (a no-op when the connection's
    `prepare_threshold` is None)."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=True, binary=binary)


def prepared_read(sql: str, params: list) -> list[tuple]:
    """The rows of one fixed read statement, prepared on PostgreSQL."""
    unchecked = (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
    )
    if unchecked:
        connection.health_check_done = True  # the statement checks the connection
    try:
        return _read(sql, params)
    except DatabaseError:
        dropped = connection.connection is not None and connection.connection.closed
        if not (unchecked and dropped) or connection.in_atomic_block:
            raise  # the statement's own error, or a transaction a new connection cannot resume
        connection.close()
        return _read(sql, params)


def _read(sql: str, params: list) -> list[tuple]:
    with statement_cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@contextmanager
def statement_cursor() -> Iterator:
    """A cursor for one fixed read statement, with Django's wrappers (database errors, query
    logging for the tests' query budgets)."""
    with connection.cursor() as django_cursor:  # health check, connection, thread check
        if connection.vendor != "postgresql":
            yield django_cursor
            return
        cursor = PreparingCursor(connection.connection)
        # As Django's own cursors: timestamps in the connection's time zone (UTC).
        timestamptz = psycopg.adapters.types["timestamptz"].oid
        loader = connection.connection.adapters.get_loader(timestamptz, Format.TEXT)
        if connection.timezone != loader.timezone:
            register_tzloader(connection.timezone, cursor)
        wrapped = (
            connection.make_debug_cursor(cursor)
            if connection.queries_logged
            else connection.make_cursor(cursor)
        )
        try:
            yield wrapped
        finally:
            cursor.close()
