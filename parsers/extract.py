"""extract(): a document (HTML or text) to the statements and changes it reports."""
from __future__ import annotations

import datetime as dt
import re

from parsers.candidates import candidates
from parsers.dates import dateline, dates_in, relative_day
from parsers.errors import DocumentTooLarge
from parsers.forums import forum_in, outside_un, session_in
from parsers.leads import Mention
from parsers.markup import looks_like_html, main_text
from parsers.statements import Assembly, Cluster, assemble, cluster_is_reply, cluster_score
from parsers.stance import opposite, stance_from, stance_score
from parsers.text import Text
from parsers.topics import subject_slug, topic_in
from parsers.types import (
    Action,
    ExtractedChange,
    ExtractedStatement,
    Extraction,
    Forum,
    Stance,
    StatementRef,
)

# 64 M characters: 30x the largest real meetings-coverage page; beyond that it is not news.
MAX_DOCUMENT_CHARS = 64 * 1024 * 1024
# Each branch starts with a literal so the engine skips ahead on a 200 KB page (\\b first, with
# re.I, made this one search cost a tenth of the whole extraction).
_FIRST_PERSON = re.compile(
    r"I(?<!\wI) (?i:am speaking|speak|deliver|have the hono(?:u)?r|make this statement|am delivering)\b"
    r"|T(?<!\wT)(?i:hank you),? (?i:(?:Mr\.? |Madam )?(?:Chair|President))"
    r"|t(?<!\wt)(?i:hank you),? (?i:(?:Mr\.? |Madam )?(?:Chair|President))"
)
# A UN meetings-coverage header: "SEVENTY-FOURTH SESSION, 29 OCTOBER 2019", or
# "SEVENTY-NINTH SESSION, 24TH & 25TH MEETINGS (AM & PM)" with the date on the next line.
_MEETING_HEADER = re.compile(r"\bSESSION,\s+(?:(\d{1,2}\s+[A-Z]+\s+\d{4})|\d{1,3}(?:ST|ND|RD|TH)\b[^\n]{0,40}?\bMEETINGS?\b)")
_DATE_LINE = re.compile(
    r"^[ \t]*(?:(?:Date|Published|Meeting date|Meetings coverage)\s*[:|·-]\s*|(?:[A-Z][A-Za-z ]{1,40}?\s+[·|]\s+){1,3})?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?P<date>\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:19|20)\d\d)[ \t]*$",
    re.M,
)
_MEETING_CUE = re.compile(r"\bthis (?:morning|afternoon|evening)\b|\b(?:concluded|began|continued|opened|resumed) its (?:general debate|\w+ session|debate|interactive dialogue)")
_OBSERVERS = frozenset({"VAT", "PSE"})
_SAME_BODY = re.compile(r"\bthe same (?:body|committee|council|forum|session|meeting)\b", re.I)
_PUBLISHER_BEFORE = re.compile(r"\b(?:Permanent Mission|Mission|Embassy|Ministry of Foreign Affairs|Delegation|Government) of (?:the )?$")
_PUBLISHER_AFTER = re.compile(r"^\s+(?:Permanent Representative|Mission to|Permanent Mission)\b")
_SAME_SCENE = re.compile(r"\b(?:then|minutes later|hours (?:earlier|later)|followed|same meeting|also read|in reply|moments later|counter-statement)\b", re.I)


def extract(document: str, *, reference_date: dt.date | None = None) -> Extraction:
    if len(document) > MAX_DOCUMENT_CHARS:
        raise DocumentTooLarge(len(document), MAX_DOCUMENT_CHARS)
    is_html = looks_like_html(document)
    body = main_text(document) if is_html else document
    if not body.strip():
        return Extraction()
    # Imported here so that decoding and main_text work even where the gazetteer is absent.
    from parsers.countries import find_countries, un_states

    text = Text(body, wrapped=not is_html)
    # Only states can sign: "Hong Kong" or "Taiwan" in a gazetteer are places, not signatories.
    states = un_states() | _OBSERVERS
    worth, gate = candidates(text.norm, text.sentences)
    # The gazetteer runs only where a statement could be named: most of a long page is not.
    mentions: list[list[Mention]] = [
        [m for m in find_countries(s.text) if m.code in states] if i in worth else [] for i, s in enumerate(text.sentences)
    ]
    doc_date = dateline(text.norm) or reference_date
    doc_year = doc_date.year if doc_date else _dateline_year(text.norm)
    assembly = assemble(text, mentions, doc_year, gate)
    title_publisher = _title_publisher(document, states) if is_html else None
    return _build(assembly, doc_date, doc_year, title_publisher)


