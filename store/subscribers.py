"""Subscribers, kept in step with the configuration by name."""
from __future__ import annotations

from sqlmodel import Session, select

from store.clock import utcnow
from store.specs import SubscriberSpec
from store.tables import Subscriber


def sync_subscribers(*, session: Session, specs: list[SubscriberSpec]) -> list[Subscriber]:
    """One active row per configured subscriber; those no longer configured stop receiving."""
    rows = {row.name: row for row in session.exec(select(Subscriber)).all()}
    wanted = {spec.name for spec in specs}
    for spec in specs:
        row = rows.get(spec.name) or Subscriber(name=spec.name, created_at=utcnow())
        row.slack_channel, row.email, row.console = spec.slack_channel, spec.email, spec.console
        row.timezone, row.digest_hour, row.active = spec.timezone, spec.digest_hour, True
        session.add(row)
        rows[spec.name] = row
    for name, row in rows.items():
        if name not in wanted and row.active:
            row.active = False
            session.add(row)
    session.flush()
    return [rows[spec.name] for spec in specs]


def active_subscribers(*, session: Session) -> list[Subscriber]:
    return list(session.exec(select(Subscriber).where(Subscriber.active == True).order_by(Subscriber.id)).all())  # noqa: E712
