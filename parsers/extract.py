"""extract(): a document (HTML or text) to the statements and changes it reports."""
from __future__ import annotations

import datetime as dt
import html
import re

from parsers.candidates import candidates
from parsers.clusters import Assembly, Cluster
from parsers.dates import MONTH_NAME, dateline
from parsers.errors import DocumentTooLarge
from parsers.forums import first_forum, forum_in, outside_un, session_in
from parsers.leads import Mention
from parsers.markup import looks_like_html, main_text
from parsers.statement_dates import day_before, meeting_date, said_same_day, shared_date, statement_date
from parsers.statement_stance import body_stance, page_stance, statement_stance
from parsers.statement_topics import statement_topic
from parsers.statements import assemble
from parsers.text import Text
from parsers.topics import topic_in
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
_OBSERVERS = frozenset({"VAT", "PSE"})
_SAME_BODY = re.compile(r"\bthe same (?:body|committee|council|forum|session|meeting)\b", re.I)
_THE_COUNCIL = re.compile(r"\b(?:at|in|to|before) the council\b")
_HRC_NAMED = re.compile(r"\bHuman Rights Council\b|\bUN rights council\b", re.I)
_PUBLISHER_BEFORE = re.compile(r"\b(?:Permanent Mission|Mission|Embassy|Ministry of Foreign Affairs|Delegation|Government) of (?:the )?$")
_PUBLISHER_AFTER = re.compile(r"^\s+(?:Permanent Representative|Mission to|Permanent Mission)\b")


def extract(document: str, *, reference_date: dt.date | None = None) -> Extraction:
    if len(document) > MAX_DOCUMENT_CHARS:
        raise DocumentTooLarge(len(document), MAX_DOCUMENT_CHARS)
    is_html = looks_like_html(document)
    body = main_text(document) if is_html else _unescaped(document)
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


_CHINA_TOPICS = frozenset({"xinjiang", "hong_kong", "tibet"})
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
_ESCAPED_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


def _unescaped(text: str) -> str:
    """An RSS summary copied with its HTML still escaped ('T&uuml;rkiye', '&lt;p&gt;'): the text
    a feed reader shows. Entities escaped twice ('&amp;amp;') are decoded twice."""
    if len(_ENTITY.findall(text, 0, 200_000)) < 3:
        return text
    for _ in range(2):
        text = html.unescape(text)
    return _ESCAPED_TAG.sub(" ", text)


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


def _reportable(c: Cluster, text: Text) -> bool:
    # Guide: a statement is reported when the document gives its count, lead or a named signatory.
    if c.lead is None and not c.signatories:
        # "The full list of 141 signatories", after "118 organisations and 23 companies have signed
        # a joint statement": nobody says a state signed it.
        context = " ".join(text.sentences[i].text for i in c.context[:3] + c.anchors[:3])
        if _NON_STATE_SIGNERS.search(context) or _NON_STATE_SIGNERS.search(text.norm[:1500]):
            return False
    return c.count is not None or c.lead is not None or bool(set(c.signatories) - set(c.withdrew))


_NON_STATE_SIGNERS = re.compile(
    r"\b(?:organi[sz]ations|companies|NGOs|civil society|trade unions|investors|brands|firms|universities|retailers|businesses)\b"
    r"[^.;]{0,160}\b(?:signed|joined|issued|backed|released|published|put their names)\b",
    re.I,
)


_MONTH_YEAR = re.compile(
    r"\b" + MONTH_NAME + r"\s+(?P<year>(?:19|20)\d\d)\b"
)


def _dateline_year(norm: str) -> int | None:
    """'GENEVA/DOHA (August 2019) - ...': a dateline without a day still gives the year, which
    'the letter, dated July 12' needs."""
    match = _MONTH_YEAR.search(norm[:400])
    return int(match.group("year")) if match else None


