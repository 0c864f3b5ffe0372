"""Draining the outbox: build each notice from the database, send it, record the outcome.

At-least-once with a narrow window: a delivery is marked sent in its own transaction right
after the channel accepted it. Deliveries of the same burst (several countries newly named on
one statement by one document) go out as one message. Later news about a statement is posted
in the Slack thread of the message that announced it.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from alerts.console import ConsoleSender
from alerts.errors import PermanentSendError, SendError, TransientSendError
from alerts.notices import Notice
from alerts.render import slack_message
from alerts.slack import SlackSender
from alerts.views import notice_for
from store.clock import utcnow
from store.engine import transaction
from store.outbox import SENT, due_deliveries, mark_failed, mark_sent
from store.tables import Change, Delivery, Subscriber

log = logging.getLogger(__name__)

# Slack's Retry-After is usually a second or two: worth waiting for in the same pass, so that a
# `run --once` delivers instead of leaving the alert for a cycle that may be 15 minutes away.
LONGEST_WAIT_S = 5.0
GROUPED_KINDS = frozenset({"joined", "withdrew"})
# Every shift a document reveals about one statement goes out as one "positions shifted" message.
SHIFT_KINDS = frozenset({"newly_signed", "dropped_out", "switched_camp"})


@dataclass(frozen=True, slots=True)
class Senders:
    slack: SlackSender | None = None
    console: ConsoleSender | None = None


@dataclass(slots=True)
class DrainReport:
    sent: int = 0
    failed: int = 0
    dead: int = 0
    errors: list[str] = field(default_factory=list)


def drain_outbox(
    engine: Engine, senders: Senders, *, ignore_schedule: bool = False,
    sleep: Callable[[float], None] = time.sleep,
) -> DrainReport:
    """Send every due delivery (every pending one with `ignore_schedule`)."""
    report = DrainReport()
    with transaction(engine) as session:
        due = due_deliveries(session=session, now=utcnow() + dt.timedelta(days=36500) if ignore_schedule else None)
        batches = _bursts(session, due)
    paused: set[str] = set()  # channels that asked us to slow down in this pass
    for batch in batches:
        if batch.channel in paused:
            continue
        outcome = _deliver(engine, senders, batch, sleep=sleep)
        if outcome is None:
            report.sent += len(batch.ids)
            continue
        report.errors.append(str(outcome))
        if isinstance(outcome, PermanentSendError):
            report.dead += len(batch.ids)
        else:
            report.failed += len(batch.ids)
            paused.add(batch.channel)
    return report


@dataclass(frozen=True, slots=True)
class Burst:
    ids: tuple[int, ...]
    channel: str


def _bursts(session: Session, due: list[Delivery]) -> list[Burst]:
    """Group deliveries that say one thing: same subscriber, channel, statement, document, kind."""
    changes = {c.id: c for c in session.exec(select(Change).where(Change.id.in_([d.change_id for d in due]))).all()}

    def key(d: Delivery) -> tuple:
        change = changes[d.change_id]
        if change.kind in SHIFT_KINDS:
            return (d.subscriber_id, d.channel, change.statement_id, change.document_id, "shifts")
        if change.kind not in GROUPED_KINDS:
            return (d.id,)
        return (d.subscriber_id, d.channel, change.statement_id, change.document_id, change.kind)

    ordered = sorted(due, key=lambda d: d.id)
    groups: dict[tuple, list[int]] = {}
    channels: dict[tuple, str] = {}
    for d in ordered:
        groups.setdefault(key(d), []).append(d.id)
        channels[key(d)] = d.channel
    return [Burst(tuple(ids), channels[k]) for k, ids in groups.items()]


def _deliver(engine: Engine, senders: Senders, burst: Burst, *, sleep: Callable[[float], None]) -> SendError | None:
    with transaction(engine) as session:
        rows = [session.get(Delivery, i) for i in burst.ids]
        rows = [r for r in rows if r.status == "pending"]  # another worker may have sent them
        if not rows:
            return None
        subscriber = session.get(Subscriber, rows[0].subscriber_id)
        notice = notice_for(session, [session.get(Change, r.change_id) for r in rows])
        thread_ts = _thread_of(session, rows[0]) if burst.channel == "slack" else None
        target = subscriber.slack_channel
    try:
        external_id = _send_with_one_wait(senders, burst.channel, target, notice, thread_ts, sleep=sleep)
    except SendError as exc:
        with transaction(engine) as session:
            for row in rows:
                mark_failed(session=session, delivery=session.get(Delivery, row.id), error=str(exc),
                            retry_after=getattr(exc, "retry_after", None),
                            permanent=isinstance(exc, PermanentSendError))
        return exc
    with transaction(engine) as session:
        for row in rows:
            mark_sent(session=session, delivery=session.get(Delivery, row.id), external_id=external_id)
    log.info("delivered: deliveries=%s channel=%s kind=%s", burst.ids, burst.channel, notice.kind)
    return None


def _send_with_one_wait(
    senders: Senders, channel: str, target: str | None, notice: Notice, thread_ts: str | None,
    *, sleep: Callable[[float], None],
) -> str | None:
    try:
        return _send(senders, channel, target, notice, thread_ts)
    except TransientSendError as exc:
        if exc.retry_after is None or exc.retry_after > LONGEST_WAIT_S:
            raise
        log.info("channel asked to wait: channel=%s seconds=%.1f", channel, exc.retry_after)
        sleep(exc.retry_after)
        return _send(senders, channel, target, notice, thread_ts)


def _send(senders: Senders, channel: str, target: str | None, notice: Notice, thread_ts: str | None) -> str | None:
    if channel == "slack":
        if senders.slack is None:
            raise TransientSendError("Slack is not configured: set [slack] token or STANCEWATCH_SLACK_TOKEN")
        return senders.slack.send(target, slack_message(notice), thread_ts=thread_ts).ts
    if channel == "console":
        if senders.console is None:
            raise PermanentSendError("console alerts are switched off")
        senders.console.send(notice)
        return None
    raise PermanentSendError(f"unknown channel {channel!r}")


def _thread_of(session: Session, delivery: Delivery) -> str | None:
    """The Slack ts of the message that announced this change's statement to this subscriber."""
    change = session.get(Change, delivery.change_id)
    if change.kind == "new_statement":
        return None
    return session.exec(
        select(Delivery.external_id).join(Change, Delivery.change_id == Change.id).where(
            Change.statement_id == change.statement_id, Change.kind == "new_statement",
            Delivery.subscriber_id == delivery.subscriber_id, Delivery.channel == "slack",
            Delivery.status == SENT,
        )
    ).first()
