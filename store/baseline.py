"""Importing the baseline: the statements since 2019 that ship with stancewatch, as history.

The record types live here, not in stancewatch/, because the store consumes them and imports
go one way; stancewatch/baseline.py reads the packaged file into them.

Loading the baseline is history, not news: it writes no Change and no Delivery row, so a first
start never sends subscribers 26 "new statement" alerts about 2019. The caller owns the
transaction; nothing here commits.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, select

from parsers.countries import country_name
from store.authority import BASELINE, rank
from store.clock import utcnow
from store.documents import save_document
from store.reconcile import StatementFacts, best_match
from store.statements import signed_countries
from store.tables import Document, DocumentVersion, Observation, Signature, Statement

log = logging.getLogger(__name__)

URL_PREFIX = "urn:stancewatch:baseline:"
_FORUM_LONG = {"unga_c3": "UNGA Third Committee", "hrc": "Human Rights Council", "unga": "UN General Assembly",
               "unsc": "UN Security Council", "other": "outside the UN"}


@dataclass(frozen=True, slots=True)
class BaselineWithdrawal:
    country: str
    date: dt.date
    source: str


@dataclass(frozen=True, slots=True)
class BaselineRecord:
    """One shipped statement; `key` (e.g. "2019-unga74-c3-gbr") becomes Statement.baseline_key."""

    key: str
    topic: str
    stance: str  # "critical" | "supportive"
    kind: str  # "joint_statement" | "joint_letter"
    forum: str
    session: str  # "UNGA74", "HRC41"
    date: dt.date
    lead: str | None
    stated_count: int | None
    signatories: tuple[str, ...]  # withdrawn states included, as in the reference
    list_complete: bool
    withdrawals: tuple[BaselineWithdrawal, ...]
    sources: tuple[str, ...]
    notes: str
    uncertain: tuple[str, ...]

    @property
    def url(self) -> str:
        return URL_PREFIX + self.key

    @property
    def withdrawn(self) -> frozenset[str]:
        return frozenset(w.country for w in self.withdrawals)


@dataclass(frozen=True, slots=True)
class BaselineImport:
    created: int  # new to the database (a new statement, or an extracted one it was attached to)
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def import_baseline(*, session: Session, records: Iterable[BaselineRecord]) -> BaselineImport:
    """Create or update one statement per record, keyed by baseline_key; idempotent."""
    created = updated = unchanged = 0
    for record in records:
        statement = _by_key(session=session, key=record.key)
        is_new = statement is None
        if statement is None:
            statement = _attachable(session=session, record=record) or _new_statement(session=session, record=record)
        before = _snapshot(session=session, statement=statement)
        _apply_record(session=session, statement=statement, record=record)
        if is_new:
            created += 1
        elif _snapshot(session=session, statement=statement) != before:
            updated += 1
            log.info("baseline record changed, statement updated: key=%s statement=%s", record.key, statement.id)
        else:
            unchanged += 1
    return BaselineImport(created=created, updated=updated, unchanged=unchanged)


def _by_key(*, session: Session, key: str) -> Statement | None:
    return session.exec(select(Statement).where(Statement.baseline_key == key)).first()


def facts_of_record(record: BaselineRecord) -> StatementFacts:
    return StatementFacts(lead=record.lead, forum=record.forum, year=record.date.year, date=record.date,
                          stated_count=record.stated_count, signatories=frozenset(record.signatories))


def _attachable(*, session: Session, record: BaselineRecord) -> Statement | None:
    """An extracted statement that is this record: the pipeline may have read it before the
    baseline was loaded. Two rows for one statement would split its history and evidence."""
    candidates = session.exec(select(Statement).where(
        Statement.topic == record.topic, Statement.stance == record.stance, Statement.baseline_key.is_(None),
    )).all()
    known = [
        StatementFacts(id=s.id, lead=s.lead, forum=s.forum, year=s.year, date=s.date, stated_count=s.stated_count,
                       signatories=frozenset(signed_countries(session=session, statement_id=s.id)))
        for s in candidates
    ]
    statement_id = best_match(known, facts_of_record(record))
    if statement_id is None:
        return None
    log.info("baseline record attached to an extracted statement: key=%s statement=%s", record.key, statement_id)
    statement = session.get(Statement, statement_id)
    statement.baseline_key = record.key
    return statement


def _new_statement(*, session: Session, record: BaselineRecord) -> Statement:
    now = utcnow()
    statement = Statement(topic=record.topic, stance=record.stance, origin="baseline", baseline_key=record.key,
                          created_at=now, updated_at=now)
    session.add(statement)
    session.flush()
    return statement


def _apply_record(*, session: Session, statement: Statement, record: BaselineRecord) -> None:
    _apply_fields(statement=statement, record=record)
    document = _evidence_document(session=session, record=record)
    _apply_observation(session=session, statement=statement, record=record, document=document)
    _settle_count_and_list(session=session, statement=statement)
    _apply_signatures(session=session, statement=statement, record=record, document=document)
    session.add(statement)
    session.flush()


def _apply_fields(*, statement: Statement, record: BaselineRecord) -> None:
    """A baseline row takes the record's identity as it ships (a corrected record corrects the
    row). An extracted statement it was attached to keeps what its documents said and only fills
    gaps: those documents are evidence too, and where they disagree `stancewatch statement` shows it."""
    own = statement.origin == "baseline"
    values = {
        "kind": record.kind, "forum": record.forum, "session": record.session, "date": record.date,
        "year": record.date.year, "lead": record.lead, "notes": notes_of(record),
    }
    for name, value in values.items():
        if own or getattr(statement, name) is None or name in ("kind", "notes"):
            _assign(statement, name, value)


def _settle_count_and_list(*, session: Session, statement: Statement) -> None:
    """Count and completeness by the pipeline's rule (store/statements.py _settle_facts): the most
    believed source's count, complete if any source's list is. Taking the record's values here
    instead would undo an official source's figure on every start, and call it an update."""
    session.flush()
    observations = session.exec(select(Observation).where(Observation.statement_id == statement.id)).all()
    counted = [o for o in observations if o.stated_count is not None]
    if counted:
        best = max(counted, key=lambda o: (*rank(o.authority, o.list_complete), o.stated_count))
        _assign(statement, "stated_count", best.stated_count)
    elif statement.origin == "baseline":
        _assign(statement, "stated_count", None)
    _assign(statement, "list_complete", any(o.list_complete for o in observations))


