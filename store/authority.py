"""How far a source is to be believed when sources disagree about a statement.

The issue's rule: the official list over a UN press release over news. A government or mission
page that publishes the statement is official; UN meetings coverage comes next; the shipped
baseline (compiled from official texts where they exist) sits between the two; everything else
is news. A document that gives a complete list outranks one of the same rank that does not.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

NEWS = 10
UN_PRESS = 20
BASELINE = 25
OFFICIAL = 30

# Hosts of governments, foreign ministries and missions, and of the UN's own record.
_OFFICIAL_HOST = re.compile(
    r"(^|\.)(gov(\.[a-z]{2})?|gouv\.[a-z]{2}|gob\.[a-z]{2}|govt\.[a-z]{2}|mfa\.[a-z.]+|diplomatie\.gouv\.fr"
    r"|auswaertiges-amt\.de|international\.gc\.ca|state\.gov|admin\.ch|regjeringen\.no|government\.se"
    r"|dfat\.gov\.au|mofa\.go\.jp|fmprc\.gov\.cn|china-un\.ch|un\.china-mission\.gov\.cn)$"
)
_UN_PRESS_HOST = re.compile(r"(^|\.)(press\.un\.org|un\.org|ohchr\.org|news\.un\.org)$")


def authority_of(url: str) -> int:
    host = (urlsplit(url).hostname or "").lower()
    if _OFFICIAL_HOST.search(host):
        return OFFICIAL
    if _UN_PRESS_HOST.search(host):
        return UN_PRESS
    return NEWS


def rank(authority: int, list_complete: bool) -> tuple[int, bool]:
    """Sort key: higher wins."""
    return authority, list_complete
