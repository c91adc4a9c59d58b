"""Structured logs: one JSON object a line, with a timestamp and the request's id."""

import contextvars
import logging

from pythonjsonlogger.json import JsonFormatter

#: The id of the request being served (ops.middleware.RequestIdMiddleware), "-" outside one.
request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record, so that each line of one request can be found."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return True


#: python-json-logger's formatter with the fields every line carries (cms/settings/production.py
#: and deploy/gunicorn.conf.py use it).
JSON_FORMATTER = {
    "()": "pythonjsonlogger.json.JsonFormatter",
    "format": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
    "rename_fields": {"asctime": "timestamp", "levelname": "level", "name": "logger"},
    "timestamp": False,
    "datefmt": "%Y-%m-%dT%H:%M:%S%z",
}


def json_logging(level: str) -> dict:
    """A LOGGING dict that writes JSON lines to standard error (journald keeps them)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "ops.logs.RequestIdFilter"}},
        "formatters": {"json": JSON_FORMATTER},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
        },
    }


class AccessJsonFormatter(JsonFormatter):
    """gunicorn's access lines as JSON fields (deploy/gunicorn.conf.py).

    gunicorn logs each request with its atoms as the record's arguments; they become fields here,
    so that quotes in a path or a user agent cannot break the line.
    """

    ATOMS = {
        "h": "remote",
        "m": "method",
        "U": "path",
        "q": "query",
        "s": "status",
        "B": "bytes",
        "M": "duration_ms",
        "{x-request-id}o": "request_id",
        "a": "user_agent",
    }

    def add_fields(self, log_record, record, message_dict) -> None:
        super().add_fields(log_record, record, message_dict)
        atoms = record.args if isinstance(record.args, dict) else {}
        for atom, field in self.ATOMS.items():
            if atom in atoms:
                log_record[field] = atoms[atom]
