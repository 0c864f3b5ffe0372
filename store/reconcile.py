"""Deciding whether an observation is of a statement we already know. Pure functions.

Two observations are of one statement when nothing about them conflicts (topic, stance, forum,
year, lead, date within a few days) and something positive ties them: the same lead in the same
year, the same day, or strongly overlapping signatories. Rival statements delivered the same day
differ in stance, so they never merge.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

# News in other time zones dates a statement a day off; UN pages date it by the meeting.
DATE_SLACK = dt.timedelta(days=3)


@dataclass(frozen=True, slots=True)
class StatementFacts:
    """What identifies a statement, from the database or from one observation."""

    lead: str | None
    forum: str | None
    year: int | None
    date: dt.date | None
    stated_count: int | None
    signatories: frozenset[str]
    id: int | None = None


def session_year(session: str | None) -> int | None:
    """The calendar year a UN session's statements are made in: UNGA74 -> 2019, HRC41 -> 2019.

    The General Assembly's Nth session opens in September of 1945+N, and its Third Committee
    sits that autumn. The Council has held three regular sessions a year since 2006."""
    if not session:
        return None
    match = re.fullmatch(r"\s*(UNGA|HRC)\s*(\d{1,3})\s*", session.upper())
    if not match:
        return None
    body, number = match.group(1), int(match.group(2))
    return 1945 + number if body == "UNGA" else 2006 + (number - 1) // 3


def year_of(date: dt.date | None, session: str | None) -> int | None:
    return date.year if date is not None else session_year(session)


def conflicts(known: StatementFacts, seen: StatementFacts) -> bool:
    def differ(a: object, b: object) -> bool:
        return a is not None and b is not None and a != b

    if differ(known.forum, seen.forum) or differ(known.year, seen.year) or differ(known.lead, seen.lead):
        return True
    return known.date is not None and seen.date is not None and abs(known.date - seen.date) > DATE_SLACK


def match_score(known: StatementFacts, seen: StatementFacts) -> float:
    """How surely `seen` is an observation of `known`; 0 when it cannot be."""
    if conflicts(known, seen):
        return 0.0
    shared = known.signatories & seen.signatories
    smaller = min(len(known.signatories), len(seen.signatories))
    overlap = len(shared) / smaller if smaller else 0.0
    same_year = known.year is not None and known.year == seen.year
    score = 0.0
    if known.lead is not None and known.lead == seen.lead:
        # Undated mentions ("the British-led statement") tie only when the lead is unambiguous.
        score += 3.0 if same_year else 1.0 if seen.year is None else 0.0
    if known.date is not None and known.date == seen.date:
        score += 2.0
    elif known.date is not None and seen.date is not None:
        score += 1.0  # within the slack
    if len(shared) >= 3 and overlap >= 0.6 and (same_year or seen.year is None):
        score += 2.0 * overlap
    if score == 0.0 and known.lead is None and seen.lead is None and same_year and known.forum == seen.forum:
        score += 1.0  # unread letters of one camp in one forum and year (the HRC41 letters)
    if score > 0 and known.stated_count is not None and known.stated_count == seen.stated_count:
        score += 0.5
    return score


def best_match(known: Iterable[StatementFacts], seen: StatementFacts) -> int | None:
    """The id of the statement `seen` observes, or None. A tie is no answer: merging two
    statements is worse than keeping one observation apart."""
    scored = sorted(((match_score(k, seen), k.id) for k in known), reverse=True, key=lambda p: p[0])
    scored = [(s, i) for s, i in scored if s > 0]
    if not scored:
        return None
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def can_found_statement(seen: StatementFacts) -> bool:
    """Whether an unmatched observation says enough to be a statement of its own: it must be
    placed in time (a passing mention of "the British-led statement" in an op-ed is not a new
    statement) and be identifiable by a lead, a count or named backers."""
    return seen.year is not None and (
        seen.lead is not None or seen.stated_count is not None or len(seen.signatories) >= 2
    )
