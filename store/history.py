"""Read-side views of the position history: one country's record, one statement with its
evidence and disagreements, and the flat export. Plain frozen values; nothing here prints."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, select

from parsers.countries import country_name
from store.authority import rank
from store.errors import StoreError
from store.tables import Document, Observation, Signature, Statement


class StatementNotFound(StoreError):
    """No statement has this id or baseline key."""

    def __init__(self, ref: str) -> None:
        super().__init__(f'no statement "{ref}"; `stancewatch statements` lists them')
        self.ref = ref


@dataclass(frozen=True, slots=True)
class CountryStatement:
    """One statement a country signed or withdrew from."""

    statement_id: int
    baseline_key: str | None
    topic: str
    kind: str
    date: dt.date | None
    year: int | None
    forum: str | None
    session: str | None
    stance: str
    lead: str | None
    stated_count: int | None
    status: str  # "signed" | "withdrawn"
    named_count: int  # countries named as signed, withdrawn ones not counted
    list_complete: bool


@dataclass(frozen=True, slots=True)
class CountryRecord:
    code: str
    name: str
    statements: tuple[CountryStatement, ...]  # by date

    def camps(self) -> dict[int, str]:
        """The camp per year: "critical", "supportive", or "both". A withdrawn signature puts the
        country in no camp: Qatar, 2019, took its name off the supportive letter."""
        seen: dict[int, set[str]] = defaultdict(set)
        for s in self.statements:
            if s.status == "signed" and s.year is not None:
                seen[s.year].add(s.stance)
        return {year: stances.pop() if len(stances) == 1 else "both" for year, stances in sorted(seen.items())}


@dataclass(frozen=True, slots=True)
class SignatureEvidence:
    country: str
    status: str
    document_url: str | None
    document_title: str | None
    quote: str


@dataclass(frozen=True, slots=True)
class SourceReport:
    """What one document said about the statement (one observation)."""

    document_url: str
    document_title: str | None
    published_at: dt.datetime | None
    authority: int
    lead: str | None
    forum: str | None
    session: str | None
    date: dt.date | None
    stated_count: int | None
    named_count: int
    list_complete: bool
    evidence: str
    observed_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field the sources disagree on; `claims` are the sources that gave a value, the winner first."""

    field: str
    claims: tuple[SourceReport, ...]

    @property
    def winner(self) -> SourceReport:
        return self.claims[0]

    def value_of(self, claim: SourceReport) -> object:
        return getattr(claim, self.field)


@dataclass(frozen=True, slots=True)
class StatementInfo:
    id: int
    baseline_key: str | None
    origin: str
    topic: str
    stance: str
    kind: str
    forum: str | None
    session: str | None
    date: dt.date | None
    year: int | None
    lead: str | None
    stated_count: int | None
    list_complete: bool
    notes: str | None


@dataclass(frozen=True, slots=True)
class StatementDetail:
    statement: StatementInfo
    signatories: tuple[SignatureEvidence, ...]  # signed, by country name
    withdrawn: tuple[SignatureEvidence, ...]
    sources: tuple[SourceReport, ...]  # most believed first
    conflicts: tuple[Conflict, ...]

    @property
    def named_count(self) -> int:
        return len(self.signatories)


@dataclass(frozen=True, slots=True)
class ExportRow:
    statement_id: int
    baseline_key: str | None
    topic: str
    stance: str
    kind: str
    forum: str | None
    session: str | None
    date: dt.date | None
    lead: str | None
    stated_count: int | None
    list_complete: bool
    country: str
    country_name: str
    status: str
    evidence_url: str | None


# Where sources can disagree about a statement; signatories are compared as named counts.
CONFLICT_FIELDS = ("stated_count", "lead", "date", "forum", "session")


def name_of(code: str) -> str:
    """The display name; the code itself for one the gazetteer does not know (an older row)."""
    try:
        return country_name(code)
    except KeyError:
        return code


def _by_date(statement: Statement) -> tuple[bool, dt.date, int]:
    # Undated last, then by date and id: the order people read a timeline in.
    return statement.date is None, statement.date or dt.date.min, statement.id


def _signed_counts(*, session: Session, statement_ids: Iterable[int]) -> dict[int, int]:
    counts: dict[int, int] = defaultdict(int)
    ids = list(statement_ids)
    rows = session.exec(select(Signature.statement_id).where(
        Signature.statement_id.in_(ids), Signature.status == "signed")).all() if ids else []
    for statement_id in rows:
        counts[statement_id] += 1
    return counts


