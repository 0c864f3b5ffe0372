"""What a statement is about: xinjiang (also when Hong Kong and Tibet ride along), hong_kong,
tibet, or a slug of another subject ("myanmar")."""
from __future__ import annotations

import re

_XINJIANG = re.compile(r"\b(?:Xinjiang|Uy?ghurs?|Uighurs?|Uigurs?|East Turkestan|Kashgar|Urumqi)\b", re.I)
_HONG_KONG = re.compile(r"\bHong\s?Kong\b", re.I)
_TIBET = re.compile(r"\bTibet(?:an)?\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no)\b[^.]{0,30}$|\bwithout\b[^.]{0,20}$", re.I)
_ON_SUBJECT = re.compile(
    r"\b(?i:joint\s+)?(?i:statement|letter|declaration)\s+on\s+(?i:the\s+(?:human\s+rights\s+)?situation\s+in\s+|human\s+rights\s+in\s+)?(?:the )?"
    r"(?P<subject>[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2})"
)


def topic_in(text: str) -> str | None:
    """The topic named in a passage, or None when it names none (negated mentions do not count)."""
    if _mentioned(_XINJIANG, text):
        return "xinjiang"
    if _mentioned(_HONG_KONG, text):
        return "hong_kong"
    if _mentioned(_TIBET, text):
        return "tibet"
    return None


def _mentioned(pattern: re.Pattern[str], text: str) -> bool:
    for match in pattern.finditer(text):
        after = text[match.end():match.end() + 30]
        if re.match(r"\s+(?:was|were|is)\s+not\b", after, re.I):
            continue
        return True
    return False


def subject_slug(text: str) -> str | None:
    """'Joint Statement on Myanmar one year after the coup' -> 'myanmar'."""
    match = _ON_SUBJECT.search(text)
    if match is None:
        return None
    words = match.group("subject").split()
    if words and words[0].lower() in {"the", "behalf"}:
        return None
    slug = re.sub(r"[^a-z0-9]+", "_", words[0].lower()).strip("_")
    return slug or None