_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title", re.I | re.S)
_TITLE_PUBLISHER = re.compile(r"\b(?:Permanent Mission|Mission|Embassy|Ministry|Delegation)\b", re.I)


def _title_publisher(document: str, states: frozenset[str] | set[str]) -> str | None:
    """'Joint Statement ... | New Zealand Permanent Mission, Geneva': the page's publisher named
    only in its <title> (the site header is dropped with the navigation)."""
    from parsers.countries import find_countries

    match = _TITLE.search(document[:20000])
    if match is None:
        return None
    for part in re.split(r"\s+[|·–—-]\s+", match.group(1)):
        if not _TITLE_PUBLISHER.search(part):
            continue
        codes = {m.code for m in find_countries(part) if m.code in states and m.kind == "name"}
        if len(codes) == 1:
            return codes.pop()
    return None


def _reportable(c: Cluster) -> bool:
    # Guide: a statement is reported when the document gives its count, lead or a named signatory.
    return c.count is not None or c.lead is not None or bool(set(c.signatories) - set(c.withdrew))


_MONTH_YEAR = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<year>(?:19|20)\d\d)\b"
)


def _dateline_year(norm: str) -> int | None:
    """'GENEVA/DOHA (August 2019) - ...': a dateline without a day still gives the year, which
    'the letter, dated July 12' needs."""
    match = _MONTH_YEAR.search(norm[:400])
    return int(match.group("year")) if match else None


def _build(assembly: Assembly, doc_date: dt.date | None, doc_year: int | None = None,
           title_publisher: str | None = None) -> Extraction:
    text = assembly.text
    clusters = [c for c in assembly.clusters if _reportable(c)]
    norm = text.norm
    doc_forum = forum_in(norm[:3000]) or forum_in(norm)
    doc_topic = topic_in(norm)
    doc_session = session_in(norm, doc_forum)
    meeting_date = _meeting_date(norm) or _shared_date(assembly, doc_year)
    first_person = _FIRST_PERSON.search(norm) is not None
    stances: dict[int, Stance] = {}
    forums: dict[int, Forum | None] = {}
    publisher = title_publisher or _publisher(norm, assembly)
    statements: list[ExtractedStatement] = []
    changes: list[ExtractedChange] = []
    event_date: dt.date | None = None
    dates_by_index: dict[int, dt.date | None] = {}
    for c in clusters:
        if c.lead is None and first_person and publisher and c is clusters[0]:
            c.lead = publisher
        stance = _stance(c, assembly, stances)
        if stance is Stance.UNKNOWN and first_person and c is clusters[0]:
            stance = _body_stance(c, assembly, clusters)
        stances[c.index] = stance
        anchor_text = " ".join(text.sentences[i].text for i in c.anchors)
        context_text = " ".join(text.sentences[i].text for i in c.context)
        # The statement's own sentences first: a page about Xinjiang can report one on Afghanistan.
        if _speaker_turn(c, text):
            # A speaker's turn on a meetings-coverage page: its subject is its own paragraph's,
            # never the page's ("Speaking for CARICOM, Jamaica said ..." under "Right to Food").
            own = " ".join(text.sentences[i].text for i in c.context if text.sentences[i].block == text.sentences[c.anchors[0]].block)
            topic = (topic_in(anchor_text) or topic_in(own) or _subject_state(c, assembly)
                     or (doc_topic if _CHINA.search(own) else None) or _turn_subject(anchor_text) or "other")
        else:
            topic = (topic_in(anchor_text) or _subject_state(c, assembly) or topic_in(context_text)
                     or doc_topic or subject_slug(norm[:500]) or "xinjiang")
        forum = forum_in(anchor_text)
        if forum is None and _SAME_BODY.search(anchor_text) and c.previous is not None:
            forum = forums.get(c.previous.index)
        if forum is None:
            forum = Forum.OTHER if outside_un(anchor_text) and doc_forum is None else doc_forum
        forums[c.index] = forum
        shifted = bool(c.year and doc_date and c.year != doc_date.year)
        if shifted and event_date is not None and any(_SAME_DAY.match(text.sentences[f.sentence].text) for f in c.frames):
            shifted = False  # "Later that day, ...": the main event's day, whatever year a heading set
        date = _date(c, text, assembly.positions, doc_date, meeting_date, first_person, shifted, forum, event_date, doc_year)
        if date is None:
            date = _day_before(c, text, dates_by_index)
        dates_by_index[c.index] = date
        # The document's session is this statement's unless it is dated apart from the main event.
        apart = date is not None and event_date is not None and date != event_date
        session = session_in(anchor_text, forum) or (None if shifted or apart else doc_session)
        if date is not None and event_date is None and not shifted:
            event_date = date
        signatories = _signatories(c)
        complete = c.complete and not c.partial or (c.count is not None and len(signatories) == c.count)
        if c.count is not None and complete and len(signatories) < c.count * 0.8:
            complete = False
        if stance is Stance.UNKNOWN and c.lead is None and topic in ("xinjiang", "hong_kong", "tibet") and c is clusters[0]:
            # A co-signed letter with no deliverer ("We, the Permanent Representatives of the 26
            # States listed above, ..."): its own words are the page's, apart from other statements'.
            stance = _page_stance(c, assembly, clusters)
            stances[c.index] = stance
        statement = ExtractedStatement(
            topic=topic, stance=stance, lead=c.lead, forum=forum, session=session, date=date,
            stated_count=c.count, signatories=tuple(signatories), list_complete=complete,
            evidence=_evidence(c, text), signatory_evidence=_signatory_evidence(c, text, signatories),
        )
        statements.append(statement)
        changes.extend(_changes(c, statement, text))
    return Extraction(tuple(statements), tuple(changes))


