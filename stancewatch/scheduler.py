"""The long-running service: APScheduler 3 with one job per source at its interval.

Jobs run one at a time (a single worker): a cycle is mostly waiting on the network, and one
writer keeps SQLite free of lock contention. The outbox is drained by its own job, so an alert
that failed waits for its retry time, not for the next poll of some source.
"""
from __future__ import annotations

import datetime as dt
import logging
import signal
from types import FrameType

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler

from stancewatch.app import App
from stancewatch.pipeline import poll_source_if_due
from store.engine import transaction
from store.sources import get_sources_due

log = logging.getLogger(__name__)

DRAIN_EVERY = dt.timedelta(seconds=30)


def build_scheduler(app: App) -> BlockingScheduler:
    scheduler = BlockingScheduler(
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
        timezone=dt.UTC,
    )
    with transaction(app.engine) as session:
        sources = get_sources_due(session=session, now=dt.datetime.now(dt.UTC), everything=True)
        jobs = [(s.id, s.name, s.interval_seconds, s.next_poll_at) for s in sources]
    now = dt.datetime.now(dt.UTC)
    for source_id, name, interval, next_poll_at in jobs:
        # Persisted schedules: a restart does not poll everything at once, only what is due.
        first = max(next_poll_at, now) if next_poll_at else now
        scheduler.add_job(_safe(poll_source_if_due), "interval", args=[app, source_id], seconds=interval,
                          next_run_time=first, id=f"source-{source_id}", name=f"poll {name}")
    scheduler.add_job(_safe(app.deliver), "interval", seconds=DRAIN_EVERY.total_seconds(),
                      next_run_time=now, id="outbox", name="deliver alerts")
    return scheduler


def _safe(job):  # noqa: ANN001, ANN202
    """A job that logs its failure and lets the scheduler go on."""
    def run(*args: object) -> None:
        try:
            job(*args)
        except Exception:
            log.exception("job failed: job=%s", getattr(job, "__name__", job))
    run.__name__ = getattr(job, "__name__", "job")
    return run


def run_forever(app: App) -> None:
    scheduler = build_scheduler(app)

    def stop(signum: int, _frame: FrameType | None) -> None:
        log.info("stopping: signal=%d", signum)
        scheduler.shutdown(wait=False)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("scheduler started: jobs=%d", len(scheduler.get_jobs()))
    scheduler.start()
