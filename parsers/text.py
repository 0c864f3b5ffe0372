"""Normalised analysis text with a map back to the document text, cut into sentences.

Recognisers run on the normalised copy (plain spaces, no zero-width characters, words joined
across line-end hyphens, footnote markers blanked, variant phrasings in their canonical form:
parsers/phrases.py); evidence is cut from the document text
through the offset map, so quotes stay verbatim.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from parsers.phrases import rewrites

# Same-length substitutions: offsets do not move.
_SAME_LENGTH = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u3000": " ", "\t": " ", "\r": "\n", "\u2028": "\n", "\u2029": "\n",
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'",
    "\u00b9": " ", "\u00b2": " ", "\u00b3": " ", "\u2070": " ", "\u2074": " ", "\u2075": " ",
    "\u2076": " ", "\u2077": " ", "\u2078": " ", "\u2079": " ", "\u2010": "-", "\u2011": "-",
    "\u2212": "-",
})
# A search for any of them is much cheaper than str.translate over a 200 KB page (most pages
# hold only a few): substitute match by match.
_SAME_LENGTH_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _SAME_LENGTH) + "]")
# Removed: zero-width characters and soft hyphens; a hyphen at a line end before a
# lower-case letter ("Xin-\njiang"); the line break after a hyphen before a capital
# ("Guinea-\nBissau" keeps its hyphen). Each pattern starts with a literal or a character set
# so that the regex engine skips ahead instead of trying every position.
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]+")
_LINE_HYPHEN = re.compile(r"-(?<=[A-Za-z]-)(?:(?P<joined>[ ]*\n[ ]*)(?=[a-z])|(?P<kept>[ ]*\n[ ]*)(?=[A-Z]))")
# A PDF dump's running header or footer on lines of its own, which would cut a signatory list
# in two: "A/C.3/78/SR.12    page 4", "2/3    28-17702", "Page 3 of 7", "- 3 -", "GE.22-12345(E)",
# "*2817702*  Please recycle", a form feed. The match runs from the end of the text before to
# the start of the text after (blank lines included), so the text on both sides joins up.
_FURNITURE_TOKEN = (
    r"(?:(?:[A-Z]{1,6}/){1,4}[\w./()-]+|\d{1,4}/\d{1,4}|\d{2}-\d{4,6}|\([A-Z]\)|\*\d{5,}\*|GE\.\d\d-\d{4,6}(?:\s*\([A-Z]\))?"
    r"|(?i:page|p\.)[ \t]*\d{1,4}(?:[ \t]+of[ \t]+\d{1,4})?|-[ \t]*\d{1,4}[ \t]*-|\d{1,6}|(?i:please recycle))"
)
_PAGE_FURNITURE = re.compile(
    rf"(?:\n[ \t\f]*(?=\n))*\n[ \t\f]*{_FURNITURE_TOKEN}(?:[ \t\f]+{_FURNITURE_TOKEN})*[ \t\f]*(?=\n)(?:\n[ \t\f]*(?=\n))*"
)
# "forty-\nfour": the hyphen of a number in words stays; only the line break goes.
_TENS_BEFORE = re.compile(r"(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)$")
# A footnote number glued to a word ("countries1 expressing", "Republic2,"): blank it.
_GLUED_FOOTNOTE = re.compile(r"\d(?<=[a-z]{3}\d)\d?(?=[\s,.;:)]|$)", re.M)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets in the normalised text
    end: int
    block: int  # index of the paragraph (block) it starts in
    text: str


class Text:
    """The normalised text, its sentences, and the way back to the verbatim document."""

    def __init__(self, document_text: str, *, wrapped: bool) -> None:
        self.original = document_text
        norm, self._norm_marks, self._orig_marks = _normalise(document_text, wrapped=wrapped)
        self.norm = norm
        self.sentences = _sentences(norm, wrapped=wrapped)
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding a normalised offset."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def to_original(self, offset: int) -> int:
        i = bisect.bisect_right(self._norm_marks, offset) - 1
        if i < 0:
            return offset
        return self._orig_marks[i] + (offset - self._norm_marks[i])

    def _end_to_original(self, offset: int) -> int:
        """Like to_original, but a span ending where text was removed ends before it (a
        sentence before a deleted page header does not quote the header)."""
        i = bisect.bisect_left(self._norm_marks, offset)
        if i < len(self._norm_marks) and self._norm_marks[i] == offset:
            return self._orig_marks[i]
        return self.to_original(offset)

    def verbatim(self, start: int, end: int) -> str:
        """The document's own words for a normalised span, whitespace collapsed."""
        raw = self.original[self.to_original(start):self._end_to_original(end)]
        return " ".join(raw.split())


