"""Country names to ISO 3166-1 alpha-3 codes: one gazetteer, kept as data in parsers/data/countries.tsv.

Matching works on words, not characters: the text is cut into letter runs once, and each run is
looked up by its folded form (lower case, no accents) at the root of a word trie; only a word that
can start a name walks further. That keeps `find_countries` linear and cheap on a long page, and
makes case, accents, line breaks, hyphenation across lines, soft hyphens and zero-width characters
irrelevant to the match while offsets still point into the text given.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# A word: a run of letters, or a sign that counts as a word in names: "&" ("Trinidad & Tobago"),
# the "(" of "Iran (Islamic Republic of)" (so that a bracketed UN name is never read across a
# list's line break: "Korea\nRepublic of Moldova"), and "$" (so that "US$" can be a non-state).
_WORD = re.compile(r"[^\W\d_\u02bc]+|[&($]")
# Removed before matching, offsets mapped back: soft hyphen (with the line break it may end),
# zero-width spaces and joiners, word joiner, byte-order mark.
_INVISIBLE = re.compile(r"\u00ad(?:[ \t]*\r?\n[ \t]*)?|[\u200b\u200c\u200d\u2060\ufeff]")
# What may stand between two words of one name: spaces of any kind (line breaks too), hyphens and
# dashes, apostrophes; full stops only after an abbreviation ("St. Kitts", "U.S.A."), see _gap_end.
_GAP = re.compile(r"[\s\-\u2010\u2011\u2012\u2013'\u2019\u2018\u02bc`\u00b4]*")
_DOTTED_GAP = re.compile(r"\s*\.[\s\-\u2010\u2011]*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\r]*\n")
# A word broken at the end of a line: "Bangla-\ndesh", "Switzer-\n  land".
_LINE_HYPHEN = re.compile(r"[\-\u2010\u2011][ \t]*\r?\n[ \t]*")
_ABBREVIATION = 3  # a word this short may be followed by a full stop inside a name ("St.", "U.")
_KINDS = ("name", "demonym", "capital")  # also the order of preference for one word sequence


@dataclass(frozen=True, slots=True)
class CountryMention:
    code: str  # ISO 3166-1 alpha-3 ("GBR"; Holy See "VAT", State of Palestine "PSE")
    start: int  # offsets into the text passed to find_countries
    end: int
    text: str  # text[start:end]
    kind: str  # "name" | "demonym" | "capital"


@dataclass(frozen=True, slots=True)
class _Variant:
    code: str  # "-" for a phrase that is not a state (it only hides its words from the states)
    kind: str
    case: str  # "" any case, "^" capitalised, "=" exactly these capitals
    surface: str  # as written in the data


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    variants: list[_Variant] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _State:
    code: str
    alpha2: str
    status: str  # "member" | "observer"
    display: str


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    states: dict[str, _State]
    alpha2: dict[str, str]
    trie: _Node
    whole: dict[tuple[str, ...], str]  # names first, then demonyms and capitals: whole-string look-up


class StateCodes(tuple[str, ...]):
    """Alpha-3 codes in sorted order that also take part in set algebra (`|`, `-`, `&`) as a
    frozenset would, because callers union and subtract the UN list with other code sets."""

    __slots__ = ()

    def __or__(self, other: Iterable[str]) -> frozenset[str]:  # type: ignore[override]
        return frozenset(self) | frozenset(other)

    __ror__ = __or__

    def __and__(self, other: Iterable[str]) -> frozenset[str]:
        return frozenset(self) & frozenset(other)

    __rand__ = __and__

    def __sub__(self, other: Iterable[str]) -> frozenset[str]:
        return frozenset(self) - frozenset(other)

    def __rsub__(self, other: Iterable[str]) -> frozenset[str]:
        return frozenset(other) - frozenset(self)


def fold(word: str) -> str:
    """Lower case without accents, "&" read as "and": "Côte" -> "cote", "TÜRKIYE" -> "turkiye"."""
    if word.isascii():
        return "and" if word == "&" else word.lower()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _words(name: str) -> tuple[str, ...]:
    """The folded words of a name, without a leading "the" (optional in every variant)."""
    words = tuple(fold(w) for w in _WORD.findall(name))
    return words[1:] if len(words) > 1 and words[0] == "the" else words


# -- the data ---------------------------------------------------------------------------------


@cache
def _gazetteer() -> _Gazetteer:
    """Read parsers/data/countries.tsv once."""
    raw = resources.files("parsers").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    states: dict[str, _State] = {}
    trie = _Node()
    whole: dict[tuple[str, ...], str] = {}
    for code, alpha2, status, display, *fields in rows[1:]:  # rows[0] is the column header
        if code != "-":
            states[code] = _State(code, alpha2, status, display)
        for kind, variants in zip(_KINDS, fields, strict=True):
            for variant in _variants(code, kind, variants):
                _insert(trie, variant)
    for kind in _KINDS:  # a name beats a demonym or capital spelled the same ("Lao", "Myanmar")
        for code, variant_words in _all_variants(trie, kind):
            whole.setdefault(variant_words, code)
    return _Gazetteer(states, {s.alpha2: s.code for s in states.values()}, trie, whole)


def _variants(code: str, kind: str, column: str) -> Iterable[_Variant]:
    for raw in filter(None, (v.strip() for v in column.split("|"))):
        case = raw[0] if raw[0] in "^=" else ("^" if kind != "name" else "")
        yield _Variant(code, kind, case, raw.lstrip("^="))


def _insert(trie: _Node, variant: _Variant) -> None:
    node = trie
    for word in _words(variant.surface):
        node = node.children.setdefault(word, _Node())
    node.variants.append(variant)
    node.variants.sort(key=lambda v: (v.code == "-", _KINDS.index(v.kind)))


def _all_variants(node: _Node, kind: str, path: tuple[str, ...] = ()) -> Iterable[tuple[str, tuple[str, ...]]]:
    for variant in node.variants:
        if variant.kind == kind and variant.code != "-":
            yield variant.code, path
    for word, child in node.children.items():
        yield from _all_variants(child, kind, (*path, word))


# -- codes and names --------------------------------------------------------------------------


@cache
def un_states() -> StateCodes:
    """The 193 UN member states and the 2 observer states (Holy See, State of Palestine), sorted:
    the only countries that can sign a statement at the UN."""
    return StateCodes(sorted(_gazetteer().states))


def is_un_member(code: str) -> bool:
    """True for the 193 members; False for the observer states and anything else."""
    state = _gazetteer().states.get(code.upper())
    return state is not None and state.status == "member"


def country_name(code: str) -> str:
    """The short English name people read in a message ("United Kingdom", "Türkiye", "Russia");
    KeyError for a code that is not a UN state."""
    return _gazetteer().states[code.upper()].display


def country_code(name_or_code: str) -> str | None:
    """The alpha-3 code of a UN state named by the whole string: any variant in any case, an
    inverted list form ("Korea, Republic of"), a demonym or capital, or an alpha-3/alpha-2 code.
    None when unknown, and for places that are not UN states ("Taiwan", "Kosovo")."""
    gazetteer = _gazetteer()
    text = _INVISIBLE.sub("", name_or_code).strip()
    if text.isalpha() and text.isascii() and len(text) in (2, 3):
        code = gazetteer.alpha2.get(text.upper()) if len(text) == 2 else text.upper()
        if code in gazetteer.states:
            return code
    found = gazetteer.whole.get(_words(text))
    if found is None and text.count(",") == 1:  # ISO list style: "Congo, Democratic Republic of the"
        head, tail = text.split(",")
        found = gazetteer.whole.get(_words(f"{tail} {head}"))
    return found


# -- finding names in text --------------------------------------------------------------------


def find_countries(text: str) -> list[CountryMention]:
    """Every UN state named in `text` (by name, demonym or capital), left to right, without overlaps,
    the longest name winning: "Guinea-Bissau" is never "Guinea", "South Sudan" never "Sudan"."""
    clean, to_original = _without_invisible(text)
    root = _gazetteer().trie
    mentions: list[CountryMention] = []
    taken = 0  # end of the last match: words before it are used up
    starts = root.children
    for word in _WORD.finditer(clean):
        start, end = word.span()
        if start < taken:
            continue
        head = word.group()
        head = head.lower() if head.isascii() else fold(head)  # fold(), inlined for the hot path
        if head not in starts and clean[end : end + 1] not in _HYPHENS:
            continue  # the common case: one dict look-up per word
        found = _longest_at(clean, start, _word_options(clean, word), root)
        if found is None:
            continue
        variant, end = found
        taken = end
        if variant.code != "-":
            first, last = to_original(start), to_original(end - 1) + 1
            mentions.append(CountryMention(variant.code, first, last, text[first:last], variant.kind))
    return mentions


_HYPHENS = frozenset("-\u2010\u2011")


def _word_options(clean: str, word: re.Match[str]) -> list[tuple[str, int]]:
    """The folded word and where it ends; also, when it is broken at a line end ("Bangla-\\ndesh"),
    the word joined with its rest."""
    options = [(fold(word.group()), word.end())]
    hyphen = _LINE_HYPHEN.match(clean, word.end())
    if hyphen is not None and (rest := _WORD.match(clean, hyphen.end())) is not None:
        options.append((options[0][0] + fold(rest.group()), rest.end()))
    return options


def _next_word(clean: str, previous: str, end: int) -> re.Match[str] | None:
    """The word after `end` when only what may stand inside a name separates them."""
    gap_end = _gap_end(clean, previous, end)
    if gap_end is None:
        return None
    return _WORD.match(clean, gap_end)


def _gap_end(clean: str, previous: str, end: int) -> int | None:
    """Where the gap after a word of a name ends; None if a full stop (after a long word) or a
    blank line ends the name there."""
    dotted = len(previous) <= _ABBREVIATION and _DOTTED_GAP.match(clean, end)
    gap_end = dotted.end() if dotted else _GAP.match(clean, end).end()  # _GAP always matches
    if "\n" in clean[end:gap_end] and _PARAGRAPH_BREAK.search(clean, end, gap_end):
        return None
    return gap_end


def _longest_at(clean: str, start: int, heads: list[tuple[str, int]], root: _Node) -> tuple[_Variant, int] | None:
    """Walk the trie from the word at `start`; the longest variant whose case rule holds, and its end."""
    best: tuple[_Variant, int] | None = None
    frontier = [(root.children[w], e, w) for w, e in heads if w in root.children]
    while frontier:
        step: list[tuple[_Node, int, str]] = []
        for node, end, last_word in frontier:
            for variant in node.variants:
                if (best is None or end > best[1]) and _case_ok(clean[start:end], variant):
                    best = (variant, end)
                    break
            if node.children and (word := _next_word(clean, last_word, end)) is not None:
                step.extend((node.children[w], e, w) for w, e in _word_options(clean, word) if w in node.children)
        frontier = step
    return None if best is None else (best[0], _closing(clean, start, best[1], best[0]))


def _closing(clean: str, start: int, end: int, variant: _Variant) -> int:
    """Take in the ")" of "Iran (Islamic Republic of)" and the last "." of "U.S.", when written."""
    if clean.startswith(")", end) and clean.count("(", start, end) > clean.count(")", start, end):
        return end + 1
    if variant.surface.endswith(".") and clean.startswith(".", end):
        return end + 1
    return end


def _case_ok(surface: str, variant: _Variant) -> bool:
    """The variant's case rule: "^" wants a capital ("Turkey", not "turkey"), "=" these exact capitals."""
    if variant.case == "=":
        return _WORD.findall(surface) == _WORD.findall(variant.surface)
    if variant.case == "^":
        return surface[:1].isupper()
    return True


def _without_invisible(text: str) -> tuple[str, Callable[[int], int]]:
    """The text without invisible characters, and a map from its offsets back to `text`'s."""
    runs = [(m.start(), m.end() - m.start()) for m in _INVISIBLE.finditer(text)]
    if not runs:
        return text, lambda offset: offset
    clean_starts: list[int] = []
    shifts: list[int] = []  # how far the original lags behind from each clean start on
    removed = 0
    for position, length in runs:
        clean_starts.append(position - removed)
        removed += length
        shifts.append(removed)

    def to_original(offset: int) -> int:
        index = bisect.bisect_right(clean_starts, offset) - 1
        return offset if index < 0 else offset + shifts[index]

    return _INVISIBLE.sub("", text), to_original
