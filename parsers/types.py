"""The values extraction returns: plain, frozen, JSON-ready.

Their JSON shape is the contract of `stancewatch extract` (shared/extraction.schema.json).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Stance(StrEnum):
    """Toward the Chinese government's policy on the statement's topic."""

    CRITICAL = "critical"
    SUPPORTIVE = "supportive"
    UNKNOWN = "unknown"


class Forum(StrEnum):
    UNGA_C3 = "unga_c3"  # General Assembly, Third Committee
    HRC = "hrc"  # Human Rights Council (letters to its President included)
    UNGA = "unga"  # General Assembly plenary
    UNSC = "unsc"
    OTHER = "other"  # outside the UN


class Action(StrEnum):
    JOINED = "joined"
    WITHDREW = "withdrew"


@dataclass(frozen=True, slots=True)
class ExtractedStatement:
    """One joint statement or joint letter as one document reports it."""

    topic: str
    stance: Stance
    lead: str | None  # ISO 3166-1 alpha-3
    forum: Forum | None
    session: str | None  # "UNGA74", "HRC41"
    date: dt.date | None
    stated_count: int | None
    signatories: tuple[str, ...]  # ISO alpha-3, lead included, document order, no repeats
    list_complete: bool
    evidence: str  # verbatim passage the statement was read from
    # country code -> the verbatim passage that names it as a signatory
    signatory_evidence: dict[str, str] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "stance": str(self.stance),
            "lead": self.lead,
            "forum": None if self.forum is None else str(self.forum),
            "session": self.session,
            "date": None if self.date is None else self.date.isoformat(),
            "stated_count": self.stated_count,
            "signatories": list(self.signatories),
            "list_complete": self.list_complete,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class StatementRef:
    """What a document makes known about the statement a change belongs to."""

    topic: str | None = None
    stance: Stance | None = None
    lead: str | None = None
    forum: Forum | None = None
    session: str | None = None
    date: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in ("topic", "stance", "lead", "forum", "session"):
            value = getattr(self, key)
            if value is not None:
                out[key] = str(value)
        if self.date is not None:
            out["date"] = self.date.isoformat()
        return out


@dataclass(frozen=True, slots=True)
class ExtractedChange:
    """A signatory change the document reports: a late join or a withdrawal."""

    country: str  # ISO alpha-3
    action: Action
    statement: StatementRef
    evidence: str

    def to_json(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "action": str(self.action),
            "statement": self.statement.to_json(),
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    statements: tuple[ExtractedStatement, ...] = ()
    changes: tuple[ExtractedChange, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "statements": [s.to_json() for s in self.statements],
            "changes": [c.to_json() for c in self.changes],
        }
