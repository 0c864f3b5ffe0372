"""Stance toward the Chinese government's policy, judged from a statement's own words."""
from __future__ import annotations

import re

from parsers.types import Stance

_CRITICAL = re.compile(
    r"\b(?:concern(?:s|ed)?|alarm(?:ed)?|worried|troubled|(?:urg|ask)(?:e|ed|es|s|ing)? (?:China|Beijing)|call(?:ed|s|ing)? on (?:China|Beijing|the Chinese)|"
    r"rebuke[sd]?|criticis\w*|criticiz\w*|condemn\w*|(?<!rejected )(?<!unfounded )(?<!groundless )(?<!baseless )(?<!false )accus\w*|abuses|violations|mass detention|arbitrar\w+ detain\w*|"
    r"statement of concern|crimes against humanity|unfettered access|meaningful access|press(?:es|ed)? (?:China|Beijing)|"
    r"pressure on Beijing|repression|detention|camps|smear)\b",
    re.I,
)
_SUPPORTIVE = re.compile(
    r"\b(?:prais\w+|commend\w*|applaud\w*|defend\w*|in support of China|support(?:ing|s)? (?:for )?(?:China|Beijing)|"
    r"backing (?:China|Beijing)|back(?:ed|s)? (?:China|Beijing)|internal affairs?|internal business|non-interference|"
    r"oppos\w+ (?:any |the )?(?:interference|politici[sz]ation|groundless)|interference in (?:China|its)|"
    r"politici[sz](?:ation|ing|ed)|spoke highly|achievements|statement of support|counter-statement|counter-letter|"
    r"counter-terrorism and deradicali[sz]ation|welcomed the (?:national security )?law)\b",
    re.I,
)
# Words that turn to the other camp's statement: cues after them belong to that one.
_TURN = re.compile(r"\b(?:drawing|prompting|counter-|rival|while|whereas|in response|responded|replied|answered)\b", re.I)
_RELATION = re.compile(r"\b(?:responded|replied|answered|respond|reply|response|counter-?(?:statement|letter)|rival|in response|hit back|countered)\b", re.I)

# Last resort when a statement's words say nothing: the camp a delivering state has led in
# every statement on record since 2019 (shared/reference/statements.json).
_CRITICAL_LEADS = frozenset("GBR USA CAN FRA DEU NLD AUS JPN NZL SWE NOR DNK FIN ISL IRL BEL LUX AUT CHE LTU EST LVA CZE".split())
_SUPPORTIVE_LEADS = frozenset("CHN CUB BLR PAK VEN RUS PRK SYR IRN NIC LAO KHM EGY SAU ARE".split())


def stance_score(text: str, anchor_end: int = 0) -> int:
    """Positive for critical wording, negative for supportive; cues after a turn are ignored."""
    turn = _TURN.search(text, max(anchor_end, 1))
    window = text if turn is None else text[:turn.start()]
    return len(_CRITICAL.findall(window)) - len(_SUPPORTIVE.findall(window))


def is_reply(text: str) -> bool:
    """Does the statement present itself as an answer to the one before it?"""
    return _RELATION.search(text) is not None


def stance_from(score: int, lead: str | None) -> Stance:
    if lead == "CHN":
        return Stance.SUPPORTIVE  # China is the criticised state: a statement it delivers defends it
    if score > 0:
        return Stance.CRITICAL
    if score < 0:
        return Stance.SUPPORTIVE
    if lead in _CRITICAL_LEADS:
        return Stance.CRITICAL
    if lead in _SUPPORTIVE_LEADS:
        return Stance.SUPPORTIVE
    return Stance.UNKNOWN


def opposite(stance: Stance) -> Stance:
    if stance is Stance.CRITICAL:
        return Stance.SUPPORTIVE
    if stance is Stance.SUPPORTIVE:
        return Stance.CRITICAL
    return Stance.UNKNOWN
