"""scheduler_tick: every server ticks every minute, and one of them does each job."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from ops.models import SchedulerLock


def tick() -> str:
    from io import StringIO

    out = StringIO()
    call_command("scheduler_tick", stdout=out)
    return out.getvalue()


def ran(output: str, job: str) -> bool:
    return f"{job}: skipped" not in output


@pytest.mark.django_db
def test_the_first_tick_runs_every_job():
    output = tick()
    assert ran(output, "publish_scheduled")
    assert ran(output, "deliver_due_webhooks")
    assert ran(output, "prune_webhook_deliveries")
    assert "No webhook delivery is due." in output


@pytest.mark.django_db
def test_a_second_server_ticking_in_the_same_minute_leaves_the_jobs_to_the_first():
    tick()
    output = tick()
    assert not ran(output, "publish_scheduled")
    assert not ran(output, "deliver_due_webhooks")


@pytest.mark.django_db
def test_a_job_another_server_is_running_is_skipped_until_its_lease_ends():
    SchedulerLock.objects.create(
        name="publish_scheduled",
        holder="app-2:1234",
        leased_until=timezone.now() + timedelta(minutes=5),
    )
    assert not ran(tick(), "publish_scheduled")
    # The other server died mid-job: its lease runs out and the job runs again.
    SchedulerLock.objects.filter(name="publish_scheduled").update(
        leased_until=timezone.now() - timedelta(seconds=1),
        last_started_at=timezone.now() - timedelta(minutes=10),
    )
    assert ran(tick(), "publish_scheduled")


@pytest.mark.django_db
def test_the_webhook_log_is_pruned_once_a_day():
    tick()
    SchedulerLock.objects.exclude(name="prune_webhook_deliveries").update(
        last_started_at=timezone.now() - timedelta(minutes=2)
    )
    output = tick()
    assert ran(output, "publish_scheduled")
    assert not ran(output, "prune_webhook_deliveries")
    SchedulerLock.objects.filter(name="prune_webhook_deliveries").update(
        last_started_at=timezone.now() - timedelta(days=1, seconds=1)
    )
    assert ran(tick(), "prune_webhook_deliveries")


@pytest.mark.django_db
def test_a_job_that_fails_releases_its_lease_and_the_others_still_run(monkeypatch):
    from ops.management.commands import scheduler_tick

    jobs = [("broken", timedelta(0), ["no_such_command"]), *scheduler_tick.JOBS]
    monkeypatch.setattr(scheduler_tick, "JOBS", jobs)
    with pytest.raises(CommandError, match="Failed: broken"):
        tick()
    assert SchedulerLock.objects.get(name="broken").leased_until is None
    assert SchedulerLock.objects.get(name="publish_scheduled").last_finished_at is not None