_SPEAKER_TURN = re.compile(
    r"^(?:Also\s+)?Speaking\s+(?:for|on behalf of)\b[^.;]{3,120}?,\s*(?:the\s+)?[^.;]{0,60}?\bsaid\b"
    r"|^[^.;]{2,60}?,\s*speaking\s+(?:for|on behalf of)\b[^.;]{3,120}?,\s*said\b",
    re.I,
)
_CHINA = re.compile(r"\b(?:China|Chinese|Beijing)\b")
_TURN_SUBJECT = re.compile(r"\b(?:in|on|about|regarding|concerning)\s+(?:the\s+)?(?P<s>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})")


def _speaker_turn(c: Cluster, text: Text) -> bool:
    """Is the statement one speaker's reported turn ('Speaking on behalf of ..., X said that ...')?"""
    return bool(c.anchors) and _SPEAKER_TURN.search(text.sentences[c.anchors[0]].text) is not None


def _turn_subject(sentence: str) -> str | None:
    for match in _TURN_SUBJECT.finditer(sentence):
        words = match.group("s")
        if words.split()[0].lower() in {"behalf", "council", "committee", "assembly", "group"}:
            continue
        return re.sub(r"[^a-z0-9]+", "_", words.lower()).strip("_") or None
    return None


_SUBJECT_BEFORE = re.compile(r"\b(?:in|on|over|about|regarding|concerning|situation in|people of)\s+(?:the\s+)?$", re.I)


def _subject_state(c: Cluster, assembly: Assembly) -> str | None:
    """'... urging the Taliban to reopen schools to women and girls in Afghanistan': a statement
    about another state than China has that state as its topic, whatever the rest of the page is
    about. China itself is the subject of the Xinjiang statements (their topic comes from the page)."""
    for i in c.anchors:
        sentence = assembly.text.sentences[i].text
        for m in assembly.mentions[i]:
            if m.kind != "name" or m.code in ("CHN", c.lead) or m.code in c.signatories:
                continue
            if _SUBJECT_BEFORE.search(sentence[max(0, m.start - 20):m.start]):
                return re.sub(r"[^a-z0-9]+", "_", m.text.lower()).strip("_")
    return None


_PLURAL_STATEMENTS = re.compile(r"\b(?:both|the (?:two )?(?:texts|statements|letters)|exchange|rival statements)\b", re.I)