def _assign(statement: Statement, name: str, value: object) -> None:
    if getattr(statement, name) != value:
        setattr(statement, name, value)
        statement.updated_at = utcnow()


def notes_of(record: BaselineRecord) -> str:
    if not record.uncertain:
        return record.notes
    return record.notes + "\nUncertain: " + " ".join(record.uncertain)


def _evidence_document(*, session: Session, record: BaselineRecord) -> Document:
    """The record as a document, so that every baseline signature points at evidence like any other."""
    published = dt.datetime.combine(record.date, dt.time(), tzinfo=dt.UTC)
    saved = save_document(session=session, url=record.url, text=document_text(record),
                          title=document_title(record), published_at=published)
    if saved.document.published_at != published:
        saved.document.published_at = published
        session.add(saved.document)
    return saved.document


def document_title(record: BaselineRecord) -> str:
    """"stancewatch baseline: United Kingdom for 23, UNGA Third Committee, 29 Oct 2019"."""
    if record.lead is not None:
        who = country_name(record.lead) + (f" for {record.stated_count}" if record.stated_count else " for a group")
    else:
        who = f"joint letter of {record.stated_count or len(record.signatories)}"
    return f"stancewatch baseline: {who}, {_FORUM_LONG.get(record.forum, record.forum)}, {_day(record.date)}"


