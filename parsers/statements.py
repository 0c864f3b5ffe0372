"""Merge what sentences say about statements into one record per distinct statement.

Walks the sentences once, left to right, keeping a "current" statement the way a reader does
("The statement was delivered by...", "Its backers included..."). A frame joins an earlier
statement when lead, count, year and camp agree; signatory lists join the statement their
sentence names, or else the current one.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from parsers.clusters import Assembly, Cluster, add_list, list_target, merge, place
from parsers.frames import Frame, next_year_context, no_statement, sentence_frames, table_columns, table_row_frame
from parsers.leads import Mention
from parsers.lists import GROUP_HEADING, attach_block, is_country_line
from parsers.signatories import ListHit, classify, is_bare_list
from parsers.stance import stance_from
from parsers.types import Stance
from parsers.text import Sentence, Text


_STAR_LEGEND = re.compile(r"(?:^|\s)\*\s*(?:[\w ]{0,30}?\b)?(?:added|joined|signed|late|subsequently|adhered|after)|marked with an asterisk|asterisk\w* (?:mark|denote|indicate)", re.I)
_BOTH = re.compile(r"^[\s,]*(?:(?:have|had|has)\s+)?(?:all\s+)?(?:signed|backed|joined|co-signed|endorsed)\s+both\s+(?:texts|statements|letters)\b", re.I)
# "for the first time", "returned after a gap", "signed again": names on this year's statement.
_FIRST_TIME = re.compile(
    r"\bfor the first time\b|\b(?:signed|joined|backed|co-signed) (?:again|once (?:again|more)|anew)\b|"
    r"\b(?:returned|came back|rejoined|re-joined) (?:after|to (?:the|this) (?:list|text|statement|letter|fold))\b",
    re.I,
)
_DAY_AFTER_LIST = re.compile(
    r"\s+(?:\w+\s+){1,6}?(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|the (?:next )?day after|later|since|this week|the following (?:day|week))\b"
)
_NOT_REPORTED = Cluster(-1)  # the list names signers of a statement the page does not report
_NEGATIVE_VERDICT = re.compile(r"[^.;]{0,40}?\b(?:not|missing|absent|stayed|declined|refused|no longer|dropped)\b", re.I)
_LAST_YEARS_TEXT = re.compile(
    r"\s*,?\s*(?:(?:have|had|has)\s+)?(?:both\s+|all\s+|also\s+)?(?:backed|signed|joined|supported|co-signed|endorsed)\s+last\s+year'?s\s+"
    r"(?:joint\s+)?(?:text|statement|letter)\b",
    re.I,
)
_PRONOUN_START = re.compile(r"^(?:It|They|Its|Their)\b")
_IT_SUBJECT = re.compile(r"^(?:It|Its|They|Their|This list|The list)\b")
_SPEAKERS_LIST = re.compile(r"^(?:Speaking|Taking the floor|Also speaking)\s+(?:in|during|at)\s+the\s+[^.;]{0,60}?\b(?:were|was)\b", re.I)
_RELATIVE_YEAR = re.compile(r"^(?:Last|This) year\b", re.I)
_ROLE_WORDS = re.compile(r"\b(?:Permanent Representative|Ambassador|representative of|delegation of)\b", re.I)
_PRONOUN_WITHDREW = re.compile(
    r"\b(?:it|the country|the government|its government)\s+(?:has\s+|had\s+|later\s+|then\s+)*(?:withdrawn|withdrew|pulled|retracted)\s+its\s+(?:signature|name|support)",
    re.I,
)


@dataclass(slots=True)
class _Pending:
    """What the text says before it has named any statement ("Qatar has withdrawn its
    signature from the joint letter..."): it belongs to the first statement named after it."""

    frames: list[Frame] = field(default_factory=list)
    hits: list[tuple[ListHit, int]] = field(default_factory=list)
    lead: Frame | None = None  # a deliverer named just before the statement


def assemble(text: Text, mentions: list[list[Mention]], doc_year: int | None, gate: Collection[int]) -> Assembly:
    """`gate`: the sentences holding a statement cue word (candidates.py); the others are
    skipped unless they name three or more countries."""
    reader = _Reader(text, mentions, doc_year)
    for i, sentence in enumerate(text.sentences):
        reader.read(i, sentence, i in gate)
    return reader.finish()


class _Reader:
    """Reads the sentences in order, keeping the statement under discussion as a reader does."""

    def __init__(self, text: Text, mentions: list[list[Mention]], doc_year: int | None) -> None:
        self.text, self.mentions, self.doc_year = text, mentions, doc_year
        self.clusters: list[Cluster] = []
        self.current: Cluster | None = None
        self.pending = _Pending()
        self.year_context: int | None = None
        self.relative_context: int | None = None  # the paragraph a "Last year" or "This year" opened
        self.last_years: list[tuple[ListHit, int]] = []
        self.block: list[int] = []
        self.last_country: str | None = None
        self.positions: dict[int, list[tuple[int, int]]] = {}
        self.table: list[str] | None = None  # the columns of a table of statements being read

    def read(self, i: int, sentence: Sentence, gated: bool) -> None:
        ms = self.mentions[i]
        if is_country_line(sentence.text, ms):
            self.block.append(i)
            return
        if self.block and GROUP_HEADING.match(sentence.text):
            return  # "GRULAC", "Asia-Pacific Group": a list split by regional group runs on
        if self.block:
            attach_block(self.block, self.text, self.mentions, self.current, self.clusters, self.doc_year)
            self.block = []
        self._update_year_context(sentence)
        if self._table_row(i, sentence.text, ms):
            return
        if len(ms) < 3 and not gated:
            return  # nothing here could name a statement or a signer (most of a long page)
        frames = sentence_frames(sentence.text, ms, self.year_context, self.doc_year)
        if self.current is not None and self.current.year and _THAT_SESSION.match(sentence.text):
            for frame in frames:
                frame.year = self.current.year  # "At that session Pakistan spoke for 77": the session just named
        placed = self._place_frames(i, sentence.text, frames)
        earlier_focus = self.current
        if placed:
            self.current = _focus(placed)
        elif self.current is not None and _mentions_statement(sentence.text):
            self.current.context.append(i)
        speakers = _SPEAKERS_LIST.match(sentence.text) is not None  # "Speaking in the dialogue were A, B, C"
        hits = [] if no_statement(sentence.text) or speakers else classify(sentence.text, ms)
        if not hits and not speakers and is_bare_list(sentence.text, ms):
            names = [m for m in ms if m.kind == "name"]
            hits = [ListHit([m.code for m in names], names, "signed", True, 0, len(sentence.text))]
        for hit in hits:
            self._place_list(i, sentence.text, hit, placed, earlier_focus)
        current = self.current
        if _PRONOUN_WITHDREW.search(sentence.text) and self.last_country and current is not None and not any(h.role == "withdrew" for h in hits):
            current.withdrew.setdefault(self.last_country, i)
        if _STAR_LEGEND.search(sentence.text) and current is not None:
            current.star_legend = i
        names = [m for m in ms if m.kind == "name"]
        if len(names) == 1:
            self.last_country = names[0].code

    def _table_row(self, i: int, sentence: str, ms: list[Mention]) -> bool:
        """A row of a table of statements ('Year | Lead | Forum | Signatories'), or its heading."""
        columns = table_columns(sentence)
        if columns is not None:
            self.table = columns
            return True
        if self.table is None:
            return False
        frame = table_row_frame(sentence, self.table, ms)
        if frame is None:
            self.table = None
            return False
        self._place_frames(i, sentence, [frame])
        return True

    def finish(self) -> Assembly:
        if self.block:
            attach_block(self.block, self.text, self.mentions, self.current, self.clusters, self.doc_year)
        doc_year = self.doc_year
        earlier = next((c for c in self.clusters if doc_year is not None and c.year == doc_year - 1), None)
        for hit, i in self.last_years if earlier is not None else []:
            add_list(earlier, hit, i)
        return Assembly(self.clusters, self.text, self.mentions, self.positions)

    def _update_year_context(self, sentence: Sentence) -> None:
        if self.relative_context is not None and sentence.block != self.relative_context:
            self.year_context = self.relative_context = None  # "Last year ..." spoke for its own paragraph only
        new_context = next_year_context(sentence.text, self.year_context, self.doc_year)
        if new_context != self.year_context:
            # A heading ("Last year") opens a section; a sentence ("Last year the text was read by
            # Belarus") speaks for its paragraph.
            prose = _RELATIVE_YEAR.match(sentence.text) is not None and len(sentence.text) > 30
            self.relative_context = sentence.block if prose else None
        self.year_context = new_context

    def _place_frames(self, i: int, sentence: str, frames: list[Frame]) -> list[tuple[Frame, Cluster]]:
        """Each frame joins the statement it describes, or starts one; returns them in order."""
        clusters, pending = self.clusters, self.pending
        placed: list[tuple[Frame, Cluster]] = []
        for frame in frames:
            frame.sentence = i
            if frame.back_reference and self.current is not None and self._pronoun_out_of_reach(i, sentence):
                continue  # "It also called on Belarus ...": another speaker's paragraph, not the statement
            if frame.back_reference and self.current is None:
                if len(frames) > 1:
                    frame.definite = frame.joint = True
                    frame.back_reference = False
                else:
                    pending.frames.append(frame)
                    continue
            created = len(clusters)
            # "... on behalf of 49 countries, bringing the number of signatories to 50": growth of
            # the statement this very sentence named.
            current = placed[-1][1] if placed and frame.count_kind in ("growth", "current") else self.current
            cluster = place(frame, clusters, current, {id(c) for _, c in placed}, self.doc_year)
            if cluster is not None and len(clusters) > created and placed:
                cluster = _sentence_mate(frame, cluster, placed, sentence, clusters)
            if cluster is None:
                if frame.lead and frame.lead_strong and frame.count is None and (
                        _ROLE_WORDS.search(sentence) or any(f.count is not None for f in frames)):
                    pending.lead = frame  # "it was Japan's turn, and the text gathered 46 signatures"
                continue
            if len(clusters) > created:
                cluster.previous = placed[-1][1] if placed else self.current
                compared = _compared(frame, clusters, self.current) if frame.comparison else None
                _adopt(cluster, pending, i, compared, keep_back_references=len(frames) > 1)
            placed.append((frame, cluster))
            self.positions.setdefault(i, []).append((frame.position, cluster.index))
        return placed

    def _pronoun_out_of_reach(self, i: int, sentence: str) -> bool:
        """'It ...' speaks of the statement only in its own paragraph or the next one."""
        if not _PRONOUN_START.match(sentence):
            return False
        assert self.current is not None
        last = max(self.current.context, default=i)
        return self.text.sentences[i].block - self.text.sentences[last].block > 1

    def _place_list(self, i: int, sentence: str, hit: ListHit, placed: list[tuple[Frame, Cluster]],
                    earlier_focus: Cluster | None) -> None:
        """A list of countries joins the statement its sentence is about."""
        clusters, doc_year = self.clusters, self.doc_year
        target = list_target(hit, placed, self.current)
        dated = _signed_in_year(hit, sentence, clusters)
        if placed and dated is not _NOT_REPORTED:
            dated = None
        if dated is _NOT_REPORTED:
            return  # "Turkey, which signed the statement in 2020, ...": a statement this page does not report
        if dated is not None:
            # "Paraguay and Fiji, which had signed in 2031, did not sign this year": that year's text.
            target = dated
        elif target is not None and earlier_focus is not None and target is not earlier_focus and _list_before_turn(hit, placed, sentence):
            # "A and B were among the signatories, while Cuba answered for 71": the list closes
            # the statement already under discussion; the clause after the turn opens another.
            target = earlier_focus
        if not placed and target is not None and target.lead and target.lead not in hit.codes and hit.role == "signed":
            # "Its signatories included Norway, ...": a list naming another statement's lead is that one's.
            target = next((c for c in reversed(clusters) if c.lead and c.lead in hit.codes), target)
        if not placed and hit.role == "signed" and doc_year is not None and _LAST_YEARS_TEXT.match(sentence, hit.end):
            # "Ukraine and Guatemala both backed last year's text as well": signers of last
            # year's statement, which the story may name only later.
            self.last_years.append((hit, i))
            return
        after = sentence[hit.end:hit.end + 40]
        if not placed and _BOTH.match(after) and len(clusters) >= 2:
            # "Japan and Ukraine signed both texts": the two statements just discussed.
            add_list(clusters[-2], hit, i)
        elif not placed and _FIRST_TIME.search(sentence) and doc_year is not None and not _IT_SUBJECT.match(sentence):
            # "Five countries signed for the first time: ...": names on this year's statement
            # (but "It includes A and, for the first time, B" is the statement just discussed).
            target = next((c for c in clusters if c.year == doc_year), None) or next(
                (c for c in clusters if c.year is None), target)
        if target is not None and target.grown and hit.role == "signed" and _DAY_AFTER_LIST.match(sentence, hit.end):
            # "The list grew from 39 to 42. Guatemala and Uruguay signed on to the text on
            # Thursday": signing on a later day of a statement that has grown is joining it.
            hit.role = "joined"
        if target is not None:
            add_list(target, hit, i)
        else:
            self.pending.hits.append((hit, i))


_TURN_BETWEEN = re.compile(r"\b(?:counter|rival|another|second|separate|repl\w*|respon\w*|answer\w*|while|whereas|but|unlike)\b|;", re.I)


def _sentence_mate(frame: Frame, new: Cluster, placed: list[tuple[Frame, Cluster]], sentence: str,
                   clusters: list[Cluster]) -> Cluster:
    """'On behalf of the following 47 States: ... and my own country, Sweden': a deliverer named
    far from the count in the same sentence, with nothing turning to another statement between,
    completes the counted statement instead of starting one."""
    mate_frame, mate = placed[-1]
    if frame.lead is None or frame.count is not None or frame.vague_floor is not None or not frame.lead_strong:
        return new
    if mate.lead is not None or (mate.count is None and mate.vague_floor is None) or mate_frame.position > frame.position:
        return new
    if _TURN_BETWEEN.search(sentence, mate_frame.position, frame.position):
        return new
    clusters.remove(new)
    return merge(mate, frame)


_SIGNED_IN_YEAR = re.compile(
    r"\s*,?\s*(?:(?:(?:which|who)\s+)?(?:had\s+|have\s+|has\s+)?(?:all\s+|also\s+|both\s+)?(?:signed|backed|joined|co-signed)\s+(?:it\s+|the text\s+|the statement\s+)?in\s+"
    r"|(?:both\s+|all\s+|each\s+)?(?:signatories|signers|backers|supporters)\s+of\s+the\s+)(?P<year>(?:19|20)\d\d)\b",
    re.I,
)


def _signed_in_year(hit: ListHit, sentence: str, clusters: list[Cluster]) -> Cluster | None:
    if hit.role != "signed":
        return None
    match = _SIGNED_IN_YEAR.match(sentence, hit.end)
    if match is None:
        return None
    year = int(match.group("year"))
    same = [c for c in clusters if c.year == year]
    if not same and _NEGATIVE_VERDICT.match(sentence, match.end()):
        return _NOT_REPORTED
    if len(same) <= 1:
        return same[0] if same else None
    # Several statements that year: the one of the camp of the statement they "did not sign this
    # year" (the page's first of another year), else the first named (the one under discussion).
    main = next((c for c in clusters if c.year != year), None)
    camp = stance_from(0, main.lead) if main is not None else Stance.UNKNOWN
    if camp is not Stance.UNKNOWN:
        return next((c for c in same if stance_from(0, c.lead) is camp), same[0])
    return same[0]


_THAT_SESSION = re.compile(r"^(?:At|During|In) (?:that|the same) (?:session|meeting|sitting)\b", re.I)


def _list_before_turn(hit: ListHit, placed: list[tuple[Frame, Cluster]], sentence: str) -> bool:
    if not hit.backward or hit.role != "signed":
        return False
    first = min(frame.position for frame, _ in placed)
    if first <= hit.end:
        return False
    return _TURN_BETWEEN.search(sentence, hit.end, first) is not None


def _focus(placed: list[tuple[Frame, Cluster]]) -> Cluster:
    """The statement a sentence is about: its first, unless a later clause names a new one."""
    focus = placed[0][1]
    for frame, cluster in placed[1:]:
        if frame.lead is not None and (frame.count is not None or frame.vague_floor is not None):
            focus = cluster
    return focus


def _compared(frame: Frame, clusters: list[Cluster], current: Cluster | None) -> Cluster | None:
    """'Forty-four is the highest yet, up from the 22': the statement whose count the sentence names."""
    for cluster in reversed(clusters):
        if cluster.count is not None and cluster.count != frame.count and cluster.count in frame.numbers:
            return cluster
    return current


def _adopt(cluster: Cluster, pending: _Pending, sentence: int, compared: Cluster | None,
           keep_back_references: bool) -> None:
    cluster.compared_to = compared
    # "The letter was a response to the letter ... signed by 22 states": the back-reference
    # names another statement than the one the sentence introduces.
    for frame in [] if keep_back_references else pending.frames:
        cluster.frames.append(frame)
        cluster.context.append(frame.sentence)
    for hit, i in pending.hits:
        add_list(cluster, hit, i)
    if pending.lead and cluster.lead is None and sentence - pending.lead.sentence <= 8:
        # "Lithuania's ambassador delivered the text on 18 March. It was read on behalf of 39
        # countries.": the delivery sentence is about this statement (its lead, its day).
        merge(cluster, pending.lead)
        cluster.anchors.sort()
        cluster.context.sort()
    pending.frames, pending.hits, pending.lead = [], [], None


def _mentions_statement(sentence: str) -> bool:
    return re.search(r"\b(?:statement|letter|text|signatories|signed|group)\b", sentence, re.I) is not None


