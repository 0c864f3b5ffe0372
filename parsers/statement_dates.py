"""The day each statement was made: a date next to it, a relative day against the dateline,
the meeting a UN press release covers, or the day of the statement it answered."""
from __future__ import annotations

import datetime as dt
import re

from parsers.clusters import Assembly, Cluster
from parsers.dates import MONTH_NAME, dates_in, relative_day
from parsers.frames import Frame
from parsers.text import Text
from parsers.types import Forum

# A UN meetings-coverage header: "SEVENTY-FOURTH SESSION, 29 OCTOBER 2019", or
# "SEVENTY-NINTH SESSION, 24TH & 25TH MEETINGS (AM & PM)" (or in title case) with the date on
# the next line.
_MEETING_HEADER = re.compile(
    r"\b(?:SESSION|Session),\s+(?:(\d{1,2}\s+[A-Za-z]+\s+\d{4})|\d{1,3}(?i:st|nd|rd|th)\b[^\n]{0,40}?\b(?i:meetings?)\b)"
)
_DATE_LINE = re.compile(
    r"^[ \t]*(?:(?:Date|Published|Meeting date|Meetings coverage)\s*[:|·-]\s*|(?:[A-Z][A-Za-z ]{1,40}?\s+(?:[·|]\s+)?){1,3})?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?P<date>\d{1,2}\s+" + MONTH_NAME + r"\s+(?:19|20)\d\d)"
    r"(?:[ \t]+(?i:morning|afternoon|evening|AM|PM))?[ \t]*$",
    re.M,
)
# "Meeting Summary · 16 June 2032 · Human Rights Council · HRC/32/41": a meta line of fields.
_META_DATE_LINE = re.compile(
    r"^[^\n]{0,60}?[·|]\s*(?P<date>\d{1,2}\s+" + MONTH_NAME + r"\s+(?:19|20)\d\d)\s*[·|][^\n]{0,100}$",
    re.M,
)
_MEETING_CUE = re.compile(r"\bthis (?:morning|afternoon|evening)\b|\b(?:concluded|began|continued|opened|resumed) its (?:general debate|\w+ session|debate|interactive dialogue)")
_SAME_SCENE = re.compile(
    r"\b(?:then|minutes later|within minutes|shortly (?:after|afterwards)|soon after|hours (?:earlier|later)|followed|same meeting|also read|"
    r"in reply|moments later|counter-statement|right after)\b",
    re.I,
)


_PLURAL_STATEMENTS = re.compile(
    r"\b(?:both|the (?:two )?(?:texts|statements|letters)|exchange|back-to-back|(?:rival|opposing|competing|duelling|dueling|joint|two) (?:joint )?(?:statements|texts|letters))\b",
    re.I,
)


def shared_date(assembly: Assembly, doc_year: int | None, doc_date: dt.date | None = None) -> dt.date | None:
    """'Both come from the texts as circulated in the room on 6 October 2020', or 'Two groups
    squared off on Tuesday, in back-to-back joint statements', said before any statement is
    named: the day of every statement the page then lists."""
    clusters = [c for c in assembly.clusters if c.anchors]
    if not clusters:
        return None
    # Up to the first statement named in the body: a headline or standfirst may name some first.
    stop = min((i for c in clusters for i in c.anchors if i >= _HEADLINES), default=len(assembly.text.sentences))
    for sentence in assembly.text.sentences[:stop]:
        if not _PLURAL_STATEMENTS.search(sentence.text):
            continue
        for offset, date, _ in dates_in(sentence.text, doc_year):
            if date is not None and _delivery_date(sentence.text, offset):
                return date
        relative = relative_day(_without_reporting(sentence.text), doc_date)
        if relative is not None and not _SESSION_END.search(sentence.text):
            return relative
    return None


def meeting_date(norm: str) -> dt.date | None:
    """The day of the meeting a UN press release covers: every statement in it was made then."""
    header = _MEETING_HEADER.search(norm[:2000])
    if header is None:
        # UN Geneva style: a date field or meta line of its own ("17 June 2026") above a report
        # of what the Council did "this afternoon".
        line = _DATE_LINE.search(norm[:1500]) or _META_DATE_LINE.search(norm[:1500])
        if line is None or not _MEETING_CUE.search(norm[:4000]):
            return None
        found = dates_in(line.group("date"), None)
        return next((date for _, date, has_year in found if date is not None and has_year), None)
    found = dates_in(header.group(1) or norm[header.end():header.end() + 200], None)
    return next((date for _, date, has_year in found if date is not None and has_year), None)


# "The Malian statement came a day after Lithuania ... read a statement", "A day earlier, X read".
_DAY_AFTER = re.compile(r"\b(?:came|was (?:delivered|read|made)|followed)\s+(?:a|one)\s+day\s+after\b", re.I)
_DAY_EARLIER = re.compile(r"^(?:A|One) day (?:earlier|before),", re.I)


def day_before(c: Cluster, text: Text, dates: dict[int, dt.date | None]) -> dt.date | None:
    """A statement dated a day before the one just discussed, whose day is known."""
    if c.previous is None or dates.get(c.previous.index) is None:
        return None
    previous = dates[c.previous.index]
    assert previous is not None
    for frame in c.frames:
        sentence = text.sentences[frame.sentence].text
        match = _DAY_AFTER.search(sentence)
        if (match is not None and frame.position > match.end()) or _DAY_EARLIER.match(sentence):
            return previous - dt.timedelta(days=1)
    return None


