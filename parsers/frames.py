"""One sentence's view of the statements it mentions: count, lead, year, position.

A frame is what one sentence says about one statement; statements.py merges frames that
describe the same statement. A sentence yields a frame only when it speaks of a joint act
(statement/letter vocabulary or a group of countries doing something together), never for
votes, resolutions or sanctions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.counts import CountPhrase, count_phrases, group_phrase
from parsers.dates import dates_in
from parsers.leads import LeadHit, Mention, find_leads
from parsers.numbers import parse_number

_VOCAB = re.compile(
    r"\b(?:statements?|letters?|counter-?statements?|counter-?letters?|texts?|declarations?|signed|signatur\w+|"
    r"signator\w+|co-sign\w*|on behalf of|spoke for|speaking for|backed|backers|supported by|rebuke|"
    r"replied|reply|responded|answered|joint|-led|led by|-read|-delivered|-presented|(?:states|countries)\s+listed\s+(?:above|below)|"
    r"delivered by|read out by|read by|presented by|(?:the|its|their) list|number of (?:\w+ )?(?:signatories|states|countries|supporters|backers)|tally|the total|took the lead|"
    r"spoke (?:at|in|before) [^.;]{0,40}?for)\b",
    re.I,
)
_COLLECTIVE = re.compile(
    r"\b(?:told|urged|called on|voiced|accused|expressed|praised|defended|condemned|criticis\w+|criticiz\w+|"
    r"denounced|rebuked|pressed|presses|applauded|commended|wrote|backed|supported|praises|spar|clash\w*)\b",
    re.I,
)
_JOINT = re.compile(
    r"\b(?:joint|on behalf of|group|signed|signator\w+|co-sign\w*|backed|backers|counter-?statement|counter-?letter|"
    r"rival|spoke for|speaking for|withdr(?:ew|awn) (?:its (?:name|signature) )?from)\b|-(?:led|read|delivered|presented)\b",
    re.I,
)
_TREATY_PARTIES = re.compile(
    r"\b(?:signator\w+|co-signator\w+|signed|signing|parties)\s+(?:of|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:agreements?|accords?|treat(?:y|ies)|conventions?|covenants?|protocols?|charters?)\b",
    re.I,
)
_VOTE = re.compile(r"\b(?:vot(?:e|es|ed|ing)|abstain\w*|abstentions?|resolution|draft decision|motion|sanction\w*)\b", re.I)
# "The draft resolution was presented by Poland on behalf of the EU and sponsored by 42
# countries": the sponsors of a resolution, not the signers of a statement.
_RESOLUTION_ACT = re.compile(
    r"\b(?:draft (?:resolution|decision)|resolution|the draft|the text of the resolution)\s+(?:was\s+|were\s+|is\s+)?"
    r"(?:\w+\s+){0,2}?(?:presented|introduced|tabled|sponsored|co-sponsored|submitted|adopted)\b",
    re.I,
)
_NO_STATEMENT = re.compile(
    r"^(?:(?:But|However|Yet|And),?\s+)?(?:No|Not a single|Not one)\s+(?:other\s+)?(?:country|state|government|delegation|group|member)s?\b[^.;]{0,40}?"
    r"\b(?:delivered|read|made|presented|issued|signed|co-signed|offered|tabled)\b",
    re.I,
)
_COMPARISON = re.compile(r"\b(?:up from|down from|compared (?:with|to)|rose from|grew from|more than the|from)\s+(?:the\s+)?$", re.I)
_MAYBE_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b", re.I)
_COMPARISON_HINT = re.compile(r"\b(?:last year|a year (?:earlier|ago)|previous year)\b", re.I)
_STRONG_VOCAB = re.compile(r"\b(?:statement|letter|on behalf of)\b", re.I)
_BACK_REFERENCE = re.compile(
    r"^(?:(?:But|And|However|Meanwhile),?\s+)?(?:The|This|That|Its|Their)\s+(?:original\s+|joint\s+|same\s+|first\s+|new\s+|group\s+)?"
    r"(?:statement|letter|text|group)\b|^(?:It|They)\s+(?:was|were|had|has|have|urged|said|called|praised|expressed|also|cited|commends|describes)\b",
)
_YEAR_CONTEXT = re.compile(
    r"^(?:(?:In|By|Since|During|Until)\s+(?:\w+\s+)?(?P<year>(?:19|20)\d\d)\b|(?P<later>A year later|The (?:following|next) year)\b|"
    r"(?P<n>Two|Three|Four|Five|2|3|4|5) years later\b|"
    r"(?P<this>This year)\b|(?P<last>Last year)\b)",
    re.I,
)
_LOCAL_YEAR = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\b|(?P<last>last year'?s?|a year (?:earlier|ago|before)|the previous year|the year before)|(?P<this>this year'?s?)|"
    r"\b(?P<ago>two|three|four|five|\d) years (?:earlier|ago|before)\b",
    re.I,
)


@dataclass(slots=True)
class Frame:
    sentence: int
    position: int  # where in the sentence the statement is named
    lead: str | None = None
    lead_strong: bool = False
    lead_position: int = -1
    count: int | None = None
    count_kind: str = ""
    vague_floor: int | None = None
    year: int | None = None
    joint: bool = False
    back_reference: bool = False
    speaker: bool = False  # "The representative of China said that the statement ...": a speaker, not a deliverer
    comparison: bool = False  # "up from the 22", "compared with the 23 of last year": same camp
    group: bool = False  # "on behalf of a group of countries": joint, number unstated
    definite: bool = False  # "signed the letter of 12 July 2019": a statement named by its date
    numbers: tuple[int, ...] = ()  # other numbers in the sentence (what a comparison refers to)
    refers_back: bool = False  # "The statement was read ... on behalf of 47": the statement under discussion
    rival: bool = False  # "a counter-statement followed": another statement than the one before
    first_person: bool = False  # "I have the honour to speak on behalf of 56 countries": the page's own statement


def no_statement(text: str) -> bool:
    """'No country delivered a counter-statement on behalf of China': names a statement not made."""
    return _NO_STATEMENT.search(text) is not None


def sentence_frames(text: str, mentions: list[Mention], year_context: int | None, doc_year: int | None) -> list[Frame]:
    """The frames one sentence yields, left to right."""
    if _NO_STATEMENT.search(text):
        return []  # "No country delivered a counter-statement ...": a statement that was not made
    if not mentions and _GENERIC_STATEMENT.match(text):
        return []  # "A statement backed by 40 states that leads somewhere is worth more ...": no real one
    if _GENERIC_PLURAL.search(text) or _FUTURE_STATEMENT.search(text):
        return []  # "Support for such statements has hovered around 40", "a counter-statement is expected"
    # "signatories of the peace agreement": parties to a treaty, not to a joint statement.
    cues = _TREATY_PARTIES.sub(" ", text) if "agree" in text or "treat" in text or "accord" in text or "conven" in text else text
    vocab = _VOCAB.search(cues) is not None
    eligible = vocab or _COLLECTIVE.search(text) is not None or _PERMANENT_REPRESENTATIVE.search(text) is not None
    if _VOTE.search(text) and not _STRONG_VOCAB.search(text) or _RESOLUTION_ACT.search(text):
        eligible = False
    # Most sentences of a long page hold no number at all: skip the count recognisers there.
    maybe = _MAYBE_NUMBER.search(text) is not None and (eligible or _COMPARISON_HINT.search(text) is not None)
    all_phrases = count_phrases(text) if maybe else []
    if any(p.kind == "comparison" for p in all_phrases):
        eligible = True
    phrases = [p for p in all_phrases if p.kind != "prior"] if eligible else []
    leads = find_leads(text, mentions) if eligible else []
    joint = _JOINT.search(cues) is not None
    frames = _count_frames(phrases, leads, vocab, text)
    used = {f.lead_position for f in frames}
    for hit in leads:
        if hit.start not in used and (vocab or (eligible and hit.strong)) and not any(f.lead == hit.code for f in frames):
            frames.append(Frame(0, hit.start, hit.code, hit.strong, hit.start))
    first_person = _FIRST_PERSON_BEHALF.search(text) is not None
    speaker = _SPEAKER_SAID.match(text)
    for frame in frames:
        frame.first_person = first_person
        frame.speaker = frame.count is None and frame.vague_floor is None and (
            (speaker is not None and frame.lead_position == speaker.start("who" if speaker.group("who") else "who2"))
            or "right of reply" in text)
        frame.joint = joint or frame.count is not None or frame.vague_floor is not None
        frame.year = _year_near(text, frame.position, year_context, doc_year)
        frame.comparison = _COMPARISON.search(text[max(0, frame.position - 40):frame.position]) is not None
    group = group_phrase(text)
    if group and not any(f.count is not None or f.vague_floor is not None for f in frames):
        lead = next((f for f in frames if f.lead), None)
        if lead is not None:
            lead.group = lead.joint = True
        else:
            frames.append(Frame(0, group.start(), group=True, joint=True, year=year_context))
    definite = _DEFINITE.search(text)
    if definite and not frames and dates_in(definite.group("date"), doc_year):
        frames.append(Frame(0, definite.start(), definite=True, joint=True, year=year_context))
    rival = _NEW_RIVAL.search(text)
    if rival and not frames:
        # "As usual, a counter-statement followed. ... It was read by Nicaragua.": a statement
        # introduced before it is named; reported only if a later sentence names it.
        frames.append(Frame(0, rival.start(), definite=True, joint=True, rival=True, year=year_context))
    letter = _LETTER_FROM.search(text)
    if letter is not None:
        # "Letter dated 3 July 2028 from the Permanent Representatives of A, B, ... and C": a letter
        # co-signed by the states listed, delivered by none of them.
        frames = [f for f in frames if f.count is not None or f.vague_floor is not None]
        frames.append(Frame(0, letter.start(), definite=True, joint=True, year=_year_near(text, letter.start(), year_context, doc_year)))
    joint_by = _JOINT_BY.search(text)
    if joint_by and not frames:
        frames.append(Frame(0, joint_by.start(), definite=True, joint=True, year=year_context))
    back = _BACK_REFERENCE.search(text)
    if back and not any(f.position < 25 for f in frames):
        if not _same_as_back_reference(text, back.end(), frames):
            frames.append(Frame(0, 0, back_reference=True, year=None))
        else:
            for frame in frames:  # "The statement was read by Denmark on behalf of 47": the one just discussed
                frame.refers_back = True
    if frames:
        numbers = tuple(p.value for p in all_phrases if p.value is not None) + _bare_numbers(text)
        for frame in frames:
            frame.numbers = numbers
    return sorted(frames, key=lambda f: f.position)


# A national speaker reacting to a statement: "The representative of China said that the statement
# was full of lies", "Eritrea's delegate said that the group statement delivered by Belgium ...".
_SPEAKER_SAID = re.compile(
    r"^(?:(?:The|A) (?:representative|delegate) of (?:the )?(?P<who>[A-Z][^,;]{1,50}?)|(?P<who2>[A-Z][\w' -]{1,40}?)'s (?:delegate|representative))"
    r"(?:,\s*(?:taking the floor|speaking|responding|replying)[^,;]{0,40},)?,? (?:said|added|stated|noted|replied|responded|asked|rejected|stressed|expressed)\b(?![^.;]{0,60}\bon behalf of\b)"
)
# A statement page's header line: "Ambassador X, Deputy Permanent Representative of Australia".
_PERMANENT_REPRESENTATIVE = re.compile(r"\bPermanent Representative of\b")
_GENERIC_STATEMENT = re.compile(
    r"^(?:(?:But|And|Yet),?\s+)?(?:A|An|Any|One)\s+(?:joint\s+)?(?:statement|letter|text)\b[^.;]*\b(?:is worth|are worth|would|could|should|might|can)\b", re.I
)
_GENERIC_PLURAL = re.compile(r"\b(?:such|these|similar|those|the annual|past) (?:joint )?(?:statements|texts|letters)\b(?! (?:of|by|from|read|delivered|led))", re.I)
_FUTURE_STATEMENT = re.compile(
    r"\b(?:expects?|expected|is due to|are due to|plans? to|intends? to|will (?:deliver|read|present)|would (?:deliver|read|present))\b[^.;]{0,60}?"
    r"\b(?:statement|counter-statement|text|letter)\b",
    re.I,
)
_NEW_RIVAL = re.compile(r"\b(?:a|another)\s+(?:counter-?statement|counter-?letter|rival (?:statement|text|letter))\s+(?:followed|came|was (?:read|delivered))\b", re.I)
_FIRST_PERSON_BEHALF = re.compile(
    r"\bI (?:have the hono(?:u)?r to (?:speak|deliver|make|read)|am (?:speaking|delivering|making|reading)|speak|deliver|make|read)\b[^.]{0,80}?\bon behalf of\b"
)


_OTHER_STATEMENT = re.compile(
    r"\b(?:letter|statement|text|after|before|response|reply|contrast|counter|unlike|than|earlier|following|while|whereas)\b", re.I
)


def _same_as_back_reference(text: str, back_end: int, frames: list[Frame]) -> bool:
    """'The letter, dated 8 July 2019, was signed by 22 states': one statement, not two;
    'The letter was a response to the letter ... signed by 22 states': two."""
    numbered = [f for f in frames if f.count is not None or f.vague_floor is not None]
    if not numbered:
        return False
    return _OTHER_STATEMENT.search(text, back_end, numbered[0].position) is None


_LETTER_FROM = re.compile(
    r"\b(?:joint |identical )?letters? dated\s+[^,;()]{4,30}?\s+from the (?:Permanent |Deputy Permanent |Chargés? d'affaires a\.i\. and )?Representatives\s+of\b",
    re.I,
)
# "Joint statement by the foreign ministers of A, B and C": a joint act named by its authors.
_JOINT_BY = re.compile(
    r"\bjoint (?:statement|letter|declaration)s? (?:by|of|from) (?:the )?(?:\w+ )?(?:ministers|leaders|governments|ambassadors|heads)\b|"
    r"\b(?:statement|text) (?:was )?(?:released|issued) (?:jointly )?by the (?:\w+ )?(?:ministers|leaders|governments)\b",
    re.I,
)
_DEFINITE = re.compile(
    r"\b(?:signed|delivered|read|co-signed|circulated|sent)\s+(?:the|a|this)\s+(?:joint\s+)?(?:letter|statement)\s+"
    r"(?:of|dated|on)\s+(?P<date>[^,;()]{4,30})",
    re.I,
)
_BARE_NUMBER = re.compile(r"\b(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b", re.I)


def _bare_numbers(text: str) -> tuple[int, ...]:
    from parsers.numbers import parse_number

    return tuple(n for n in (parse_number(m.group()) for m in _BARE_NUMBER.finditer(text)) if n)


def _count_frames(phrases: list[CountPhrase], leads: list[LeadHit], vocab: bool, text: str) -> list[Frame]:
    frames: list[Frame] = []
    free = list(leads)
    seen: set[int] = set()
    for phrase in phrases:
        if phrase.value is None and not vocab:
            continue
        if phrase.value is not None and phrase.value in seen:
            continue
        if phrase.value is not None:
            seen.add(phrase.value)
        if phrase.value is not None and phrase.value < 5:  # "two countries with large Muslim populations"
            continue
        frame = Frame(0, phrase.start, count=phrase.value, count_kind=phrase.kind, vague_floor=phrase.floor)
        hit = _nearest(free, phrase, text)
        if hit is not None:
            free.remove(hit)
            frame.lead, frame.lead_strong, frame.lead_position = hit.code, hit.strong, hit.start
        frames.append(frame)
    return frames


# "..., one fewer than the 56 that backed New Zealand's text": a comparison opens another statement.
_THAN_ANOTHER = r"\bthan\s+(?:the|a|an|that|those|its|their|last)\b"
_CLAUSE_BREAK = re.compile(rf";|,\s*(?:while|whereas|and|but)\b|\bwhile\b|\bwhereas\b|{_THAN_ANOTHER}", re.I)
_COMPARISON_BETWEEN = re.compile(rf"{_THAN_ANOTHER}|\b(?:up|down) from\b|\bcompared (?:with|to)\b", re.I)


def _nearest(leads: list[LeadHit], phrase: CountPhrase, text: str = "") -> LeadHit | None:
    """The lead a count belongs to: the nearest in its clause, a lead before it preferred."""
    best: tuple[int, LeadHit] | None = None
    strong_before = any(h.strong and h.start < phrase.start for h in leads)
    for hit in leads:
        if hit.start < phrase.start:
            distance = phrase.start - hit.start
            between = text[hit.start:phrase.start]
        else:
            distance = hit.start - phrase.end + 40
            between = text[phrase.end:hit.start]
        if _CLAUSE_BREAK.search(between):
            distance += 200
        if not hit.strong and strong_before and hit.start < phrase.start:
            distance += 100  # "read by Pakistan ... as the Danish statement, on behalf of 80": the deliverer
        if distance > 200:
            continue
        if best is None or distance < best[0]:
            best = (distance, hit)
    return None if best is None else best[1]


_NAMES_STATEMENT = re.compile(r"\s+(?:joint\s+|critical\s+|supportive\s+|rival\s+)?(?:statement|letter|text|counter-statement)\b", re.I)
_FIGURE_AFTER = re.compile(r"\s+(?:total|tally|figure|number|count)\b", re.I)
_COMPARED_YEAR = re.compile(r"\b(?:than|compared (?:with|to)|against)\s+$", re.I)


def _year_near(text: str, position: int, year_context: int | None, doc_year: int | None) -> int | None:
    best: tuple[int, int] | None = None
    for match in _LOCAL_YEAR.finditer(text):
        if _COMPARED_YEAR.search(text[max(0, match.start() - 20):match.start()]):
            continue  # "three more than this year": the year compared with, not the statement's
        if match.start() > position and _FIGURE_AFTER.match(text, match.end()):
            continue  # "drew 47 signatures, so this year's total marks an increase": another figure
        lo, hi = sorted((position, match.start()))
        if _COMPARISON_BETWEEN.search(text, lo, hi):
            continue  # "55, one fewer than the 56 that backed ... in October 2034": the other one's year
        if match.group("year"):
            year = int(match.group("year"))
        elif doc_year is None:
            continue
        elif match.group("ago"):
            year = doc_year - (parse_number(match.group("ago")) or 0)
        else:
            year = doc_year - 1 if match.group("last") else doc_year
        distance = abs(match.start() - position)
        if _NAMES_STATEMENT.match(text, match.end()):
            distance //= 4  # "the 2033 statement read by Canada": the year is the statement's own
        if distance <= 120 and (best is None or distance < best[0]):
            best = (distance, year)
    return best[1] if best else year_context


def next_year_context(text: str, year_context: int | None, doc_year: int | None) -> int | None:
    """The year a narrative sets at a sentence start ("In 2021", "A year later", "This year")."""
    match = _YEAR_CONTEXT.search(text)
    if match is None:
        return year_context
    if match.group("year"):
        return int(match.group("year"))
    if match.group("later"):
        return None if year_context is None else year_context + 1
    if match.group("n"):
        return None if year_context is None else year_context + (parse_number(match.group("n")) or 0)
    if match.group("this"):
        return doc_year
    return None if doc_year is None else doc_year - 1


_TABLE_HEADING = re.compile(r"^\s*Year\s*\|.*\|", re.I)
_YEAR_CELL = re.compile(r"^\s*((?:19|20)\d\d)\s*$")


def table_columns(text: str) -> list[str] | None:
    """'Year | Lead | Forum | Signatories (count)': a table with one statement per row."""
    if not _TABLE_HEADING.match(text):
        return None
    columns = [c.strip().lower() for c in text.split("|")]
    if not any(re.search(r"\b(?:lead|led by|delivered by|read by)\b", c) for c in columns):
        return None
    return columns


def table_row_frame(text: str, columns: list[str], mentions: list[Mention]) -> Frame | None:
    """One row of such a table: '2035 | Norway | UN General Assembly, Third Committee | 46'."""
    cells = text.split("|")
    if len(cells) != len(columns) or not _YEAR_CELL.match(cells[0]):
        return None
    frame = Frame(0, 0, year=int(cells[0]), joint=True)
    offset = 0
    for name, cell in zip(columns, cells):
        if re.search(r"\b(?:lead|led by|delivered by|read by)\b", name):
            lead = next((m for m in mentions if m.kind == "name" and offset <= m.start < offset + len(cell)), None)
            if lead is not None:
                frame.lead, frame.lead_strong, frame.lead_position, frame.position = lead.code, True, lead.start, lead.start
        elif re.search(r"signator|count|number|backers|states|countries", name):
            frame.count = parse_number(cell.strip())
            frame.count_kind = "plain"
        offset += len(cell) + 1
    return frame if frame.lead or frame.count else None
