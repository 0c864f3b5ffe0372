"""Read-side views of the history, for the CLI and the alert renderers."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, select

from store.tables import Change, Document, Signature, Statement


@dataclass(frozen=True, slots=True)
class StatementRow:
    id: int
    topic: str
    stance: str
    lead: str | None
    forum: str | None
    session: str | None
    date: dt.date | None
    stated_count: int | None
    signatories: tuple[str, ...]  # signed, in the order first seen
    withdrawn: tuple[str, ...]
    list_complete: bool

    @property
    def named_count(self) -> int:
        return len(self.signatories)


@dataclass(frozen=True, slots=True)
class ChangeRow:
    id: int
    kind: str
    country: str | None
    statement_id: int
    previous_statement_id: int | None
    previous_count: int | None
    new_count: int | None
    detected_at: dt.datetime
    document_url: str | None


def statement_row(*, session: Session, statement: Statement) -> StatementRow:
    signatures = session.exec(
        select(Signature).where(Signature.statement_id == statement.id).order_by(Signature.id)
    ).all()
    return StatementRow(
        id=statement.id, topic=statement.topic, stance=statement.stance, lead=statement.lead,
        forum=statement.forum, session=statement.session, date=statement.date,
        stated_count=statement.stated_count,
        signatories=tuple(s.country for s in signatures if s.status == "signed"),
        withdrawn=tuple(s.country for s in signatures if s.status == "withdrawn"),
        list_complete=statement.list_complete,
    )


def list_statements(*, session: Session, topic: str | None = None) -> list[StatementRow]:
    query = select(Statement)
    if topic is not None:
        query = query.where(Statement.topic == topic)
    rows = session.exec(query).all()
    # Undated statements last, then by date and id: the order people read a timeline in.
    rows = sorted(rows, key=lambda s: (s.date is None, s.date or dt.date.min, s.id))
    return [statement_row(session=session, statement=s) for s in rows]


def list_changes(*, session: Session, since: dt.datetime | None = None) -> list[ChangeRow]:
    query = select(Change, Document.url).join(Document, Change.document_id == Document.id, isouter=True)
    if since is not None:
        query = query.where(Change.detected_at >= since)
    return [
        ChangeRow(
            id=c.id, kind=c.kind, country=c.country, statement_id=c.statement_id,
            previous_statement_id=c.previous_statement_id, previous_count=c.previous_count,
            new_count=c.new_count, detected_at=c.detected_at, document_url=url,
        )
        for c, url in session.exec(query.order_by(Change.id)).all()
    ]