def _shared_date(assembly: Assembly, doc_year: int | None) -> dt.date | None:
    """'Both come from the texts as circulated in the room on 6 October 2020', said before any
    statement is named: the day of every statement the page then lists."""
    if not assembly.clusters or not assembly.clusters[0].anchors:
        return None
    for sentence in assembly.text.sentences[:assembly.clusters[0].anchors[0]]:
        if not _PLURAL_STATEMENTS.search(sentence.text):
            continue
        for offset, date, _ in dates_in(sentence.text, doc_year):
            if date is not None and _delivery_date(sentence.text, offset):
                return date
    return None


def _meeting_date(norm: str) -> dt.date | None:
    """The day of the meeting a UN press release covers: every statement in it was made then."""
    header = _MEETING_HEADER.search(norm[:2000])
    if header is None:
        # UN Geneva style: a date field or meta line of its own ("17 June 2026") above a report
        # of what the Council did "this afternoon".
        line = _DATE_LINE.search(norm[:1500])
        if line is None or not _MEETING_CUE.search(norm[:4000]):
            return None
        found = dates_in(line.group("date"), None)
        return next((date for _, date, has_year in found if date is not None and has_year), None)
    found = dates_in(header.group(1) or norm[header.end():header.end() + 200], None)
    return next((date for _, date, has_year in found if date is not None and has_year), None)


def _publisher(norm: str, assembly: Assembly) -> str | None:
    """The state whose mission or ministry publishes a first-person statement page."""
    for i, ms in enumerate(assembly.mentions):
        sentence = assembly.text.sentences[i].text
        for m in ms:
            if _PUBLISHER_BEFORE.search(sentence[max(0, m.start - 40):m.start]) or _PUBLISHER_AFTER.match(sentence[m.end:m.end + 30]):
                return m.code
    return None


def _body_stance(c: Cluster, assembly: Assembly, clusters: list[Cluster]) -> Stance:
    """A first-person statement page ('I deliver this statement on behalf of ...'): the text
    delivered after the opening is the statement's own words, up to the next statement named."""
    if not c.anchors:
        return Stance.UNKNOWN
    start = c.anchors[0]
    stop = min((o.anchors[0] for o in clusters if o is not c and o.anchors and o.anchors[0] > start),
               default=len(assembly.text.sentences))
    stop = min(stop, start + 15)
    score = sum(stance_score(assembly.text.sentences[i].text) for i in range(start + 1, stop))
    return stance_from(score, c.lead)


# "The Malian statement came a day after Lithuania ... read a statement", "A day earlier, X read".
_DAY_AFTER = re.compile(r"\b(?:came|was (?:delivered|read|made)|followed)\s+(?:a|one)\s+day\s+after\b", re.I)
_DAY_EARLIER = re.compile(r"^(?:A|One) day (?:earlier|before),", re.I)


def _day_before(c: Cluster, text: Text, dates: dict[int, dt.date | None]) -> dt.date | None:
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


def _page_stance(c: Cluster, assembly: Assembly, clusters: list[Cluster]) -> Stance:
    others = {i for o in clusters if o is not c for i in o.anchors}
    score = sum(stance_score(s.text) for i, s in enumerate(assembly.text.sentences) if i not in others)
    return stance_from(score, None)


def _stance(c: Cluster, assembly: Assembly, earlier: dict[int, Stance]) -> Stance:
    text = assembly.text
    score = cluster_score(c, assembly)
    if score == 0 and c.compared_to is not None and c.compared_to.index in earlier:
        return earlier[c.compared_to.index]
    if score == 0 and cluster_is_reply(c, text) and c.previous is not None and c.previous.index in earlier:
        answered = c.previous
        if c.year and answered.year != c.year:
            # "Last year the counter-statement was delivered by ...": it answered last year's
            # statement, not the one just discussed.
            same_year = [o for o in assembly.clusters if o.index < c.index and o.year == c.year and o.index in earlier]
            if same_year:
                answered = same_year[-1]
        return opposite(earlier[answered.index])
    return stance_from(score, c.lead)


