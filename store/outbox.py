"""The outbox: deliveries written with the changes they announce, drained by alerts/.

Nothing is lost when a channel is down (the row stays pending with its error) and nothing is
sent twice (one row per change, subscriber and channel, under a unique idempotency key).
"""
from __future__ import annotations

import datetime as dt
import logging

from sqlmodel import Session, select

from store.clock import utcnow
from store.subscribers import active_subscribers
from store.tables import Change, Delivery, Subscriber

log = logging.getLogger(__name__)

PENDING, SENT, DEAD = "pending", "sent", "dead"
# Transient failures are retried with growing pauses; after this many the row is dead and
# shows up in `stancewatch` output instead of being tried forever.
MAX_ATTEMPTS = 12
FIRST_RETRY = dt.timedelta(seconds=30)
LONGEST_RETRY = dt.timedelta(hours=1)


def channels_of(subscriber: Subscriber) -> list[str]:
    channels = []
    if subscriber.slack_channel:
        channels.append("slack")
    if subscriber.console:
        channels.append("console")
    return channels


def enqueue_deliveries(*, session: Session, changes: list[Change]) -> list[Delivery]:
    """One pending delivery per change, active subscriber and channel, in the caller's transaction."""
    subscribers = active_subscribers(session=session)
    now = utcnow()
    rows = []
    for change in changes:
        for subscriber in subscribers:
            for channel in channels_of(subscriber):
                key = f"{change.dedup_key}|{subscriber.id}|{channel}"
                if session.exec(select(Delivery.id).where(Delivery.idempotency_key == key)).first():
                    continue
                row = Delivery(change_id=change.id, subscriber_id=subscriber.id, channel=channel,
                               idempotency_key=key, next_attempt_at=now, created_at=now)
                session.add(row)
                rows.append(row)
    session.flush()
    return rows


def due_deliveries(*, session: Session, now: dt.datetime | None = None, limit: int = 500) -> list[Delivery]:
    now = now or utcnow()
    return list(session.exec(
        select(Delivery).where(Delivery.status == PENDING, Delivery.next_attempt_at <= now)
        .order_by(Delivery.id).limit(limit)
    ).all())


def mark_sent(*, session: Session, delivery: Delivery, external_id: str | None = None) -> None:
    delivery.status, delivery.sent_at, delivery.external_id = SENT, utcnow(), external_id
    delivery.attempts += 1
    delivery.last_error = None
    session.add(delivery)


def mark_failed(
    *, session: Session, delivery: Delivery, error: str, retry_after: float | None = None, permanent: bool = False,
) -> None:
    """Record the error; retry later (after Retry-After when the channel gave one), or never."""
    delivery.attempts += 1
    delivery.last_error = error
    if permanent or delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = DEAD
        log.error("delivery dead: delivery=%s channel=%s error=%s", delivery.id, delivery.channel, error)
    else:
        pause = min(FIRST_RETRY * 2 ** (delivery.attempts - 1), LONGEST_RETRY)
        if retry_after is not None:
            pause = dt.timedelta(seconds=retry_after)
        delivery.next_attempt_at = utcnow() + pause
        log.warning("delivery failed, will retry: delivery=%s channel=%s attempts=%d error=%s",
                    delivery.id, delivery.channel, delivery.attempts, error)
    session.add(delivery)
