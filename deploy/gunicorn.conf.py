"""gunicorn's configuration (deploy/health-cms-web.service): `gunicorn -c deploy/gunicorn.conf.py`.

Every setting can be changed from the environment file (GUNICORN_*), so the unit stays as is.
"""

import os
import tempfile

# The project's folder (this file's parent's), so imports and manage.py-relative paths work.
chdir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
wsgi_app = "cms.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Restart workers now and then, so a slow leak never grows.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Behind the load balancer, which sets X-Forwarded-*; list its addresses, or "*" on a private net.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"

# Each worker counts its own requests; prometheus-client adds them up from files in this folder
# (ops/metrics.py). It must be empty at start, so each start of gunicorn gets a new one.
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="health-cms-metrics-")


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


# Access and error lines as JSON, like the application's (ops/logs.py): timestamp, request id,
# method, path, status, duration in milliseconds.
_json = {
    "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
    "rename_fields": {"asctime": "timestamp", "levelname": "level", "name": "logger"},
    "datefmt": "%Y-%m-%dT%H:%M:%S%z",
}
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "pythonjsonlogger.json.JsonFormatter", **_json},
        "access": {"()": "ops.logs.AccessJsonFormatter", **_json},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json"},
        "access": {"class": "logging.StreamHandler", "formatter": "access"},
    },
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}
access_log_format = "%(m)s %(U)s %(s)s"
