"""The documented production processes, started from deploy/ with the environment file and
nothing else: gunicorn, the worker and a scheduler tick on a fresh PostgreSQL database.

PostgreSQL only (production's database; CI runs it in its PostgreSQL pass). Slow: most of its
time is `migrate` on the new database.
"""

import contextlib
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import pytest
from django.conf import settings

from webhooks.signing import SIGNATURE_HEADER, TIMESTAMP_HEADER, verify

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SECRET = "webhook-secret-of-the-deploy-test"
OLD_SECRET = "the-previous-webhook-secret"
DEFAULT = settings.DATABASES["default"]

pytestmark = pytest.mark.skipif(
    "postgresql" not in DEFAULT["ENGINE"],
    reason="production runs on PostgreSQL: this test needs DATABASE_URL=postgres://… "
    "(CI's PostgreSQL pass)",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Receiver(BaseHTTPRequestHandler):
    """A front end's webhook route: records what it is sent."""

    received: list[tuple[bytes, dict[str, str]]]

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.received.append((body, dict(self.headers.items())))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def unit(name: str) -> dict[str, list[str]]:
    """The [Service] settings of a unit in deploy/, as systemd reads them (repeatable keys)."""
    values: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def environment_file(path: Path) -> dict[str, str]:
    """NAME=value lines, as systemd's EnvironmentFile= reads them."""
    env = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("=", 1)
            env[key] = value.strip("'\"")
    return env


def start_unit(name: str, env_file: Path, log: Path) -> subprocess.Popen:
    """Start a unit's ExecStart as systemd would: its working directory, its environment file and
    Environment= lines, and no other variable (only PATH, which systemd sets too)."""
    service = unit(name)
    [env_path] = service["EnvironmentFile"]
    assert env_path == "/etc/health-cms/env"
    env = {"PATH": "/usr/bin:/bin", **environment_file(env_file)}
    for assignment in service.get("Environment", []):
        key, value = assignment.split("=", 1)
        env[key] = value
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)  # /run/… is systemd's RuntimeDirectory
    [exec_start] = service["ExecStart"]
    command = [word.replace("/srv/health-cms", str(ROOT)) for word in shlex.split(exec_start)]
    [workdir] = service["WorkingDirectory"]
    return subprocess.Popen(  # noqa: S603
        command,
        cwd=workdir.replace("/srv/health-cms", str(ROOT)),
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def health_cms(env_file: Path, *args: str, script: str | None = None) -> str:
    """bin/health-cms, as cron and operators run it: only the environment file's name."""
    result = subprocess.run(  # noqa: S603
        [str(ROOT / "bin" / "health-cms"), *args],
        env={"PATH": "/usr/bin:/bin", "HEALTH_CMS_ENV": str(env_file)},
        input=script,
        capture_output=True,
        text=True,
        timeout=300,
        cwd="/",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    raise AssertionError(f"Timed out waiting for {what}")


def get(url: str, **headers) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError:
        return 0, b""


def image_urls(value) -> list[str]:
    """Every image file URL in an API response."""
    if isinstance(value, dict):
        return [url for item in value.values() for url in image_urls(item)]
    if isinstance(value, list):
        return [url for item in value for url in image_urls(item)]
    if isinstance(value, str) and re.search(r"\.(png|jpe?g|webp|avif)$", value):
        return [value]
    return []


SEED = """
import json
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as Picture
from wagtail.images.models import Image
from wagtail.models import Site

from tests.api.conftest import build_article
from tests.articles.factories import ArticleIndexPageFactory
from tests.approvals import publish_reviewed
from tests.core.factories import crisis_lines_in

crisis_lines_in("es", "ar")
picture = BytesIO()
Picture.new("RGB", (1600, 900), (40, 120, 160)).save(picture, "PNG")
image = Image.objects.create(title="Calm water", file=ImageFile(picture, name="calm.png"))
home = Site.objects.get(is_default_site=True).root_page.specific
index = ArticleIndexPageFactory.build()
home.add_child(instance=index)
publish_reviewed(index)
build_article(index, title="Published at once")

# Written and reviewed, then taken offline until its scheduled time.
scheduled = build_article(index, title="Scheduled for this morning")
scheduled.unpublish()
print(json.dumps({"home": home.pk, "image": image.pk, "scheduled": scheduled.pk}))
"""

SCHEDULE = """
from datetime import timedelta
from django.utils import timezone
from articles.models import ArticlePage
from demo.review import record_medical_approval

article = ArticlePage.objects.get(pk={scheduled})
revision = article.save_revision()
record_medical_approval(article, revision)
past = timezone.now() - timedelta(minutes=1)
revision.approved_go_live_at = past
revision.content["go_live_at"] = past.isoformat()
revision.save(update_fields=["approved_go_live_at", "content"])
"""

PUBLISH = """
from wagtail.images.models import Image
from home.models import HomePage
from tests.approvals import publish_reviewed

home = HomePage.objects.get(pk={home})
home.hero_image = Image.objects.get(pk={image})
home.hero_image_alt = "Calm water under a clear sky"
publish_reviewed(home)
"""


@pytest.fixture
def database():
    """A new, empty PostgreSQL database on the tests' server, dropped afterwards."""
    import psycopg

    name = f"healthcms_deploy_{uuid.uuid4().hex[:8]}"
    server = {
        "host": DEFAULT["HOST"] or "127.0.0.1",
        "port": DEFAULT["PORT"] or 5432,
        "user": DEFAULT["USER"],
        "password": DEFAULT["PASSWORD"],
        "dbname": "postgres",
    }
    with psycopg.connect(**server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    user = DEFAULT["USER"] + (f":{DEFAULT['PASSWORD']}" if DEFAULT["PASSWORD"] else "")
    # A throwaway database need not wait for its disk on each commit (faster migrations).
    yield (
        f"postgres://{user}@{server['host']}:{server['port']}/{name}"
        "?options=-c%20synchronous_commit%3Doff"
    )
    with psycopg.connect(**server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def webhook_receiver():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_the_documented_processes_publish_sign_webhooks_schedule_and_serve_images(
    tmp_path, database, webhook_receiver
):
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    env_file = tmp_path / "env"
    env_file.write_text(
        "\n".join(
            [
                "# As deploy/env.example, for a server on this machine",
                "SECRET_KEY=deploy-test-secret-key-with-enough-entropy-7f3a9c1e5b2d8a4f6c0e",
                "ALLOWED_HOSTS=127.0.0.1,localhost",
                f"DATABASE_URL={database}",
                f"WAGTAILADMIN_BASE_URL={origin}",
                f"API_PUBLIC_URL={origin}",
                f"WEBHOOK_ENDPOINTS=http://127.0.0.1:{webhook_receiver.server_port}/revalidate",
                f"WEBHOOK_SECRET={SECRET}",
                f"WEBHOOK_SECRET_FALLBACKS={OLD_SECRET}",
                f"MEDIA_ROOT={tmp_path / 'media'}",
                f"STATIC_ROOT={tmp_path / 'static'}",
                f"VAR_DIR={tmp_path / 'var'}",
                # Plain HTTP on this machine; production's load balancer terminates TLS.
                "SECURE_SSL_REDIRECT=false",
                # SMTP (production's check refuses other backends) pointed at nothing: no test
                # step sends email.
                "EMAIL_HOST=127.0.0.1",
                "EMAIL_PORT=9",
                f"GUNICORN_BIND=127.0.0.1:{port}",
                "GUNICORN_WORKERS=1",
                "HEALTHZ_TOKEN=deploy-test-health-token",
                "METRICS_TOKEN=deploy-test-metrics-token",
                "",
            ]
        )
    )
    processes: list[subprocess.Popen] = []
    try:
        health_cms(env_file, "migrate", "--noinput")
        ids = json.loads(health_cms(env_file, "shell", script=SEED).strip().splitlines()[-1])

        processes.append(start_unit("health-cms-web.service", env_file, tmp_path / "web.log"))
        processes.append(start_unit("health-cms-worker.service", env_file, tmp_path / "worker.log"))
        wait_for(
            lambda: get(f"{origin}/healthz", Host="10.0.0.7")[0] == 200, 60, "gunicorn to answer"
        )

        # An editor publishes the home page with its hero image: the worker sends the webhook.
        already = len(webhook_receiver.received)
        health_cms(env_file, "shell", script=PUBLISH.format(**ids))

        def home_webhook():
            for body, headers in webhook_receiver.received[already:]:
                if ids["home"] in [page["id"] for page in json.loads(body)["pages"]]:
                    return body, headers
            return None

        body, headers = wait_for(home_webhook, 60, "the worker to deliver the webhook")
        assert verify(SECRET, body, headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER])
        # During the switch, a receiver that knows only the old secret still verifies it.
        assert verify(OLD_SECRET, body, headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER])

        # The home page's image, as the API gives it, loads.
        status, page = get(f"{origin}/api/v1/pages/{ids['home']}")
        assert status == 200, page
        [*urls] = image_urls(json.loads(page))
        assert urls, page
        status, image = get(urljoin(origin + "/", urls[0]))
        assert status == 200
        assert image[:8] == b"\x89PNG\r\n\x1a\n"

        # A page scheduled to go live a minute ago goes live at the scheduler's next tick.
        scheduled = f"{origin}/api/v1/pages/{ids['scheduled']}"
        health_cms(env_file, "shell", script=SCHEDULE.format(**ids))
        assert get(scheduled)[0] == 404
        scheduler = unit("health-cms-scheduler.service")
        assert scheduler["ExecStart"] == [
            "/srv/health-cms/.venv/bin/python manage.py scheduler_tick"
        ]
        assert unit("health-cms-scheduler.timer")["OnCalendar"] == ["minutely"]
        tick = start_unit("health-cms-scheduler.service", env_file, tmp_path / "tick.log")
        processes.append(tick)
        assert tick.wait(timeout=120) == 0, (tmp_path / "tick.log").read_text()
        assert get(scheduled)[0] == 200

        # gunicorn's workers report to one scrape; the worker has emptied the queue.
        status, metrics = get(f"{origin}/metrics", Authorization="Bearer deploy-test-metrics-token")
        assert status == 200
        assert re.search(rb'^healthcms_http_requests_total\{.*status="200"\} [1-9]', metrics, re.M)
        assert b"healthcms_task_queue_depth" in metrics
    except BaseException:
        for log in ("web.log", "worker.log", "tick.log"):
            if (tmp_path / log).exists():
                print(f"--- {log}\n{(tmp_path / log).read_text()[-4000:]}")
        raise
    finally:
        for process in processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
