"""Recording what a document says about statements: observations, reconciliation, signatures.

The caller owns the transaction (one per document); nothing here commits.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlmodel import Session, select

from parsers.types import Action, ExtractedChange, ExtractedStatement, Extraction, StatementRef
from store.authority import authority_of
from store.clock import utcnow
from store.documents import SavedDocument
from store.reconcile import StatementFacts, best_match, can_found_statement, conflicts, year_of
from store.tables import Observation, Signature, Statement

log = logging.getLogger(__name__)


@dataclass(slots=True)
class StatementUpdate:
    """What recording one document did to one statement; change detection reads it."""

    statement: Statement
    document_id: int
    created: bool
    evidence: str = ""
    previous_count: int | None = None
    count_changed: bool = False  # the most believable stated count is another number now
    became_complete: bool = False  # this document gave the full list for the first time
    added: dict[str, str] = field(default_factory=dict)  # country -> quote, newly on the statement
    reported_joins: set[str] = field(default_factory=set)  # the document says they joined late
    withdrawn: dict[str, str] = field(default_factory=dict)  # country -> quote


def facts_of_extracted(ext: ExtractedStatement) -> StatementFacts:
    return StatementFacts(
        lead=ext.lead, forum=None if ext.forum is None else str(ext.forum),
        year=year_of(ext.date, ext.session), date=ext.date, stated_count=ext.stated_count,
        signatories=frozenset(ext.signatories),
    )


def facts_of_ref(ref: StatementRef) -> StatementFacts:
    return StatementFacts(
        lead=ref.lead, forum=None if ref.forum is None else str(ref.forum),
        year=year_of(ref.date, ref.session), date=ref.date, stated_count=None, signatories=frozenset(),
    )


def signed_countries(*, session: Session, statement_id: int) -> dict[str, Signature]:
    rows = session.exec(select(Signature).where(Signature.statement_id == statement_id)).all()
    return {row.country: row for row in rows}


def statements_with_countries(
    *, session: Session, topic: str, stance: str | None = None, only_signed: bool = False,
) -> tuple[list[Statement], dict[int, set[str]]]:
    """The statements on `topic` (of one camp if `stance`) and each one's countries: two
    queries, however many statements there are."""
    where = [Statement.topic == topic] + ([Statement.stance == stance] if stance is not None else [])
    statements = session.exec(select(Statement).where(*where)).all()
    names: dict[int, set[str]] = {s.id: set() for s in statements}
    query = select(Signature.statement_id, Signature.country).join(Statement, Signature.statement_id == Statement.id)
    if only_signed:
        query = query.where(Signature.status == "signed")
    for statement_id, country in session.exec(query.where(*where)).all():
        names[statement_id].add(country)
    return list(statements), names


def known_facts(*, session: Session, topic: str, stance: str) -> list[StatementFacts]:
    """What identifies each stored statement of one camp, withdrawn names included."""
    statements, names = statements_with_countries(session=session, topic=topic, stance=stance)
    return [
        StatementFacts(
            id=s.id, lead=s.lead, forum=s.forum, year=s.year, date=s.date, stated_count=s.stated_count,
            signatories=frozenset(names[s.id]),
        )
        for s in statements
    ]


def record_observations(
    *, session: Session, saved: SavedDocument, extraction: Extraction, topics: frozenset[str]
) -> list[StatementUpdate]:
    """Reconcile each extracted statement on a tracked topic with the stored ones, keep the
    observation, add signatures, and apply the changes the document reports."""
    updates: dict[int, StatementUpdate] = {}
    for ext in extraction.statements:
        if ext.topic not in topics:
            continue
        update = _observe(session=session, saved=saved, ext=ext, updates=updates)
        if update is not None:
            updates[update.statement.id] = update
    for change in extraction.changes:
        _apply_reported_change(session=session, saved=saved, change=change, updates=updates, topics=topics)
    return list(updates.values())


def _observe(
    *, session: Session, saved: SavedDocument, ext: ExtractedStatement, updates: dict[int, StatementUpdate]
) -> StatementUpdate | None:
    facts = facts_of_extracted(ext)
    statement_id = best_match(known_facts(session=session, topic=ext.topic, stance=str(ext.stance)), facts)
    if statement_id is None:
        if not can_found_statement(facts):
            log.info("mention not placed in time, kept apart: document=%s lead=%s count=%s",
                     saved.document.url, ext.lead, ext.stated_count)
            return None
        statement = _new_statement(session=session, ext=ext, facts=facts)
        update = StatementUpdate(statement=statement, document_id=saved.document.id, created=True,
                                 evidence=ext.evidence, previous_count=None)
    else:
        statement = session.get(Statement, statement_id)
        update = updates.get(statement_id) or StatementUpdate(
            statement=statement, document_id=saved.document.id, created=False, evidence=ext.evidence,
            previous_count=statement.stated_count,
        )
        _fill_in(statement=statement, ext=ext, facts=facts, update=update)
    _add_observation(session=session, saved=saved, statement=statement, ext=ext)
    _settle_facts(session=session, statement=statement, update=update)
    _add_signatures(session=session, saved=saved, update=update, ext=ext)
    session.add(statement)
    session.flush()
    return update


def _new_statement(*, session: Session, ext: ExtractedStatement, facts: StatementFacts) -> Statement:
    now = utcnow()
    statement = Statement(
        topic=ext.topic, stance=str(ext.stance), forum=facts.forum, session=ext.session,
        date=ext.date, year=facts.year, lead=ext.lead, stated_count=ext.stated_count,
        list_complete=ext.list_complete, created_at=now, updated_at=now,
    )
    session.add(statement)
    session.flush()
    return statement


def _fill_in(*, statement: Statement, ext: ExtractedStatement, facts: StatementFacts, update: StatementUpdate) -> None:
    """Take what the stored statement lacks; the stated count is settled after the observation
    is stored (see _settle_facts)."""
    statement.lead = statement.lead or ext.lead
    statement.forum = statement.forum or facts.forum
    statement.session = statement.session or ext.session
    statement.date = statement.date or ext.date
    statement.year = statement.year or facts.year
    if ext.list_complete and not statement.list_complete:
        update.became_complete = True
    statement.list_complete = statement.list_complete or ext.list_complete
    statement.updated_at = utcnow()


def _settle_facts(*, session: Session, statement: Statement, update: StatementUpdate) -> None:
    """Settle the disputed facts on the most believable source: the official list over a UN
    press release over news; among equals a complete list. For the stated count, then the
    larger figure (lists grow, from 37 to 50; a smaller figure from a source of the same rank is
    usually an older report); for lead, forum, session and date, then the latest report.
    Every source's own values stay on its observation, so disagreements remain visible."""
    session.flush()
    observations = session.exec(select(Observation).where(Observation.statement_id == statement.id)).all()
    for name in ("lead", "forum", "session", "date"):
        known = [o for o in observations if getattr(o, name) is not None]
        if known:
            best = max(known, key=lambda o: (o.authority, o.list_complete, o.observed_at, o.id or 0))
            setattr(statement, name, getattr(best, name))
    statement.year = year_of(statement.date, statement.session) or statement.year
    counted = [o for o in observations if o.stated_count is not None]
    if not counted:
        return
    best = max(counted, key=lambda o: (o.authority, o.list_complete, o.stated_count))
    if best.stated_count != statement.stated_count:
        if not update.created:
            update.count_changed = True
        statement.stated_count = best.stated_count


