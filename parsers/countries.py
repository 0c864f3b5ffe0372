"""Country names to ISO 3166-1 alpha-3 codes: one gazetteer (parsers/data/countries.tsv).

Matching works on words, not characters: the text is cut into letter runs once, each run is
looked up by its folded form (lower case, no accents), and only then extended over the next
words of the longest names starting with it. That keeps `find_countries` linear and cheap on a
long page, and makes case, accents, line breaks, hyphenation across lines, soft hyphens and
zero-width characters irrelevant to the match while offsets still point into the text given.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+")
# Characters that may sit inside a word without being seen: soft hyphen, zero-width spaces and
# joiners, the byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# What may stand between two words of one name: spaces (any kind, line breaks included),
# hyphens and dashes, apostrophes, full stops and brackets ("Iran (Islamic Republic of)").
_INNER_GAP = re.compile(r"[\s\u00a0\u202f\-\u2010\u2011\u2012\u2013'\u2019.()]*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
# A word broken at the end of a line: "Bangla-\ndesh".
_LINE_HYPHEN = re.compile(r"[\-\u2010\u00ad][ \t]*\n[ \t]*")


@dataclass(frozen=True, slots=True)
class CountryMention:
    code: str  # ISO 3166-1 alpha-3
    start: int  # offsets into the text passed to find_countries
    end: int
    text: str  # text[start:end]
    kind: str  # "name" | "demonym" | "capital"


@dataclass(frozen=True, slots=True)
class _Name:
    words: tuple[str, ...]  # folded
    code: str  # "-" for a non-state phrase
    kind: str
    case: str  # "" any case, "^" capitalised, "=" exact capitals
    surface: str  # as written in the data (for "=" names)


@dataclass(frozen=True, slots=True)
class _State:
    code: str
    status: str
    display: str


def fold(word: str) -> str:
    """Lower case without accents: "Côte" -> "cote", "TÜRKIYE" -> "turkiye"."""
    if word.isascii():
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def _words(name: str) -> tuple[str, ...]:
    words = tuple(fold(w) for w in _WORD.findall(name))
    return words[1:] if len(words) > 1 and words[0] == "the" else words


@cache
def _data() -> tuple[dict[str, _State], dict[str, list[_Name]], dict[tuple[str, ...], str]]:
    states: dict[str, _State] = {}
    first: dict[str, list[_Name]] = {}
    whole: dict[tuple[str, ...], str] = {}
    text = resources.files("parsers").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    for code, status, display, names, demonyms, capitals in rows[1:]:
        if code != "-":
            states[code] = _State(code, status, display)
        for kind, field in (("name", names), ("demonym", demonyms), ("capital", capitals)):
            for raw in filter(None, field.split("|")):
                case = raw[0] if raw[0] in "^=" else ("^" if kind != "name" else "")
                surface = raw.lstrip("^=")
                entry = _Name(_words(surface), code, kind, case, surface)
                first.setdefault(entry.words[0], []).append(entry)
                if kind == "name" and code != "-":
                    whole.setdefault(entry.words, code)
    for entries in first.values():
        entries.sort(key=lambda e: len(e.words), reverse=True)  # the longest name wins
    return states, first, whole


def un_states() -> frozenset[str]:
    """The 193 UN member states and the 2 observer states (Holy See, State of Palestine)."""
    return frozenset(_data()[0])


def is_un_member(code: str) -> bool:
    state = _data()[0].get(code.upper())
    return state is not None and state.status == "member"


def country_name(code: str) -> str:
    """The short English name people read ("United Kingdom", "Türkiye"); KeyError if unknown."""
    return _data()[0][code.upper()].display


def country_code(name_or_code: str) -> str | None:
    """The alpha-3 code for a name in any variant and case, or for an alpha-3/alpha-2 code."""
    text = name_or_code.strip()
    states, _, whole = _data()
    if len(text) == 3 and text.upper() in states:
        return text.upper()
    if len(text) == 2 and text.isalpha():
        code = _alpha2().get(text.upper())
        if code is not None:
            return code
    return whole.get(_words(_INVISIBLE.sub("", text)))


@cache
def _alpha2() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries if c.alpha_3 in _data()[0]}


def find_countries(text: str) -> list[CountryMention]:
    """Every state named in `text`, left to right, without overlaps, the longest name winning."""
    clean, to_original = _without_invisible(text)
    _, first, _ = _data()
    mentions: list[CountryMention] = []
    done = 0  # end of the last match: words before it are taken
    for word in _WORD.finditer(clean):
        s, e = word.span()
        if s < done:
            continue
        head = word.group()
        head = head.lower() if head.isascii() else fold(head)
        broken = e < len(clean) and clean[e] in _HYPHENS
        if head not in first and not broken:
            continue  # the common case: one dict look-up per word
        found = _match_at(clean, s, e, head, broken, first)
        if found is None:
            continue
        entry, end = found
        done = end
        if entry.code != "-":
            start, stop = to_original(s), to_original(end - 1) + 1
            mentions.append(CountryMention(entry.code, start, stop, text[start:stop], entry.kind))
    return mentions


_HYPHENS = frozenset("-\u2010\u00ad")


def _next_word(clean: str, end: int) -> re.Match[str] | None:
    """The word after position `end` when only a name's inner gap separates them."""
    gap = _INNER_GAP.match(clean, end)
    if gap is None or gap.end() - end >= 12 or _PARAGRAPH_BREAK.search(clean, end, gap.end()):
        return None
    return _WORD.match(clean, gap.end())


