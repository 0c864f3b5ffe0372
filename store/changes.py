"""Change detection: what recording a document changed, as persisted `Change` rows.

Each change has a dedup key, so detecting the same change again (the same document re-read, a
second source repeating the news) writes nothing.
"""
from __future__ import annotations

import logging

from sqlmodel import Session, select

from store.clock import utcnow
from store.shifts import CampStatement, Shift, shifts_of, successors
from store.statements import StatementUpdate, statements_with_countries
from store.tables import Change

log = logging.getLogger(__name__)

NEW_STATEMENT = "new_statement"
JOINED = "joined"
WITHDREW = "withdrew"
COUNT_CHANGED = "count_changed"


def detect_changes(*, session: Session, updates: list[StatementUpdate]) -> list[Change]:
    """New `Change` rows for what the updates did, the shifts against the previous statements
    included; changes already recorded are skipped."""
    changes: list[Change] = []
    for update in updates:
        for change in _changes_of(update) + _shift_changes(session=session, update=update):
            if _record(session=session, change=change):
                changes.append(change)
    session.flush()
    return changes


def camp_statements(*, session: Session, topic: str) -> list[CampStatement]:
    """Every statement on `topic` with its net signatories (withdrawn ones left out)."""
    statements, signed = statements_with_countries(session=session, topic=topic, only_signed=True)
    return [
        CampStatement(id=s.id, topic=s.topic, stance=s.stance, forum=s.forum, date=s.date, year=s.year,
                      signed=frozenset(signed[s.id]), list_complete=s.list_complete, origin=s.origin)
        for s in statements
    ]


def _shift_changes(*, session: Session, update: StatementUpdate) -> list[Change]:
    """Shifts for a statement this document created or changed, and for the statements that
    follow it in its forum (an older statement arriving late changes their comparison)."""
    touched = update.created or update.added or update.became_complete or update.withdrawn
    if not touched:
        return []
    session.flush()
    statements = camp_statements(session=session, topic=update.statement.topic)
    by_id = {s.id: s for s in statements}
    new = by_id[update.statement.id]
    targets = [new, *successors(statements, new)]
    found: list[Change] = []
    for target in targets:
        if target.origin == "baseline":
            continue  # the shipped history never alerts
        found += [_shift_change(shift, update, by_id) for shift in shifts_of(statements, target)]
    return found


def _shift_change(shift: Shift, update: StatementUpdate, by_id: dict[int, CampStatement]) -> Change:
    previous = by_id[shift.previous_statement_id]
    return Change(
        kind=shift.kind, statement_id=shift.statement_id, country=shift.country,
        previous_statement_id=shift.previous_statement_id, document_id=update.document_id,
        quote=update.evidence, detected_at=utcnow(),
        detail={"previous_year": previous.year, "previous_stance": previous.stance},
        dedup_key=f"{shift.kind}:{shift.statement_id}:{shift.country}:{shift.previous_statement_id}",
    )


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
        if update.count_changed:
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