def _build(assembly: Assembly, doc_date: dt.date | None, doc_year: int | None = None,
           title_publisher: str | None = None) -> Extraction:
    text = assembly.text
    clusters = [c for c in assembly.clusters if _reportable(c, text)]
    norm = text.norm
    doc_forum = first_forum(norm[:3000]) or forum_in(norm)
    doc_topic = topic_in(norm)
    doc_session = session_in(norm, doc_forum)
    meeting = meeting_date(norm) or shared_date(assembly, doc_year, doc_date)
    first_person = _FIRST_PERSON.search(norm) is not None
    stances: dict[int, Stance] = {}
    forums: dict[int, Forum | None] = {}
    publisher = title_publisher or _publisher(norm, assembly)
    statements: list[ExtractedStatement] = []
    changes: list[ExtractedChange] = []
    event_date: dt.date | None = None
    event_forum: Forum | None = None
    dates_by_index: dict[int, dt.date | None] = {}
    for c in clusters:
        if c.lead is None and first_person and publisher and c is clusters[0]:
            c.lead = publisher
        stance = statement_stance(c, assembly, stances)
        if stance is Stance.UNKNOWN and first_person and c is clusters[0]:
            stance = body_stance(c, assembly, clusters)
        stances[c.index] = stance
        anchor_text = " ".join(text.sentences[i].text for i in c.anchors)
        topic = statement_topic(c, assembly, doc_topic)
        forum = forums[c.index] = _statement_forum(c, anchor_text, forums, norm, doc_forum)
        shifted = bool(c.year and doc_date and c.year != doc_date.year)
        if shifted and event_date is not None and said_same_day(c, text):
            shifted = False  # "Later that day, ...": the main event's day, whatever year a heading set
        event = (event_date, event_forum) if event_date is not None else None
        date = statement_date(c, text, assembly.positions, doc_date, meeting, first_person, shifted, forum, event, doc_year)
        if date is None:
            date = day_before(c, text, dates_by_index)
        dates_by_index[c.index] = date
        # The document's session is this statement's unless it is dated apart from the main event.
        apart = date is not None and event_date is not None and date != event_date
        session = session_in(anchor_text, forum) or (None if shifted or apart else doc_session)
        if date is not None and event_date is None and not shifted:
            event_date, event_forum = date, forum
        signatories = _signatories(c)
        complete = _list_complete(c, signatories)
        if stance is Stance.UNKNOWN and c.lead is None and topic in _CHINA_TOPICS and c is clusters[0]:
            # A co-signed letter with no deliverer ("We, the Permanent Representatives of the 26
            # States listed above, ..."): its own words are the page's, apart from other statements'.
            stance = page_stance(c, assembly, clusters)
            stances[c.index] = stance
        if topic not in _CHINA_TOPICS:
            stance = Stance.UNKNOWN  # the guide: a statement not about China has no stance toward it
        statement = ExtractedStatement(
            topic=topic, stance=stance, lead=c.lead, forum=forum, session=session, date=date,
            stated_count=c.count, signatories=tuple(signatories), list_complete=complete,
            evidence=_evidence(c, text), signatory_evidence=_signatory_evidence(c, text, signatories),
        )
        statements.append(statement)
        changes.extend(_changes(c, statement, text))
    return Extraction(tuple(statements), tuple(changes))


def _statement_forum(c: Cluster, anchor_text: str, forums: dict[int, Forum | None], norm: str,
                     doc_forum: Forum | None) -> Forum | None:
    """The forum the statement's own sentences name, else the one its context implies."""
    forum = forum_in(anchor_text)
    if forum is None and _SAME_BODY.search(anchor_text) and c.previous is not None:
        forum = forums.get(c.previous.index)
    if forum is None and _THE_COUNCIL.search(anchor_text) and _HRC_NAMED.search(norm):
        forum = Forum.HRC  # "a Swiss-led text at the council in 2027", in a story about the HRC
    if forum is None:
        forum = Forum.OTHER if outside_un(anchor_text) and doc_forum is None else doc_forum
    return forum


def _list_complete(c: Cluster, signatories: list[str]) -> bool:
    complete = c.complete and not c.partial or (c.count is not None and len(signatories) == c.count)
    # A "complete" list far short of the stated size is a list cut off somewhere.
    return not (c.count is not None and complete and len(signatories) < c.count * 0.8) and complete


def _publisher(norm: str, assembly: Assembly) -> str | None:
    """The state whose mission or ministry publishes a first-person statement page."""
    for i, ms in enumerate(assembly.mentions):
        sentence = assembly.text.sentences[i].text
        for m in ms:
            if _PUBLISHER_BEFORE.search(sentence[max(0, m.start - 40):m.start]) or _PUBLISHER_AFTER.match(sentence[m.end:m.end + 30]):
                return m.code
    return None


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
