"""The scheduler's lease: one row per job, taken for a while by the server whose tick runs it."""

from datetime import timedelta

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone


class SchedulerLock(models.Model):
    """Who runs a scheduled job now, and when it last ran.

    Every server's timer ticks; a tick runs a job only if it takes the job's lease, which is one
    conditional UPDATE (atomic on PostgreSQL and SQLite alike): of two servers ticking at once,
    exactly one gets it. A lease expires, so a server that dies mid-job does not stop the others.
    """

    name = models.CharField(max_length=100, unique=True)
    holder = models.CharField(max_length=255, blank=True, default="")
    leased_until = models.DateTimeField(null=True, blank=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "scheduler lock"

    def __str__(self):
        return self.name

    @classmethod
    def acquire(
        cls, name: str, holder: str, lease: timedelta, every: timedelta | None = None
    ) -> bool:
        """Take the lease on `name` for `holder`, if free (and, with `every`, if the job is due)."""
        now = timezone.now()
        with transaction.atomic():
            cls.objects.get_or_create(name=name)
        free = Q(leased_until__isnull=True) | Q(leased_until__lte=now)
        due = Q()
        if every is not None:
            due = Q(last_started_at__isnull=True) | Q(last_started_at__lte=now - every)
        taken = cls.objects.filter(free & due, name=name).update(
            holder=holder, leased_until=now + lease, last_started_at=now
        )
        return taken == 1

    @classmethod
    def release(cls, name: str, holder: str) -> None:
        cls.objects.filter(name=name, holder=holder).update(
            leased_until=None, last_finished_at=timezone.now()
        )
