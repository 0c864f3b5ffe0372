"""The plain values a renderer needs: no database rows, no sessions.

`alerts.views` builds them from the store; renderers and senders only read them, so they can
be made by hand in tests and in the digest.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# The kinds of change a notice can announce. The shifts between a camp's successive statements
# (newly_signed, dropped_out, switched_camp) come later; renderers fall back to a plain
# sentence for a kind they do not know yet rather than failing the delivery.
NEW_STATEMENT = "new_statement"
JOINED = "joined"
WITHDREW = "withdrew"
COUNT_CHANGED = "count_changed"
NEWLY_SIGNED = "newly_signed"
DROPPED_OUT = "dropped_out"
SWITCHED_CAMP = "switched_camp"


@dataclass(frozen=True, slots=True)
class StatementView:
    """A statement as it stands now (after the change being announced)."""

    id: int
    topic: str  # "xinjiang"
    stance: str  # "critical" | "supportive" | "unknown"
    lead: str | None  # ISO 3166-1 alpha-3 of the country that delivered it
    forum: str | None  # parsers.types.Forum value: "unga_c3", "hrc", "unga", "unsc", "other"
    session: str | None  # "UNGA74", "HRC41"
    date: dt.date | None
    stated_count: int | None  # "on behalf of 23 countries"
    signatories: tuple[str, ...]  # alpha-3 codes named so far, in the order they were named
    list_complete: bool
    # "statement" (read out by a lead) or "letter" (signed, sent to a forum's President). The
    # store does not record it yet; None lets the renderer infer it: a text nobody delivered is
    # a letter (the HRC41 letters of 22 and 37 had no lead).
    form: str | None = None


@dataclass(frozen=True, slots=True)
class SourceRef:
    """The document that supports the change, and the sentence that says so."""

    url: str  # "" when the change has no document
    title: str | None
    source_name: str | None
    published: dt.date | None
    quote: str | None


SHIFT_KINDS = frozenset({NEWLY_SIGNED, DROPPED_OUT, SWITCHED_CAMP})


@dataclass(frozen=True, slots=True)
class ShiftItem:
    """One country that moved, and the statement it is compared with (last year's of the same
    camp, or the other camp's for a switch)."""

    kind: str  # newly_signed | dropped_out | switched_camp
    country: str
    previous: StatementView


@dataclass(frozen=True, slots=True)
class Notice:
    """One alert: one change, or one burst of same-kind changes from one document."""

    kind: str
    statement: StatementView
    country: str | None  # alpha-3; the first country of the burst
    previous_count: int | None  # count_changed: the stated count before
    source: SourceRef
    detected_at: dt.datetime
    countries: tuple[str, ...] = ()  # joined/withdrew: every country of the burst
    reported: bool = True  # joined: the document says they joined late (vs merely named more)
    shifts: tuple[ShiftItem, ...] = ()  # the shift kinds: every country that moved, in one burst

    def burst(self) -> tuple[str, ...]:
        """The countries this notice is about, whether or not `countries` was filled in."""
        if self.countries:
            return self.countries
        return (self.country,) if self.country else ()