def _after_line_break(clean: str, end: int) -> re.Match[str] | None:
    """The rest of a word hyphenated at the end of a line ("Bangla-\\ndesh"), or None."""
    gap = _LINE_HYPHEN.match(clean, end)
    return None if gap is None else _WORD.match(clean, gap.end())


def _match_at(clean: str, s: int, e: int, head: str, broken: bool, first: dict[str, list[_Name]]):  # noqa: ANN202
    """The longest name starting with the word at s..e, and where it ends."""
    candidates = [(head, e)]
    if broken and (rest := _after_line_break(clean, e)) is not None:
        candidates.insert(0, (head + fold(rest.group()), rest.end()))
    for word, word_end in candidates:
        for entry in first.get(word, ()):
            end = _extend(clean, word_end, entry.words[1:])
            if end is not None and _case_ok(clean, s, end, entry):
                if entry.surface.endswith(")") and clean.startswith(")", end):
                    end += 1
                return entry, end
    return None


def _extend(clean: str, end: int, rest: tuple[str, ...]) -> int | None:
    """Match the remaining words of a name after position `end`; where the name ends, or None."""
    for expected in rest:
        word = _next_word(clean, end)
        if word is None:
            return None
        got, end = fold(word.group()), word.end()
        if got != expected and expected.startswith(got) and (more := _after_line_break(clean, end)):
            got, end = got + fold(more.group()), more.end()  # "Gui-\\nnea"
        if got != expected:
            return None
    return end


def _case_ok(clean: str, start: int, end: int, entry: _Name) -> bool:
    surface = clean[start:end]
    if entry.case == "=":
        return _WORD.findall(surface) == _WORD.findall(entry.surface)
    if entry.case == "^":
        return surface[:1].isupper()
    return True


def _without_invisible(text: str):  # noqa: ANN202
    """The text without invisible characters, and a map from its offsets back to `text`'s."""
    cuts = [m.start() for m in _INVISIBLE.finditer(text)]
    if not cuts:
        return text, lambda offset: offset
    clean = _INVISIBLE.sub("", text)
    # After the k-th removed character, clean offsets lag behind by k+1.
    clean_positions = [pos - k for k, pos in enumerate(cuts)]

    def to_original(offset: int) -> int:
        return offset + bisect.bisect_right(clean_positions, offset)

    return clean, to_original