def _normalise(text: str, *, wrapped: bool = False) -> tuple[str, list[int], list[int]]:
    text_same = _SAME_LENGTH_CHARS.sub(lambda m: m.group().translate(_SAME_LENGTH), text)
    pieces: list[str] = []
    norm_marks: list[int] = [0]
    orig_marks: list[int] = [0]
    pos = 0
    out_len = 0
    for start, end, replacement in _edits(text_same, wrapped=wrapped):
        if start < pos:
            continue  # overlaps the span just edited
        pieces.append(text_same[pos:start])
        out_len += start - pos
        # Two marks: the edit's start maps to its start, the text after it to its end.
        norm_marks.append(out_len)
        orig_marks.append(start)
        pieces.append(replacement)
        out_len += len(replacement)
        pos = end
        norm_marks.append(out_len)
        orig_marks.append(pos)
    pieces.append(text_same[pos:])
    norm = "".join(pieces)
    norm = _GLUED_FOOTNOTE.sub(lambda m: " " * len(m.group()), norm)
    return norm, norm_marks, orig_marks


def _edits(text: str, *, wrapped: bool = False) -> list[tuple[int, int, str]]:
    """The spans normalisation removes or rewrites, in order: (start, end, replacement)."""
    spans = [(*m.span(), "") for m in _INVISIBLE.finditer(text)]
    if wrapped:
        spans.extend((*m.span(), "") for m in _PAGE_FURNITURE.finditer(text))
    for m in _LINE_HYPHEN.finditer(text):
        joined = m.group("joined") is not None and not _TENS_BEFORE.search(text, max(0, m.start() - 8), m.start())
        start, end = (m.start(), m.end()) if joined else m.span("joined" if m.group("joined") is not None else "kept")
        spans.append((start, end, ""))
    spans.extend(rewrites(text))
    spans.sort()
    return spans


_DANGLING = re.compile(r"\b(?:and|of|the)$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no nos art gen sen rep amb ambs jan feb mar apr jun jul aug sep sept oct nov "
    "dec e.g i.e inc ltd co vs cf fig para paras u.s u.n u.k h.e approx est corp jr sr prof gov "
    "lt col maj capt hon rev".split()
)
_BOUNDARY = re.compile(r"[.!?][\"')\]]*[ ]+(?=[\"'(\[]?[A-Z0-9])|\n[\n ]*")
_LAST_WORD = re.compile(r"([A-Za-z.]+)[.]$")


def _sentences(norm: str, *, wrapped: bool) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    block = 0
    block_of_start = 0
    for match in _BOUNDARY.finditer(norm):
        if match.group().startswith("\n"):
            if _joins_lines(norm, match, wrapped):
                continue
            end = match.start()
            _add(out, norm, start, end, block_of_start)
            block += 1
            start = match.end()
            block_of_start = block
            continue
        head = norm[max(start, match.start() - 12):match.start() + 1]
        word = _LAST_WORD.search(head)
        if word and (word.group(1).lower() in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.?)+", word.group(1))):
            continue
        end = match.start() + 1
        _add(out, norm, start, end, block_of_start)
        start = match.end()
    _add(out, norm, start, len(norm), block_of_start)
    return out


def _add(out: list[Sentence], norm: str, start: int, end: int, block: int) -> None:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    if end > start:
        # A line break inside a sentence is a space to the recognisers (same length: offsets hold).
        out.append(Sentence(start, end, block, norm[start:end].replace("\n", " ")))


def _joins_lines(norm: str, match: re.Match[str], wrapped: bool) -> bool:
    """Does the sentence run on across this line break?"""
    before = norm[max(0, match.start() - 200):match.start()].rstrip(" ")
    after = norm[match.end():match.end() + 2].lstrip(" ")
    if not before or not after:
        return False
    last = before[-1]
    if last in ",;":
        return True  # a list split over two paragraphs
    if wrapped and match.group().count("\n") == 1 and _DANGLING.search(before):
        return True  # "United Kingdom of Great Britain and" / "Northern Ireland": one name wrapped
    if after[0].islower() and last not in ".!?:":
        return True
    if wrapped and match.group().count("\n") == 1 and last not in ".!?:\"'":
        line = before.rsplit("\n", 1)[-1]
        return len(line) >= 50
    return False
