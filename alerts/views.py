"""Building the plain `Notice` a renderer needs from the rows of one burst of changes."""
from __future__ import annotations

from sqlmodel import Session

from alerts.notices import SHIFT_KINDS, Notice, ShiftItem, SourceRef, StatementView
from store.queries import statement_row
from store.tables import Change, Document, Source, Statement


def statement_view(session: Session, statement_id: int) -> StatementView:
    statement = session.get(Statement, statement_id)
    row = statement_row(session=session, statement=statement)
    return StatementView(
        id=row.id, topic=row.topic, stance=row.stance, lead=row.lead, forum=row.forum, session=row.session,
        date=row.date, stated_count=row.stated_count, signatories=row.signatories,
        list_complete=row.list_complete, form="letter" if statement.kind == "joint_letter" else "statement",
    )


def source_ref(session: Session, change: Change) -> SourceRef:
    document = session.get(Document, change.document_id) if change.document_id else None
    if document is None:
        return SourceRef(url="", title=None, source_name=None, published=None, quote=change.quote or None)
    source = session.get(Source, document.source_id) if document.source_id else None
    when = document.published_at or document.first_seen_at
    return SourceRef(url=document.url, title=document.title, source_name=source.name if source else None,
                     published=when.date() if when else None, quote=change.quote or None)


def notice_for(session: Session, changes: list[Change]) -> Notice:
    """One notice for a burst: changes of one kind, on one statement, from one document."""
    first = changes[0]
    countries = tuple(c.country for c in changes if c.country)
    shifts = tuple(
        ShiftItem(kind=c.kind, country=c.country, previous=statement_view(session, c.previous_statement_id))
        for c in changes if c.kind in SHIFT_KINDS and c.country and c.previous_statement_id
    )
    return Notice(
        kind=first.kind, statement=statement_view(session, first.statement_id),
        country=first.country, countries=countries, previous_count=first.previous_count,
        source=source_ref(session, first), detected_at=first.detected_at,
        reported=bool(first.detail.get("reported", True)), shifts=shifts,
    )
