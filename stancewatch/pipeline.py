"""One cycle: poll sources, save new documents, extract, record, detect changes, deliver.

Every document is one transaction (document, observations, changes and their outbox rows
together), and network I/O happens outside transactions. A source's conditional-GET state is
saved only after all its new entries were processed, so a crash mid-cycle loses nothing: the
next cycle fetches the feed again and skips what was already done.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field

import parsers
from collectors import CollectorError, SourceUnavailable, fetch_page, poll_feed
from collectors.types import ConditionalState, FeedEntry
from parsers.errors import ParserError
from parsers.markup import looks_like_html
from sqlmodel import Session
from stancewatch.app import App
from store.changes import detect_changes
from store.clock import utcnow
from store.documents import save_document
from store.engine import transaction
from store.feed_items import get_or_add_feed_item, mark_item_done, mark_item_failed, needs_processing
from store.outbox import enqueue_deliveries
from store.sources import get_sources_due, record_poll_failure, record_poll_success
from store.statements import record_observations
from store.tables import Change, FeedItem, Source

log = logging.getLogger(__name__)


@dataclass(slots=True)
class CycleReport:
    sources_polled: int = 0
    sources_failed: int = 0
    documents: int = 0
    changes: int = 0
    errors: list[str] = field(default_factory=list)


def run_cycle(app: App, *, everything: bool = False) -> CycleReport:
    """Poll the due sources (every enabled one with `everything`), then drain the outbox."""
    report = CycleReport()
    with transaction(app.engine) as session:
        source_ids = [s.id for s in get_sources_due(session=session, now=utcnow(), everything=everything)]
    for source_id in source_ids:
        poll_source(app, source_id, report)
    app.deliver(ignore_schedule=everything)
    return report


def poll_source_if_due(app: App, source_id: int) -> None:
    """The scheduler's job: runs every interval, but a failing source waits out its back-off."""
    with transaction(app.engine) as session:
        source = session.get(Source, source_id)
        waiting = source.next_poll_at is not None and source.next_poll_at > utcnow() and source.failure_count > 0
    if not waiting:
        poll_source(app, source_id)
        app.deliver()


def poll_source(app: App, source_id: int, report: CycleReport | None = None) -> None:
    """Poll one source and process its new entries; a failure is recorded on the source."""
    report = report if report is not None else CycleReport()
    with transaction(app.engine) as session:
        source = session.get(Source, source_id)
        name, url = source.name, source.url
        state = ConditionalState(etag=source.etag, last_modified=source.last_modified)
    report.sources_polled += 1
    try:
        poll = poll_feed(app.http, url, settings=app.http_settings, state=state)
    except CollectorError as exc:
        retry_after = exc.retry_after if isinstance(exc, SourceUnavailable) else None
        with transaction(app.engine) as session:
            record_poll_failure(session=session, source=session.get(Source, source_id), error=str(exc),
                                retry_after=retry_after)
        report.sources_failed += 1
        report.errors.append(f"{name}: {exc}")
        return
    for entry in poll.entries:
        process_entry(app, source_id, entry, report)
    with transaction(app.engine) as session:
        record_poll_success(session=session, source=session.get(Source, source_id),
                            etag=poll.state.etag, last_modified=poll.state.last_modified)
    log.info("source polled: source=%s not_modified=%s entries=%d", name, poll.not_modified, len(poll.entries))


def entry_key(entry: FeedEntry) -> str:
    if entry.guid or entry.url:
        return entry.guid or entry.url or ""
    return "sha256:" + hashlib.sha256(f"{entry.title}\n{entry.summary}".encode()).hexdigest()


def process_entry(app: App, source_id: int, entry: FeedEntry, report: CycleReport) -> None:
    """Fetch a relevant entry's page once and process it; a failed fetch is retried next cycle."""
    with transaction(app.engine) as session:
        item = get_or_add_feed_item(session=session, source_id=source_id, item_key=entry_key(entry),
                                    url=entry.url, title=entry.title, published_at=entry.published)
        if not needs_processing(item):
            return
        if not parsers.is_relevant(entry.title, entry.summary):
            mark_item_done(session=session, item=item, relevant=False)
            return
        item_id = item.id
    published = entry.published.date() if entry.published else None
    if entry.url is None:
        # An item with no page: its summary is the document.
        url, markup, title = f"urn:stancewatch:item:{source_id}:{entry_key(entry)}", entry.summary, entry.title
    else:
        try:
            page = fetch_page(app.http, entry.url, settings=app.http_settings)
        except CollectorError as exc:
            with transaction(app.engine) as session:
                mark_item_failed(session=session, item=session.get(FeedItem, item_id), error=str(exc))
            report.errors.append(f"{entry.url}: {exc}")
            return
        url, markup, title = page.url, page.html, page.title or entry.title
    with transaction(app.engine) as session:
        try:
            changes = process_document(session, app=app, url=url, markup=markup, title=title,
                                       source_id=source_id, published=entry.published, reference_date=published)
        except ParserError as exc:
            # Deterministic: the same bytes would fail again, so the item is done, with its error.
            log.warning("document unreadable: url=%s error=%s", url, exc)
            report.errors.append(f"{url}: {exc}")
            changes = []
        item = session.get(FeedItem, item_id)
        mark_item_done(session=session, item=item, relevant=True)
        report.documents += 1
        report.changes += len(changes)


def process_document(
    session: Session, *, app: App, url: str, markup: str, title: str | None, source_id: int | None,
    published: dt.datetime | None, reference_date: dt.date | None,
) -> list[Change]:
    """Save the document; if its text is new, extract, record, detect changes and queue alerts."""
    text = parsers.main_text(markup) if looks_like_html(markup) else markup
    saved = save_document(session=session, url=url, text=text, title=title, source_id=source_id,
                          published_at=published)
    if not saved.is_new_version:
        return []
    extraction = parsers.extract(markup, reference_date=reference_date)
    updates = record_observations(session=session, saved=saved, extraction=extraction, topics=app.topics)
    changes = detect_changes(session=session, updates=updates)
    enqueue_deliveries(session=session, changes=changes)
    log.info("document processed: url=%s version=%d statements=%d changes=%d",
             url, saved.version.version, len(extraction.statements), len(changes))
    return changes
