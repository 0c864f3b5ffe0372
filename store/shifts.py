"""Shifts between a camp's successive statements: who newly signed, dropped out, switched camp.

Statements of one camp (topic + stance) in one forum form a series. A statement is compared with
the latest one of its series dated before it, and with the latest of the other camp in that
forum dated before it; two statements delivered the same day are rivals, not predecessors, so
the answer does not depend on the order documents arrive in. A claim the data cannot support is
not made: nobody "newly signed" against an incomplete earlier list, and nobody "dropped out"
of a list that is not known to be complete yet.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

NEWLY_SIGNED = "newly_signed"
DROPPED_OUT = "dropped_out"
SWITCHED_CAMP = "switched_camp"
RIVAL = {"critical": "supportive", "supportive": "critical"}


@dataclass(frozen=True, slots=True)
class CampStatement:
    id: int
    topic: str
    stance: str
    forum: str | None
    date: dt.date | None
    year: int | None
    signed: frozenset[str]  # net of withdrawals
    list_complete: bool
    origin: str = "extracted"


@dataclass(frozen=True, slots=True)
class Shift:
    kind: str
    country: str
    statement_id: int
    previous_statement_id: int


def is_before(earlier: CampStatement, later: CampStatement) -> bool:
    """Strictly earlier: by day when both are dated, else by year; the same day is never before."""
    if earlier.date is not None and later.date is not None:
        return earlier.date < later.date
    return earlier.year is not None and later.year is not None and earlier.year < later.year


def latest_before(candidates: Iterable[CampStatement], new: CampStatement, stance: str,
                  *, across_forums: bool = False) -> CampStatement | None:
    """The latest statement of `stance` on `new`'s topic (and forum) dated before `new`."""
    earlier = [
        c for c in candidates
        if c.id != new.id and c.topic == new.topic and c.stance == stance
        and (across_forums or c.forum == new.forum) and is_before(c, new)
    ]
    return max(earlier, key=lambda c: (c.date or dt.date(c.year or 1, 12, 31), c.id), default=None)


def compare(new: CampStatement, previous: CampStatement | None, rival: CampStatement | None) -> list[Shift]:
    """What moved between `previous` (same camp) and `new`, and who came over from `rival`."""
    shifts: list[Shift] = []
    switched = new.signed & rival.signed if rival is not None else frozenset()
    if rival is not None:
        shifts += [Shift(SWITCHED_CAMP, c, new.id, rival.id) for c in sorted(switched)]
    if previous is not None and previous.list_complete:
        # A country that came over from the other camp is told as a switch, not twice.
        joined = new.signed - previous.signed - switched
        shifts += [Shift(NEWLY_SIGNED, c, new.id, previous.id) for c in sorted(joined)]
    if previous is not None and new.list_complete:
        shifts += [Shift(DROPPED_OUT, c, new.id, previous.id) for c in sorted(previous.signed - new.signed)]
    return shifts


def shifts_of(statements: list[CampStatement], new: CampStatement, *, across_forums: bool = False) -> list[Shift]:
    if new.stance not in RIVAL:
        return []
    previous = latest_before(statements, new, new.stance, across_forums=across_forums)
    rival = latest_before(statements, new, RIVAL[new.stance], across_forums=across_forums)
    return compare(new, previous, rival)


def successors(statements: list[CampStatement], changed: CampStatement) -> list[CampStatement]:
    """Statements whose comparison may read `changed` as their predecessor or rival: the next one
    of each camp in its forum. A late-arriving older statement changes their answer too."""
    later = [s for s in statements if s.topic == changed.topic and s.forum == changed.forum and is_before(changed, s)]
    found = []
    for stance in RIVAL:
        camp = [s for s in later if s.stance == stance]
        if camp:
            found.append(min(camp, key=lambda s: (s.date or dt.date(s.year or 9999, 1, 1), s.id)))
    return found
