"""Where a statement was made (Third Committee, Human Rights Council, ...) and which session."""
from __future__ import annotations

import re

from parsers.numbers import parse_number
from parsers.types import Forum

_FORUM_CUES: tuple[tuple[re.Pattern[str], Forum], ...] = (
    (re.compile(r"\bThird Committee\b|\bGeneral Assembly(?:'s)? (?:\w+ ){0,2}human rights committee\b|\bGA/SHC/", re.I), Forum.UNGA_C3),
    (re.compile(r"\bHuman Rights Council\b|\b(?:UN |U\.N\. )?rights council\b|\bHRC\s?\d{0,2}\b|\bcouncil(?:'s)? (?:president|\w+ session)|\bthe Council President", re.I), Forum.HRC),
    (re.compile(r"\bSecurity Council\b", re.I), Forum.UNSC),
    # Not "at the 91st session of the General Assembly": a session, whatever body of it met.
    (re.compile(r"(?<!session of the )(?<!session of )\bGeneral Assembly\b(?! Hall)", re.I), Forum.UNGA),
)
_OUTSIDE_UN = re.compile(r"\b(?:foreign ministers? of|ministerial|released by the|leaders of|heads of (?:state|government))\b", re.I)


def forum_in(text: str) -> Forum | None:
    """The first forum the text names, most specific first (Third Committee beats General Assembly)."""
    best: tuple[int, int, Forum] | None = None
    text = _near(text, ("committee", "council", "assembly", "hrc", "ga/shc"))
    for rank, (pattern, forum) in enumerate(_FORUM_CUES):
        match = pattern.search(text)
        if match is None:
            continue
        key = (rank, match.start(), forum)
        if best is None or key < best:
            best = key
    return None if best is None else best[2]


def first_forum(text: str) -> Forum | None:
    """The forum a document names first: its own subject ('GENEVA ... at the Human Rights
    Council'), even if it later recalls a statement at the Third Committee."""
    found = [(match.start(), forum) for pattern, forum in _FORUM_CUES if (match := pattern.search(text))]
    if not found:
        return None
    start, forum = min(found, key=lambda f: f[0])
    if forum is Forum.UNGA:  # "at the General Assembly ... its Third Committee": the committee
        return next((f for _, f in found if f is Forum.UNGA_C3), forum)
    return forum


def outside_un(text: str) -> bool:
    """A ministerial or leaders' statement released outside any UN body."""
    return _OUTSIDE_UN.search(text) is not None


_ORD_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}
_ORD_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORDINAL = (
    rf"(?:\d{{1,3}}(?:st|nd|rd|th)|(?:{_TENS})[- ](?:{'|'.join(list(_ORD_UNITS)[:9])})|"
    rf"{'|'.join(_ORD_TENS)}|{'|'.join(sorted(_ORD_UNITS, key=len, reverse=True))})"
)
_BODY = r"(?:(?:UN |U\.N\. |United Nations )?(?:General Assembly|Human Rights Council|Council|Assembly|HRC)(?:'s)?)"
_SESSION_PATTERNS = (
    re.compile(rf"\b(?P<ord>{_ORDINAL})\s+session\s+of\s+the\s+(?P<body>{_BODY})", re.I),
    re.compile(rf"\b(?P<body>{_BODY})(?:'s)?(?:\s+|\s*[-–—:,]\s*)(?P<ord>{_ORDINAL})\s+(?:regular\s+|ordinary\s+)?session\b", re.I),
    # "HRC64", not a press-release number "HRC26.089E"
    re.compile(r"\b(?P<body>HRC|UNGA)\s?-?(?P<num>\d{2})\b(?![.]\d)"),
    re.compile(rf"^(?P<ord>{_ORDINAL})\s+SESSION\b", re.I | re.M),  # UN press release header
    re.compile(rf"\b(?P<body>Third Committee)(?:'s)?,?\s+(?P<ord>{_ORDINAL})\s+session\b", re.I),
    # "at its sixty-second regular session", "at the 86th session": the body from the forum
    re.compile(rf"\b(?:at|during|of|in)\s+(?:its|the|their)\s+(?P<ord>{_ORDINAL})\s+(?:regular\s+|ordinary\s+)?session\b", re.I),
)


def parse_ordinal(text: str) -> int | None:
    word = text.lower().strip()
    digits = re.match(r"(\d+)(?:st|nd|rd|th)$", word)
    if digits:
        return int(digits.group(1))
    if word in _ORD_UNITS:
        return _ORD_UNITS[word]
    if word in _ORD_TENS:
        return _ORD_TENS[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parse_number(parts[0]) and parts[1] in _ORD_UNITS:
        return (parse_number(parts[0]) or 0) + _ORD_UNITS[parts[1]]
    return None


def _near(text: str, words: tuple[str, ...], span: int = 160) -> str:
    """The stretches of a long text around any of `words` (found with str.find, which is
    much cheaper than running the recognisers over a 2 MB page)."""
    if len(text) < 4000:
        return text
    low = text.lower()
    spans: list[tuple[int, int]] = []
    for word in words:
        at = low.find(word)
        while at != -1:
            spans.append((max(0, at - span), at + len(word) + span))
            at = low.find(word, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return "\n".join(text[a:b] for a, b in merged)


def session_in(text: str, forum: Forum | None) -> str | None:
    """'the council's forty-first session' -> HRC41; '75th session of the General Assembly' -> UNGA75."""
    text = _near(text, ("session", "hrc", "unga"))
    for pattern in _SESSION_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        number = int(groups["num"]) if groups.get("num") else parse_ordinal(groups.get("ord") or "")
        if not number:
            continue
        body = (groups.get("body") or "").lower()
        if "hrc" in body or "human rights" in body or (body.startswith("council") or " council" in body):
            return f"HRC{number}"
        if "assembly" in body or "unga" in body or "committee" in body:
            return f"UNGA{number}"
        if forum in (Forum.UNGA_C3, Forum.UNGA):
            return f"UNGA{number}"
        if forum is Forum.HRC:
            return f"HRC{number}"
    return None
