"""Who delivered a statement: "the representative of France", "read by Canadian ambassador
Bob Rae", "Britain spoke for", "A German-led group", "Canada and 49 other countries",
"my own country, the United Kingdom". Small recognisers tried in order on one sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol


class Mention(Protocol):
    code: str
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class LeadHit:
    code: str
    start: int  # of the country mention, inside the sentence
    strong: bool  # strong: names the deliverer; weak: "the Cuban text", "Cuba's reply"


_ROLE = r"(?:deputy |permanent |acting |alternate |senior )?(?:ambassador|representative|envoy|delegate|delegation|diplomat|mission|minister|foreign minister|spokes\w+)"
_BEFORE_OF = re.compile(
    r"\b(?:representative|ambassador|envoy|delegate|delegation|permanent mission|mission|representatives)\s+of\s+(?:the\s+)?$", re.I
)
_BEFORE_BY = re.compile(
    r"\b(?:led|read|delivered|read out|presented|made|given|introduced|statement|text|letter)"
    r"\s+(?:[\w'.,-]+\s+){0,9}?by\s+(?:the\s+)?(?:representative\s+of\s+(?:the\s+)?|ambassador\s+of\s+(?:the\s+)?|delegation\s+of\s+(?:the\s+)?)?$",
    re.I,
)
# "Speaking on behalf of a group of 76 countries, Venezuela said": the speaker named after the clause.
_SPEAKING_FOR_BEFORE = re.compile(
    r"(?:^|[.;]\s*|\s[-–—]\s+)(?:Speaking|Also speaking|Delivering a (?:joint )?statement|(?:In|With) (?:a|its|their) (?:joint )?statement[^.;]{0,80}?)\s+(?:for|on behalf of)\s+[^.;]{3,120}?,\s*"
    r"(?:the\s+)?(?:(?:representative|ambassador|delegate|delegation)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
_SAID = re.compile(r"^,?\s+(?:said|stated|told|noted|expressed|urged|called|stressed|underlined)\b", re.I)
# "the Czech ambassador said": a demonym names the speaker only with a role word.
_ROLE_SAID = re.compile(rf"^\s+{_ROLE}\b[^.;]{{0,40}}?\b(?:said|stated|told|noted|expressed|urged|called|stressed)\b", re.I)
# "a national statement by Canada on Xinjiang": one country's own statement, not a joint one's lead.
_OWN_STATEMENT_BY = re.compile(r"\b(?:national|own|individual|separate national|unilateral)\s+(?:statement|remarks|intervention)\s+(?:[\w'-]+\s+){0,3}?by\s+(?:the\s+)?$", re.I)
_MY_OWN = re.compile(r"\bmy own country,?\s+(?:the\s+)?$", re.I)
_AFTER_ROLE_VERB = re.compile(
    rf"^(?:'s?|')?\s*{_ROLE}\b[^.;]{{0,60}}?\b(?:read|reads|delivered|delivers|presented|spoke|spoken|speaking|took the floor|made|published (?:its|the) list|told the (?:committee|council|assembly|meeting))\b", re.I
)
# "a German-led group", "a German-read statement", "the Dutch-delivered text".
# "In 2030 it was Japan's turn, and the text gathered 46 signatures".
_TURN_AFTER = re.compile(r"^'s\s+turn\b", re.I)
_AFTER_LED = re.compile(r"^(?:-?(?:led|drafted|sponsored)|-(?:read|delivered|presented|coordinated|authored|penned))\b", re.I)
_AFTER_VERB = re.compile(
    r"^(?:'s\s+(?:delegation|mission|representative|ambassador)\s+)?"
    r"(?:,\s*(?:at|in|on|during|later|earlier|the next day|a day later|taking|having|for)\b[^,.;]{0,50},\s*)?"  # "Lithuania, at the same session, read"
    r",?\s*(?:(?:then|also|again|later|first|subsequently|in turn|on \w+day|minutes later|hours later|itself|which)\s+)*,?\s*"
    r"(?:spoke|speaking|speaks|read|reads|delivered|delivers|replied|replies|answered|answers|responded|responds|"
    r"to (?:answer|respond|reply)|"
    r"followed|follows|took the floor|took (?:over )?the pen(?: and read)?|took the lead|took its turn|(?:became|was) the first [^.;,]{0,60}?to (?:hold the pen|lead|read)|leads|led|presented|presents|rallied|mustered|gathered|made a (?:joint )?statement|countered|hit back|"
    r"on behalf of|speaking for|for \d)(?!\s+by\b)",  # "..., delivered by Norway": passive, not this state
    re.I,
)
# "..., one of the 53 signatories of the statement", "..., whose delegation was among the signatories".
_ONE_OF_SIGNERS = re.compile(
    r"^\s*,\s*(?:(?:one|two|three|all|both|each)\s+of\s+the|(?:whose|which|who)\s+(?:\w+\s+)?(?:was|is|were|are|had been)\s+(?:among|one of)\s+the)"
    r"\s+(?:\S+\s+)?(?:signatories|signers|co-signers|co-signatories|backers|supporters)\b",
    re.I,
)
_LIST_BEFORE = re.compile(r"[A-Za-z)],\s*(?:the\s+)?$")
_SUBJECT_BEFORE = re.compile(r"\b(?:statement|text|letter|situation|resolution)\s+(?:on|about|regarding|concerning|in|against)\s+(?:the\s+)?$", re.I)
_TEMPORAL_BEFORE = re.compile(r"\b(?:after|before|following|than|like|unlike|instead of)\s+(?:the\s+)?$", re.I)
# "... a day after Lithuania, at the same session, read a statement": Lithuania's own verb.
_OWN_VERB_AFTER = re.compile(r"^(?:\s*,[^,.;]{0,50},)?\s*(?:then\s+|had\s+)?(?:read|delivered|spoke|presented|took the floor)\b", re.I)
_ON_BEHALF_AFTER = re.compile(r"\bon behalf of\b|\bjoint statement\b")
_CAPITAL_DELIVERS = re.compile(
    r"^\s+(?:(?:then|also|again|later|first|in turn)\s+)?(?:read|delivered|presented|spoke (?:for|on behalf of)|led)\b(?!\s+by\b)", re.I
)
_AND_OTHERS = re.compile(r"^\s+and\s+(?:\S+\s+){1,2}?(?:(?:other|more|further)\s+(?:countries|states|nations)|others\b)", re.I)
# "The statement was backed among others by Türkiye": "by" names a backer, not the deliverer.
_BACKED_BY = re.compile(
    r"\b(?:backed|supported|signed|co-signed|endorsed|joined|sponsored|co-sponsored|welcomed|criticised|criticized|rejected|condemned|"
    r"circulated|distributed|drafted|prepared|promoted|pushed|lobbied)\b",
    re.I,
)
_PERM_REP = re.compile(r"^\s+(?:Permanent Representative|Ambassador|Mission)\b")
_WEAK_AFTER = re.compile(
    r"^(?:'s?|')?\s*(?:(?:19|20)\d\d\s+)?(?:-led\s+)?(?:(?:pro-[\w-]+|anti-[\w-]+|rival|counter|latest|annual|new|own|joint)\s+)?(?:reply|response|statement|counter-statement|counterstatement|text|letter|draft|"
    r"joint statement|rival statement|counter-letter)\b",
    re.I,
)


def find_leads(sentence: str, mentions: list[Mention]) -> list[LeadHit]:
    """Every delivering state named in this sentence, in order; strong or weak."""
    hits: list[LeadHit] = []
    for m in mentions:
        if m.kind == "capital":
            # "Ottawa read the statement on behalf of 51 countries": a capital for its government,
            # only as the subject of a delivering verb.
            if _CAPITAL_DELIVERS.match(sentence[m.end:m.end + 40]):
                hits.append(LeadHit(m.code, m.start, True))
            continue
        before = sentence[max(0, m.start - 120):m.start]
        after = sentence[m.end:m.end + 100]
        if m.code == "CHN" and not _ON_BEHALF_AFTER.search(after):
            # China is the subject of these statements; it leads one only when it speaks "on
            # behalf of" a group ("to defend China, speaking right after France": not China).
            continue
        if _is_strong(m, before, after):
            hits.append(LeadHit(m.code, m.start, True))
        elif _WEAK_AFTER.match(after):
            hits.append(LeadHit(m.code, m.start, False))
    return hits


def _is_strong(m: Mention, before: str, after: str) -> bool:
    if _ONE_OF_SIGNERS.match(after):
        return False
    if _SUBJECT_BEFORE.search(before):
        return False  # "a joint statement on China on behalf of 38 countries": the subject, not the deliverer
    if _TEMPORAL_BEFORE.search(before) and not _OWN_VERB_AFTER.match(after):
        return False  # "Pakistan spoke right after the Netherlands, on behalf of 70": the one before it  # "The representative of Switzerland, one of the 53 signatories of the statement read by ..."
    if _BEFORE_OF.search(before) or _MY_OWN.search(before):
        return True
    if _SPEAKING_FOR_BEFORE.search(before) and (_SAID.match(after) if m.kind != "demonym" else _ROLE_SAID.match(after)):
        return True
    by = _BEFORE_BY.search(before)
    if by is not None and not _BACKED_BY.search(by.group()) and not _OWN_STATEMENT_BY.search(before):
        return True
    if _AFTER_LED.match(after) or _AFTER_ROLE_VERB.match(after) or _TURN_AFTER.match(after):
        return True
    if m.kind == "demonym":
        return False
    # "Albania, Andorra, Austria and 36 others": the tail of a list, not "Canada and 49 others".
    and_others = _AND_OTHERS.match(after) is not None and not _LIST_BEFORE.search(before)
    return bool(_AFTER_VERB.match(after) or and_others or _PERM_REP.match(after))