def _add_observation(*, session: Session, saved: SavedDocument, statement: Statement, ext: ExtractedStatement) -> None:
    existing = session.exec(
        select(Observation).where(
            Observation.statement_id == statement.id, Observation.document_version_id == saved.version.id
        )
    ).first()
    if existing is not None:
        # A second mention of the same statement in one document: keep the union of what it says.
        existing.signatories = list(dict.fromkeys([*existing.signatories, *ext.signatories]))
        existing.stated_count = existing.stated_count or ext.stated_count
        existing.list_complete = existing.list_complete or ext.list_complete
        session.add(existing)
        return
    session.add(Observation(
        statement_id=statement.id, document_id=saved.document.id, document_version_id=saved.version.id,
        lead=ext.lead, forum=None if ext.forum is None else str(ext.forum), session=ext.session,
        date=ext.date, stated_count=ext.stated_count, signatories=list(ext.signatories),
        list_complete=ext.list_complete, evidence=ext.evidence, authority=authority_of(saved.document.url),
        observed_at=utcnow(),
    ))


def _add_signatures(*, session: Session, saved: SavedDocument, update: StatementUpdate, ext: ExtractedStatement) -> None:
    """New names go on the statement. A withdrawn country stays withdrawn: an older list that
    still carries its name is no news of it rejoining."""
    known = signed_countries(session=session, statement_id=update.statement.id)
    now = utcnow()
    for country in ext.signatories:
        if country in known:
            continue
        quote = ext.signatory_evidence.get(country) or ext.evidence
        session.add(Signature(
            statement_id=update.statement.id, country=country, status="signed",
            document_id=saved.document.id, quote=quote, first_seen_at=now, updated_at=now,
        ))
        known[country] = Signature(statement_id=update.statement.id, country=country, first_seen_at=now, updated_at=now)
        update.added[country] = quote
    session.flush()


