"""Change detection: what recording a document changed, as persisted `Change` rows.

Each change has a dedup key, so detecting the same change again (the same document re-read, a
second source repeating the news) writes nothing.
"""
from __future__ import annotations

import logging

from sqlmodel import Session, select

from store.clock import utcnow
from store.statements import StatementUpdate
from store.tables import Change

log = logging.getLogger(__name__)

NEW_STATEMENT = "new_statement"
JOINED = "joined"
WITHDREW = "withdrew"
COUNT_CHANGED = "count_changed"


def detect_changes(*, session: Session, updates: list[StatementUpdate]) -> list[Change]:
    """New `Change` rows for what the updates did; changes already recorded are skipped."""
    changes: list[Change] = []
    for update in updates:
        for change in _changes_of(update):
            if _record(session=session, change=change):
                changes.append(change)
    session.flush()
    return changes


def _changes_of(update: StatementUpdate) -> list[Change]:
    statement = update.statement
    now = utcnow()

    def change(kind: str, key: str, **values: object) -> Change:
        return Change(kind=kind, statement_id=statement.id, document_id=update.document_id,
                      dedup_key=f"{kind}:{statement.id}:{key}", detected_at=now, **values)

    if update.created:
        found = [change(NEW_STATEMENT, "", new_count=statement.stated_count, quote=update.evidence)]
    else:
        found = [
            change(JOINED, country, country=country, quote=quote,
                   detail={"reported": country in update.reported_joins})
            for country, quote in update.added.items()
        ]
        if update.count_raised:
            found.append(change(COUNT_CHANGED, str(statement.stated_count), previous_count=update.previous_count,
                                new_count=statement.stated_count, quote=update.evidence))
    # A withdrawal is news even on a statement first seen in the same document.
    found += [change(WITHDREW, country, country=country, quote=quote) for country, quote in update.withdrawn.items()]
    return found


def _record(*, session: Session, change: Change) -> bool:
    if session.exec(select(Change.id).where(Change.dedup_key == change.dedup_key)).first() is not None:
        return False
    session.add(change)
    log.info("change detected: kind=%s statement=%s country=%s", change.kind, change.statement_id, change.country)
    return True