def statement_date(c: Cluster, text: Text, positions: dict[int, list[tuple[int, int]]], doc_date: dt.date | None, meeting_date: dt.date | None,
          first_person: bool, shifted: bool, forum: Forum | None, event: tuple[dt.date, Forum | None] | None,
          doc_year: int | None = None) -> dt.date | None:
    """`event`: the day and forum of the first statement the page dated (the story's event)."""
    event_date = event[0] if event else None
    year = c.year or (doc_date.year if doc_date else doc_year)
    # A sentence that reports growth ("Paraguay added its name on Friday, bringing the total to 48")
    # dates the join, not the statement.
    frames = [f for f in c.frames if f.count_kind != "growth"]
    for frame in c.frames:
        sentence = text.sentences[frame.sentence].text
        for offset, date, _ in dates_in(sentence, year):
            if date is not None and _delivery_date(sentence, offset) and _closest(positions, frame, offset):
                return date
    if event_date is not None and (said_same_day(c, text) or any(_SAME_DAY_AS.search(text.sentences[f.sentence].text) for f in c.frames)):
        return event_date
    said = _said_delivered_on(c, text, year)
    if said is not None:
        return said  # "Later that day, Belarus read ...": the day just stated
    for frame in frames:
        if not shifted:
            relative = relative_day(_without_reporting(text.sentences[frame.sentence].text), doc_date)
            if relative is not None:
                return relative
    if shifted:
        return None
    if meeting_date is not None:
        return meeting_date
    if (first_person or forum is Forum.OTHER) and doc_date is not None:
        return doc_date
    if event is not None and forum in (Forum.UNGA_C3, Forum.UNGA) and forum == event[1]:
        return event_date  # another statement at the same committee meeting
    if event_date is not None and any(_SAME_SCENE.search(text.sentences[f.sentence].text) for f in c.frames):
        return event_date
    return None


_SAME_DAY = re.compile(r"^(?:(?:And|Then|But),?\s+)?(?:later (?:that|the same) day|(?:that|the) same (?:day|afternoon|morning|evening)|on the same day|earlier that day|that (?:afternoon|evening|morning)|(?:at|during|in) the same (?:meeting|sitting|debate))\b", re.I)
_NOT_DELIVERY = re.compile(r"(?:\bas of|\bby|\buntil|\bsince|\bupdated|\bposted|\bpublished)\s+$", re.I)
_SESSION_END = re.compile(r"\b(?:ends?|ending|until|runs|closes|deadline)\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.I)
_HEADLINES = 3  # sentences of headline, standfirst and byline before a story's first paragraph
_SAME_DAY_AS = re.compile(r"\b(?:on )?the same day as\b", re.I)
_PUBLISHED_ON = re.compile(r"\b(?:published|posted|updated|released|put online|uploaded)\b[^.;]{0,30}?\bon\s+$", re.I)
_TIMESTAMP = re.compile(r"[^.\n]{4,20}?\b\d{1,2}:\d{2}(?::\d{2})?\b")
_WEEKDAY_ABBR = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*$")
_DATELINE_AFTER = re.compile(r"^[^.()]{0,25}?(?:\s*\([^()]{0,40}\)|\))?\s(?:-|--|—|–)\s")  # also "NEW YORK (Nov 4) - "  # "March 15, 2028 (Meridian Wire) - "
_REPORTING = re.compile(r"\b(?:said|told reporters|announced|reported|showed)\s+(?:on|late on)\s+\w+day\b", re.I)


def _delivery_date(sentence: str, offset: int) -> bool:
    """A date that dates the statement, not the story ('Oct 30, 2019 - ...'), a feed timestamp
    ('Thu, 16 Oct 2031 18:02:00 GMT') or a list ('as of')."""
    if offset > 0 and (sentence[offset - 1].isalnum() or sentence[offset - 1] in "-/_=."):
        return False  # "GUID: northstar-2034-06-21-0412": a date inside an identifier or a URL
    if _NOT_DELIVERY.search(sentence[max(0, offset - 12):offset]):
        return False
    if _PUBLISHED_ON.search(sentence[max(0, offset - 60):offset]):
        return False  # "Pakistan's mission published its list on 23 October": not the day it was read
    if _TIMESTAMP.match(sentence, offset) or _WEEKDAY_ABBR.search(sentence[max(0, offset - 6):offset]):
        return False
    return _DATELINE_AFTER.match(sentence[offset:offset + 80]) is None or offset > 40


def _without_reporting(sentence: str) -> str:
    return _REPORTING.sub(" ", sentence)


def _closest(positions: dict[int, list[tuple[int, int]]], frame: Frame, offset: int) -> bool:
    """Is this frame the statement mention nearest to the date in its sentence?"""
    here = positions.get(frame.sentence, [])
    mine = abs(offset - frame.position)
    return all(abs(offset - p) >= mine for p, _ in here)


_DELIVERED_ON = re.compile(
    r"\b(?:was|were|had been)\s+(?:\w+\s+)?(?:delivered|read(?: out)?|presented|made)\b(?:(?!\b(?:ends?|until|before|after)\b)[^.;]){0,80}?"
    r"\bon\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$",
    re.I,
)


def _said_delivered_on(c: Cluster, text: Text, year: int | None) -> dt.date | None:
    """'... welcomed the joint statement that was delivered at the Council on Tuesday 17 June',
    in a sentence about the statement that names neither its lead nor its size."""
    for i in c.context:
        if i in c.anchors:
            continue
        sentence = text.sentences[i].text
        for offset, date, _ in dates_in(sentence, year):
            if date is not None and _DELIVERED_ON.search(sentence[max(0, offset - 120):offset]):
                return date
    return None


def said_same_day(c: Cluster, text: Text) -> bool:
    """'Later that day, Belarus read ...': the statement is dated by the day just stated."""
    return any(_SAME_DAY.match(text.sentences[f.sentence].text) for f in c.frames)