def _statement_for_ref(
    *, session: Session, ref: StatementRef, updates: dict[int, StatementUpdate], topics: frozenset[str]
) -> Statement | None:
    """The statement a reported change belongs to: one this document described, else a stored one."""
    topic = ref.topic or "xinjiang"
    if topic not in topics:
        return None
    facts = facts_of_ref(ref)
    same_camp = [u.statement for u in updates.values()
                 if u.statement.topic == topic and (ref.stance is None or u.statement.stance == str(ref.stance))]
    in_document = [
        StatementFacts(id=s.id, lead=s.lead, forum=s.forum, year=s.year, date=s.date,
                       stated_count=s.stated_count, signatories=frozenset())
        for s in same_camp
    ]
    if len(in_document) == 1 and not conflicts(in_document[0], facts):
        return same_camp[0]
    if ref.stance is None:
        return None
    statement_id = best_match(known_facts(session=session, topic=topic, stance=str(ref.stance)), facts)
    return None if statement_id is None else session.get(Statement, statement_id)


def _apply_reported_change(
    *, session: Session, saved: SavedDocument, change: ExtractedChange,
    updates: dict[int, StatementUpdate], topics: frozenset[str],
) -> None:
    statement = _statement_for_ref(session=session, ref=change.statement, updates=updates, topics=topics)
    if statement is None:
        log.info("reported change matches no statement: document=%s country=%s action=%s",
                 saved.document.url, change.country, change.action)
        return
    update = updates.get(statement.id) or StatementUpdate(
        statement=statement, document_id=saved.document.id, created=False, evidence=change.evidence,
        previous_count=statement.stated_count,
    )
    updates[statement.id] = update
    signatures = signed_countries(session=session, statement_id=statement.id)
    row = signatures.get(change.country)
    now = utcnow()
    if row is None:
        row = Signature(statement_id=statement.id, country=change.country, document_id=saved.document.id,
                        quote=change.evidence, first_seen_at=now, updated_at=now)
    if change.action == Action.JOINED:
        if row.status != "signed" or row.id is None:
            update.added[change.country] = change.evidence
        row.status = "signed"
        update.reported_joins.add(change.country)
    else:
        if row.status != "withdrawn":
            update.withdrawn[change.country] = change.evidence
        row.status = "withdrawn"
        update.added.pop(change.country, None)
    row.updated_at = now
    session.add(row)
    session.flush()