def _date(c: Cluster, text: Text, positions: dict[int, list[tuple[int, int]]], doc_date: dt.date | None, meeting_date: dt.date | None,
          first_person: bool, shifted: bool, forum: Forum | None, event_date: dt.date | None,
          doc_year: int | None = None) -> dt.date | None:
    year = c.year or (doc_date.year if doc_date else doc_year)
    for frame in c.frames:
        sentence = text.sentences[frame.sentence].text
        for offset, date, _ in dates_in(sentence, year):
            if date is not None and _delivery_date(sentence, offset) and _closest(positions, frame, offset):
                return date
    if event_date is not None and any(_SAME_DAY.match(text.sentences[f.sentence].text) for f in c.frames):
        return event_date  # "Later that day, Belarus read ...": the day just stated
    for frame in c.frames:
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
    if event_date is not None and forum in (Forum.UNGA_C3, Forum.UNGA):
        return event_date
    if event_date is not None and any(_SAME_SCENE.search(text.sentences[f.sentence].text) for f in c.frames):
        return event_date
    return None


_SAME_DAY = re.compile(r"^(?:(?:And|Then|But),?\s+)?(?:later (?:that|the same) day|(?:that|the) same (?:day|afternoon|morning|evening)|on the same day|earlier that day|that (?:afternoon|evening|morning)|(?:at|during|in) the same (?:meeting|sitting|debate))\b", re.I)
_NOT_DELIVERY = re.compile(r"(?:\bas of|\bby|\buntil|\bsince|\bupdated|\bposted|\bpublished)\s+$", re.I)
_TIMESTAMP = re.compile(r"[^.\n]{4,20}?\b\d{1,2}:\d{2}(?::\d{2})?\b")
_WEEKDAY_ABBR = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*$")
_DATELINE_AFTER = re.compile(r"^[^.]{0,25}?\s(?:-|--|—|–)\s")
_REPORTING = re.compile(r"\b(?:said|told reporters|announced|reported|showed)\s+(?:on|late on)\s+\w+day\b", re.I)


def _delivery_date(sentence: str, offset: int) -> bool:
    """A date that dates the statement, not the story ('Oct 30, 2019 - ...'), a feed timestamp
    ('Thu, 16 Oct 2031 18:02:00 GMT') or a list ('as of')."""
    if _NOT_DELIVERY.search(sentence[max(0, offset - 12):offset]):
        return False
    if _TIMESTAMP.match(sentence, offset) or _WEEKDAY_ABBR.search(sentence[max(0, offset - 6):offset]):
        return False
    return _DATELINE_AFTER.match(sentence[offset:offset + 30]) is None or offset > 40


def _without_reporting(sentence: str) -> str:
    return _REPORTING.sub(" ", sentence)


def _closest(positions: dict[int, list[tuple[int, int]]], frame, offset: int) -> bool:  # type: ignore[no-untyped-def]
    """Is this frame the statement mention nearest to the date in its sentence?"""
    here = positions.get(frame.sentence, [])
    mine = abs(offset - frame.position)
    return all(abs(offset - p) >= mine for p, _ in here)


def _signatories(c: Cluster) -> list[str]:
    out: list[str] = []
    if c.lead:
        out.append(c.lead)
    for code in c.signatories:
        if code not in out and code not in c.withdrew:
            out.append(code)
    return out


def _evidence(c: Cluster, text: Text) -> str:
    pieces = []
    for i in sorted(set(c.anchors[:2] + c.list_sentences[:1])):
        s = text.sentences[i]
        pieces.append(text.verbatim(s.start, s.end))
    return " ... ".join(pieces)


def _signatory_evidence(c: Cluster, text: Text, codes: list[str]) -> dict[str, str]:
    out = {}
    for code in codes:
        i = c.signatories.get(code, c.anchors[0] if c.anchors else None)
        if i is not None:
            s = text.sentences[i]
            out[code] = text.verbatim(s.start, s.end)
    return out


def _changes(c: Cluster, statement: ExtractedStatement, text: Text) -> list[ExtractedChange]:
    ref = StatementRef(statement.topic, statement.stance, statement.lead, statement.forum, statement.session, statement.date)
    out = []
    joined = dict(c.joined)
    if c.star_legend is not None:
        for code in c.starred:
            joined.setdefault(code, c.star_legend)
    for code, i in joined.items():
        s = text.sentences[i]
        out.append(ExtractedChange(code, Action.JOINED, ref, text.verbatim(s.start, s.end)))
    for code, i in c.withdrew.items():
        s = text.sentences[i]
        out.append(ExtractedChange(code, Action.WITHDREW, ref, text.verbatim(s.start, s.end)))
    return out
