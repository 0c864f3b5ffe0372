"""Dates as documents write them, the dateline, and relative days ("on Tuesday")."""
from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# The full month names, for patterns elsewhere that want a written date ("17 June 2031").
MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = (
    re.compile(rf"\b{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s*{_YEAR})?\b(?!\s*(?:countries|states|nations|%))", re.I),
    re.compile(rf"\b{_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(rf"\b(?P<day>[0-3]\d)\.(?P<mnum>[01]\d)\.{_YEAR}\b"),
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(r"\b(?:on|last|this|late on|early on|earlier on)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?P<today>today|yesterday)\b", re.I)


def dates_in(text: str, default_year: int | None) -> list[tuple[int, dt.date | None, bool]]:
    """(offset, date, has_year) for every day-precise date; date None if the year is unknown."""
    found: dict[int, tuple[int, dt.date | None, bool]] = {}
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(start <= match.start() < start + 12 for start in found):
                continue
            groups = match.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower().rstrip(".")]
            year = int(groups["year"]) if groups.get("year") else default_year
            try:
                day = int(groups["day"])
                date = dt.date(year, month, day) if year else None
            except ValueError:
                continue
            found[match.start()] = (match.start(), date, bool(groups.get("year")))
    return sorted(found.values(), key=lambda item: item[0])


def dateline(text: str) -> dt.date | None:
    """The document's own date: the first full date near its top."""
    for _, date, has_year in dates_in(text[:1500], None):
        if date is not None and has_year:
            return date
    return None


def relative_day(text: str, anchor: dt.date | None) -> dt.date | None:
    """'on Tuesday' in a story dated Wed 30 Oct 2019 -> 2019-10-29; 'today' -> the dateline."""
    if anchor is None:
        return None
    match = _RELATIVE.search(text)
    if match is None:
        return None
    if match.group("today"):
        return anchor if match.group("today").lower() == "today" else anchor - dt.timedelta(days=1)
    back = (anchor.weekday() - _WEEKDAYS.index(match.group("wd").lower())) % 7
    return anchor - dt.timedelta(days=back)
