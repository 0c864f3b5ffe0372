"""Sources: kept in step with the configuration; their polling state and failures."""
from __future__ import annotations

import datetime as dt
import logging

from sqlmodel import Session, select

from store.clock import utcnow
from store.specs import SourceSpec
from store.tables import Source

log = logging.getLogger(__name__)

# A failing source is polled less and less often, up to this, so that a dead feed costs little
# and a recovered one is picked up within the hour.
MAX_BACKOFF = dt.timedelta(hours=1)


def sync_sources(*, session: Session, specs: list[SourceSpec]) -> list[Source]:
    """Create or update one row per configured source (by name); disable the rest."""
    rows = {row.name: row for row in session.exec(select(Source)).all()}
    wanted = {spec.name for spec in specs}
    for spec in specs:
        row = rows.get(spec.name) or Source(name=spec.name, url=spec.url)
        if row.url != spec.url:
            # Another feed behind the same name: its validators mean nothing there.
            row.etag = row.last_modified = None
        row.url, row.kind = spec.url, spec.kind
        row.interval_seconds, row.enabled = spec.interval_seconds, spec.enabled
        session.add(row)
        rows[spec.name] = row
    for name, row in rows.items():
        if name not in wanted and row.enabled:
            row.enabled = False
            session.add(row)
    session.flush()
    return [rows[spec.name] for spec in specs]


def get_sources_due(*, session: Session, now: dt.datetime, everything: bool = False) -> list[Source]:
    """Enabled sources whose next poll time has come (all enabled ones with `everything`)."""
    rows = session.exec(select(Source).where(Source.enabled == True).order_by(Source.id)).all()  # noqa: E712
    if everything:
        return list(rows)
    return [row for row in rows if row.next_poll_at is None or row.next_poll_at <= now]


def record_poll_success(
    *, session: Session, source: Source, etag: str | None, last_modified: str | None,
    now: dt.datetime | None = None,
) -> None:
    now = now or utcnow()
    source.etag, source.last_modified = etag, last_modified
    source.last_polled_at = source.last_success_at = now
    source.failure_count = 0
    source.last_error = None
    source.next_poll_at = now + dt.timedelta(seconds=source.interval_seconds)
    session.add(source)


def record_poll_failure(
    *, session: Session, source: Source, error: str, retry_after: float | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Keep the error on the source and back off: interval × 2^(failures-1), at most an hour
    (or longer when the server asked for it with Retry-After)."""
    now = now or utcnow()
    source.failure_count += 1
    source.last_error = error
    source.last_polled_at = now
    interval = dt.timedelta(seconds=source.interval_seconds)
    backoff = min(interval * 2 ** (source.failure_count - 1), max(MAX_BACKOFF, interval))
    if retry_after is not None:
        backoff = max(backoff, dt.timedelta(seconds=retry_after))
    source.next_poll_at = now + backoff
    session.add(source)
    log.warning("source failed: source=%s failures=%d error=%s", source.name, source.failure_count, error)