def document_text(record: BaselineRecord) -> str:
    """What a person reading the evidence needs: what the record says and where it comes from."""
    count = "no number announced" if record.stated_count is None else f"stated count {record.stated_count}"
    listed = "complete list" if record.list_complete else "partial list"
    lines = [
        document_title(record),
        f"Record {record.key}: {record.stance} {record.kind.replace('_', ' ')} on {record.topic.replace('_', ' ')}, "
        f"{record.session}, {_day(record.date)}; {count}; {len(record.signatories)} named ({listed}).",
        "Signatories: " + ", ".join(sorted(country_name(c) for c in record.signatories)),
        *(f"Withdrawn: {country_name(w.country)} on {_day(w.date)} ({w.source})" for w in record.withdrawals),
        "Sources:", *(f"- {s}" for s in record.sources),
        f"Notes: {record.notes}",
        *(["Uncertain:", *(f"- {u}" for u in record.uncertain)] if record.uncertain else []),
    ]
    return "\n".join(lines) + "\n"


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%b %Y}"


def _apply_observation(*, session: Session, statement: Statement, record: BaselineRecord, document: Document) -> None:
    """One observation per record, moved to the record's newest text: a corrected record replaces
    what the baseline said before; it is one source, not two that disagree."""
    version_id = _latest_version_id(session=session, document=document)
    row = session.exec(select(Observation).where(
        Observation.statement_id == statement.id, Observation.document_id == document.id)).first()
    if row is None:
        row = Observation(statement_id=statement.id, document_id=document.id, document_version_id=version_id,
                          observed_at=utcnow())
    values = {
        "document_version_id": version_id, "lead": record.lead, "forum": record.forum, "session": record.session,
        "date": record.date, "stated_count": record.stated_count, "signatories": list(record.signatories),
        "list_complete": record.list_complete, "evidence": "; ".join(record.sources), "authority": BASELINE,
    }
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
    session.add(row)


def _latest_version_id(*, session: Session, document: Document) -> int:
    return session.exec(select(DocumentVersion.id).where(DocumentVersion.document_id == document.id)
                        .order_by(DocumentVersion.version.desc())).first()


def _apply_signatures(*, session: Session, statement: Statement, record: BaselineRecord, document: Document) -> None:
    """The record's countries on the statement. Rows first read elsewhere keep their evidence; a
    withdrawal the record knows of is applied to any row, but no row is ever un-withdrawn, ours
    included: a withdrawal the pipeline read in the news is newer than any shipped list."""
    existing = signed_countries(session=session, statement_id=statement.id)
    now = utcnow()
    for country in record.signatories:
        status = "withdrawn" if country in record.withdrawn else "signed"
        row = existing.get(country)
        if row is None:
            row = Signature(statement_id=statement.id, country=country, status=status, document_id=document.id,
                            first_seen_at=now, updated_at=now)
        if status == "withdrawn":
            _set(row, status=status, now=now)
        if row.document_id == document.id:
            _set(row, quote=signature_quote(record, country), now=now)
        session.add(row)
    for country, row in existing.items():
        if row.document_id == document.id and country not in record.signatories:
            # The record was corrected and no longer lists it; names other documents gave stay.
            session.delete(row)
    session.flush()


def _set(row: Signature, *, now: dt.datetime, **values: str) -> None:
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            row.updated_at = now


def signature_quote(record: BaselineRecord, country: str) -> str:
    for withdrawal in record.withdrawals:
        if withdrawal.country == country:
            return f"Baseline record {record.key}: withdrew on {withdrawal.date.isoformat()}: {withdrawal.source}"
    return f"Baseline record {record.key}: {record.sources[0] if record.sources else 'no source recorded'}"


def _snapshot(*, session: Session, statement: Statement) -> tuple[object, ...]:
    """Everything an import may write for one statement, to tell "updated" from "unchanged"."""
    session.flush()
    fields = ("topic", "stance", "kind", "forum", "session", "date", "year", "lead", "stated_count",
              "list_complete", "notes", "baseline_key")
    signatures = sorted((s.country, s.status, s.document_id, s.quote)
                        for s in signed_countries(session=session, statement_id=statement.id).values())
    observations = sorted(
        (o.document_version_id, o.lead, o.forum, o.session, o.date, o.stated_count, tuple(o.signatories),
         o.list_complete, o.evidence, o.authority)
        for o in session.exec(select(Observation).where(Observation.statement_id == statement.id)).all()
    )
    return tuple(getattr(statement, f) for f in fields), tuple(signatures), tuple(observations)