def country_record(*, session: Session, code: str, topics: frozenset[str] | None = None) -> CountryRecord:
    """Every statement `code` signed or withdrew from, by date; `topics` None means all topics."""
    code = code.upper()
    query = select(Signature, Statement).join(Statement, Signature.statement_id == Statement.id).where(
        Signature.country == code)
    if topics is not None:
        query = query.where(Statement.topic.in_(sorted(topics)))
    pairs = sorted(session.exec(query).all(), key=lambda p: _by_date(p[1]))
    named = _signed_counts(session=session, statement_ids={s.id for _, s in pairs})
    return CountryRecord(code=code, name=name_of(code), statements=tuple(
        CountryStatement(
            statement_id=s.id, baseline_key=s.baseline_key, topic=s.topic, kind=s.kind, date=s.date, year=s.year,
            forum=s.forum, session=s.session, stance=s.stance, lead=s.lead, stated_count=s.stated_count,
            status=sig.status, named_count=named[s.id], list_complete=s.list_complete,
        )
        for sig, s in pairs
    ))


def find_statement(*, session: Session, ref: str) -> Statement:
    """A statement by its id ("12") or its baseline key ("2019-unga74-c3-gbr")."""
    ref = ref.strip()
    statement = session.get(Statement, int(ref)) if ref.isdigit() else session.exec(
        select(Statement).where(Statement.baseline_key == ref)).first()
    if statement is None:
        raise StatementNotFound(ref)
    return statement


def statement_detail(*, session: Session, statement_id: int | str) -> StatementDetail:
    statement = find_statement(session=session, ref=str(statement_id))
    rows = session.exec(select(Signature, Document).join(Document, Signature.document_id == Document.id, isouter=True)
                        .where(Signature.statement_id == statement.id)).all()
    evidence = sorted(
        (SignatureEvidence(country=sig.country, status=sig.status, document_url=doc.url if doc else None,
                           document_title=doc.title if doc else None, quote=sig.quote) for sig, doc in rows),
        key=lambda e: name_of(e.country),
    )
    sources = tuple(sorted(_sources(session=session, statement_id=statement.id), key=_belief, reverse=True))
    return StatementDetail(
        statement=_info(statement),
        signatories=tuple(e for e in evidence if e.status == "signed"),
        withdrawn=tuple(e for e in evidence if e.status == "withdrawn"),
        sources=sources, conflicts=conflicts_among(sources),
    )


def _info(s: Statement) -> StatementInfo:
    return StatementInfo(id=s.id, baseline_key=s.baseline_key, origin=s.origin, topic=s.topic, stance=s.stance,
                         kind=s.kind, forum=s.forum, session=s.session, date=s.date, year=s.year, lead=s.lead,
                         stated_count=s.stated_count, list_complete=s.list_complete, notes=s.notes)


def _sources(*, session: Session, statement_id: int) -> list[SourceReport]:
    rows = session.exec(select(Observation, Document).join(Document, Observation.document_id == Document.id)
                        .where(Observation.statement_id == statement_id)).all()
    return [
        SourceReport(document_url=doc.url, document_title=doc.title, published_at=doc.published_at,
                     authority=o.authority, lead=o.lead, forum=o.forum, session=o.session, date=o.date,
                     stated_count=o.stated_count, named_count=len(o.signatories), list_complete=o.list_complete,
                     evidence=o.evidence, observed_at=o.observed_at)
        for o, doc in rows
    ]


def _belief(source: SourceReport) -> tuple[tuple[int, bool], dt.datetime]:
    """Which source wins: the highest authority, then a complete list, then the latest report."""
    return rank(source.authority, source.list_complete), source.published_at or source.observed_at


def conflicts_among(sources: tuple[SourceReport, ...]) -> tuple[Conflict, ...]:
    """Fields where sources (already sorted most believed first) give different values."""
    found = []
    for name in CONFLICT_FIELDS:
        claims = tuple(s for s in sources if getattr(s, name) is not None)
        if name == "stated_count":
            # Among equals the larger figure, as the stored count is settled (store/statements.py
            # _settle_facts): lists grow, a smaller figure is usually older. Stable sort: then latest.
            claims = tuple(sorted(claims, key=lambda s: (*rank(s.authority, s.list_complete), s.stated_count),
                                  reverse=True))
        if len({getattr(s, name) for s in claims}) > 1:
            found.append(Conflict(field=name, claims=claims))
    return tuple(found)


def export_rows(*, session: Session) -> list[ExportRow]:
    """One row per statement and signatory (withdrawn ones too, with their status)."""
    rows = session.exec(select(Signature, Statement, Document)
                        .join(Statement, Signature.statement_id == Statement.id)
                        .join(Document, Signature.document_id == Document.id, isouter=True)).all()
    rows = sorted(rows, key=lambda r: (_by_date(r[1]), r[0].country))
    return [
        ExportRow(statement_id=s.id, baseline_key=s.baseline_key, topic=s.topic, stance=s.stance, kind=s.kind,
                  forum=s.forum, session=s.session, date=s.date, lead=s.lead, stated_count=s.stated_count,
                  list_complete=s.list_complete, country=sig.country, country_name=name_of(sig.country),
                  status=sig.status, evidence_url=doc.url if doc else None)
        for sig, s, doc in rows
    ]
