"""Stated counts of backers: "on behalf of 23 countries", "some 54 nations", "Canada and 49 other
countries", "forty-three States", "a 23-nation rebuke"; vague ones ("more than 70") kept as vague.

Small recognisers tried in order; each returns the phrases it finds in one sentence.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from parsers.numbers import NUMBER, parse_number

_NOUN = (
    r"(?:countries|states|nations|member states|governments|delegations|signatories|"
    r"co-signatories|signatures|ambassadors|supporters|backers|members|others)"
)
_EXACT = r"(?:some|about|around|roughly|approximately|a record(?: of)?|a total of|all|the)"
_VAGUE = r"(?:more than|over|nearly|almost|at least|up to|fewer than|less than|upwards of|close to|dozens of)"
_ADJ = r"(?:[A-Za-z][\w-]*\s+){0,2}?"  # "22 mostly Western states", "50 UN member states"


@dataclass(frozen=True, slots=True)
class CountPhrase:
    value: int | None  # None for a vague count
    start: int  # offsets inside the sentence
    end: int
    kind: str  # "current" (size after a change), "plain", "following", "and_others", "adjectival", "for", "growth", "prior", "vague"
    floor: int | None = None  # the number in a vague count ("more than 70" -> 70)


# '"more than 60" countries': a figure quoted from someone else is still a figure.
_PLAIN = re.compile(rf"(?:\b(?P<q>{_VAGUE}|{_EXACT})\s+)?\b(?P<n>{NUMBER})[\"']?\s+{_ADJ}{_NOUN}\b", re.I)
_FOLLOWING = re.compile(rf"\bthe following\s+(?P<n>{NUMBER})\s+{_ADJ}{_NOUN}\b", re.I)
# "Canada and 49 other countries", and the headline form "Canada and 49 others".
_AND_OTHERS = re.compile(rf"\band\s+(?P<n>{NUMBER})\s+(?:(?:other|more|further)\s+{_ADJ}{_NOUN}|others)\b", re.I)
# Not "the 47-member council": the size of a body, not of a statement.
_ADJECTIVAL = re.compile(
    rf"\b(?P<n>{NUMBER})-(?:nation|country|state|member|strong|signatory)\b(?!\s+(?:council|body|committee|board|bureau|assembly|bloc|union|organi[sz]ation))",
    re.I,
)
_GROUP_OF = re.compile(rf"\bgroup of\s+(?:(?P<q>{_VAGUE}|{_EXACT})\s+)?(?P<n>{NUMBER})\b(?!-)", re.I)
_SPOKE_FOR = re.compile(
    rf"\b(?:spoke|speaking|spoken|speaks|replied|responded|answered|read|statement|text|this time)\b"
    rf"[^.;]{{0,60}}?\bfor\s+(?:(?P<q>{_VAGUE}|{_EXACT})\s+)?(?P<n>{NUMBER})\b(?!\s*(?:years?|days?|weeks?|months?|minutes|hours|per|%))",
    re.I,
)
# Not "on behalf of twelve non-governmental organizations": NGOs do not sign state statements.
_BEHALF_BARE = re.compile(
    rf"\bon behalf of\s+(?:(?P<q>{_VAGUE}|{_EXACT})\s+)?(?P<n>{NUMBER})\b(?!\s*(?:-|per|%))"
    r"(?!\s+(?:[\w-]+\s+){0,2}?(?:organi[sz]ations|NGOs|groups|entities|institutions|companies|universities|individuals|people|persons|unions|associations)\b)",
    re.I,
)
_GROUP_PHRASE = re.compile(r"\bon behalf of (?:a|an|the)\s+(?:\w+\s+){0,2}?group of (?:\w+\s+)?(?:countries|states|nations)\b", re.I)
_LAST_YEAR = re.compile(rf"\bthe\s+(?P<n>{NUMBER})\s+(?:of|from)\s+(?:last year|a year (?:earlier|ago)|the previous year)", re.I)
_GROWTH = re.compile(rf"\bfrom\s+(?P<a>{NUMBER})\s+to\s+(?P<n>{NUMBER})\b", re.I)
_NUMBER_TO = re.compile(
    rf"\b(?:number of (?:supporting\s+|backing\s+|signatory\s+)?(?:signatories|signatures|countries|states|supporters|co-signatories|backers)|total)"
    rf"\s+(?:\w+\s+){{0,2}}?to\s+(?P<n>{NUMBER})\b",
    re.I,
)
# "first circulated with 37 signatures", "a first batch of 37": the original figure of a
# statement that grew, not a statement of its own.
_PRIOR_CUE = re.compile(
    r"\b(?:first (?:sent|circulated|batch|published|signed|submitted|released|issued)|originally|initially|"
    r"original (?:batch|list|signatories)|earlier version|misstated|at delivery|on delivery|as delivered|when (?:it was )?(?:delivered|read)|"
    r"when\b[^.;]{0,80}?\b(?:read|delivered|presented)\b[^.;]{0,60}?\bit\s+(?:carried|had|bore|listed|counted))[^.;]{0,140}$",
    re.I,
)
# "Five countries signed for the first time: ...": newcomers to a statement, not its size.
_FIRST_TIMERS = re.compile(
    r"\s*(?:,\s*)?(?:(?:have|had|has)\s+)?(?:signed|joined|signed on|came on board|were added)\s+(?:(?:this|the)\s+(?:year'?s?\s+)?(?:text|statement|letter)\s+)?for the first time"
    r"|\s+(?:were|are)\s+(?:new|newcomers|first-time signatories)\b",
    re.I,
)
# "All 27 member states of the European Union backed the text": an organisation's membership,
# not the size of a statement.
_MEMBERSHIP = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:member\s+)?(?:states|countries|members|nations)\s+of\s+(?:the\s+)?(?:European Union|EU|African Union|"
    r"Organi[sz]ation of Islamic Cooperation|OIC|Arab League|League of Arab States|ASEAN|CARICOM|NATO|G7|G20|Council|Commonwealth|"
    r"Gulf Cooperation Council|GCC|Non-Aligned Movement|Union)\b"
    r"|\s+(?:EU|European Union|African Union|ASEAN|NATO|OIC|GCC)\s+(?:member\s+)?(?:states|countries|members)\b",
    re.I,
)
# "Thirteen more countries", "13 further states": an increment, not the size of a statement.
_INCREMENT = re.compile(r"^\s*(?:more|further|additional|new|other)\b", re.I)


def _value(match: re.Match[str]) -> tuple[int | None, bool]:
    n = parse_number(match.group("n"))
    qualifier = (match.groupdict().get("q") or "").lower()
    vague = bool(qualifier) and re.fullmatch(_VAGUE, qualifier, re.I) is not None
    return n, vague


def _phrases(pattern: re.Pattern[str], kind: str) -> Callable[[str], list[CountPhrase]]:
    def recognise(sentence: str) -> list[CountPhrase]:
        out = []
        for match in pattern.finditer(sentence):
            n, vague = _value(match)
            if n is None:
                continue
            if kind == "and_others":
                if re.search(r",\s*(?:the\s+)?[A-Z][\w' -]{1,40}$", sentence[max(0, match.start() - 50):match.start()]):
                    continue  # "Albania, Andorra, Austria and 36 others": a list's tail, no lead's count
                n += 1
            if vague:
                out.append(CountPhrase(None, match.start(), match.end(), "vague", floor=n))
            else:
                out.append(CountPhrase(n, match.start(), match.end(), kind))
        return out

    return recognise


def _growth(sentence: str) -> list[CountPhrase]:
    out = []
    for match in _GROWTH.finditer(sentence):
        old, new = parse_number(match.group("a")), parse_number(match.group("n"))
        if old is not None and new is not None and new > old:
            out.append(CountPhrase(old, match.start("a"), match.end("a"), "prior"))
            out.append(CountPhrase(new, match.start("n"), match.end("n"), "growth"))
    return out


# "down from 71 for the text Pakistan read in 2030": the size of another (earlier) statement.
_FROM_FOR_TEXT = re.compile(
    rf"\b(?:up|down|rose|fell|dropped|grew|shrank)\s+from\s+(?P<n>{NUMBER})\s+(?:for|on|behind|in)\s+(?:the|a|last year's|that year's)\s+"
    rf"(?:[\w'-]+\s+){{0,2}}?(?:text|statement|letter|counter-statement)\b",
    re.I,
)


def _from_for_text(sentence: str) -> list[CountPhrase]:
    out = []
    for match in _FROM_FOR_TEXT.finditer(sentence):
        n = parse_number(match.group("n"))
        if n is not None:
            out.append(CountPhrase(n, match.start("n"), match.end(), "plain"))
    return out


# "the statement now has 47 backers", "the list now stands at 52": the current size of one that grew.
# "Panama's withdrawal leaves the statement with 42 signatories": its size after a change.
_LEAVES_WITH = re.compile(
    rf"\b(?:leaves|leaving|left)\s+(?:the|that|this|its)\s+(?:[\w'-]+\s+){{0,2}}?(?:statement|letter|text|list)\s+with\s+(?P<n>{NUMBER})\s+(?:signatories|signatures|backers|supporters|co-signatories|countries|states|names)\b",
    re.I,
)
# "the number had slipped to fifty-two": the statement's size, said against an earlier one.
_NUMBER_MOVED_TO = re.compile(
    rf"\b(?:number|total|tally|count)\s+(?:had\s+|has\s+)?(?:slipped|fallen|fell|dropped|risen|rose|grown|grew|climbed|increased|decreased|shrunk|shrank)\s+to\s+(?:just\s+|only\s+)?(?P<n>{NUMBER})\b",
    re.I,
)
# "The number of backers was up from 52 a year earlier, when New Zealand read the text": the
# earlier statement's size.
_UP_FROM = re.compile(rf"(?:(?<=\bup from )|(?<=\bdown from ))(?P<n>{NUMBER})\b(?=\s*(?:a year (?:earlier|before|ago)|the (?:previous|year before)|last year|in (?:19|20)\d\d|,?\s*when)\b)", re.I)
# "Last year's, read by Germany, gathered 41 names" (but not "shortened from seven names to four").
_NAMES = re.compile(rf"\b(?:gathered|drew|carried|collected|attracted|bore|had|with)\s+(?:only\s+|just\s+|some\s+)?(?P<n>{NUMBER})\s+names\b", re.I)
# "the final tally stands at 55", "the total now stands at 52": the size after late joiners.
_STANDS_AT = re.compile(rf"\b(?:tally|total|count|number|list)\s+(?:now\s+)?(?:stands|stood)\s+at\s+(?P<n>{NUMBER})\b(?!\s*(?:years?|days?|per|%))", re.I)
# "one fewer than the 56 that backed New Zealand's text": a count named by what it did.
_THE_N_THAT = re.compile(rf"\bthe\s+(?P<n>{NUMBER})\s+(?:that|which|who)\s+(?:had\s+)?(?:backed|signed|supported|joined|endorsed|co-signed)\b", re.I)
# "..., leaving 46 signatories": the size after a withdrawal.
_LEAVING = re.compile(rf"\bleaving\s+(?:it\s+with\s+|the\s+(?:statement|text|list)\s+with\s+)?(?P<n>{NUMBER})\s+(?:signatories|signatures|backers|supporters|countries|states|names)\b", re.I)
# "was backed by only 41, the lowest figure in eight years": a size without a noun.
_BACKED_BY_N = re.compile(
    rf"\b(?:backed|supported|signed|endorsed|joined)\s+by\s+(?:only\s+|just\s+|some\s+|about\s+|a mere\s+)?(?P<n>{NUMBER})\b(?=\s*(?:[,.;)]|$))",
    re.I,
)
_NOW_HAS = re.compile(
    rf"\b(?:now|currently)\s+(?:has|have|carries|bears|counts|numbers|totals|stands at|lists)\s+(?:(?:some|a total of)\s+)?(?P<n>{NUMBER})\b(?!\s*(?:years?|days?|per|%))",
    re.I,
)


# "the statement is now supported by 34 States": the size of the statement under discussion today.
_NOW_BEFORE = re.compile(r"\b(?:now|currently)\s+(?:[\w-]+\s+){0,3}?(?:by\s+)?(?:(?:some|a total of)\s+)?$", re.I)


_RECOGNISERS: tuple[Callable[[str], list[CountPhrase]], ...] = (
    _growth,
    _phrases(_NOW_HAS, "growth"),
    _phrases(_STANDS_AT, "growth"),
    _phrases(_NUMBER_MOVED_TO, "plain"),
    _phrases(_UP_FROM, "plain"),
    _phrases(_NAMES, "plain"),
    _phrases(_THE_N_THAT, "plain"),
    _phrases(_LEAVES_WITH, "current"),
    _phrases(_LEAVING, "current"),
    _phrases(_NUMBER_TO, "growth"),
    _phrases(_FOLLOWING, "following"),
    _phrases(_AND_OTHERS, "and_others"),
    _phrases(_ADJECTIVAL, "adjectival"),
    _phrases(_GROUP_OF, "plain"),
    _phrases(_LAST_YEAR, "comparison"),
    _from_for_text,
    _phrases(_BEHALF_BARE, "plain"),
    _phrases(_SPOKE_FOR, "for"),
    _phrases(_BACKED_BY_N, "plain"),
    _phrases(_PLAIN, "plain"),
)


# "the gap between the two camps, now 32 countries": a difference between counts, no statement's size.
_DIFFERENCE = re.compile(r"\b(?:gap|difference|margin|lead)\b(?: between [^.;,]{0,40})?[\s,]*(?:(?:is|was|now|of|stood at|stands at|grew to|narrowed to|widened to)\s+)*$", re.I)


def group_phrase(sentence: str) -> re.Match[str] | None:
    """'on behalf of a group of countries': a joint statement that states no number."""
    return _GROUP_PHRASE.search(sentence)


_NUMBER_RE = re.compile(rf"\b(?:{NUMBER})\b", re.I)


_UN_MEMBERSHIP = re.compile(r"\b(?:UN|U\.N\.|United Nations|Organization|Organisation|Council|Assembly)(?:'s)?\s+(?:all\s+)?$", re.I)
_LOCATIVE = re.compile(r"\b(?:in|across|throughout)\s+(?:only\s+|just\s+|some\s+|all\s+)?$", re.I)
_AND_BEFORE = re.compile(r"\b(?:and|plus)\s+$")


def _number_end(sentence: str, phrase: CountPhrase) -> int:
    """Where the number itself ends ("27" in "27 member states of the EU")."""
    match = _NUMBER_RE.search(sentence, phrase.start, phrase.end)
    return match.end() if match else phrase.start


def count_phrases(sentence: str) -> list[CountPhrase]:
    """Every count of backers in a sentence, left to right, first recogniser wins an overlap."""
    taken: list[CountPhrase] = []
    for recognise in _RECOGNISERS:
        for phrase in recognise(sentence):
            if any(phrase.start < t.end and t.start < phrase.end for t in taken):
                continue
            if _DIFFERENCE.search(sentence[max(0, phrase.start - 80):phrase.start]):
                continue
            if phrase.kind == "plain" and sentence[phrase.start:phrase.end].endswith("others") and _AND_BEFORE.search(sentence[max(0, phrase.start - 8):phrase.start]):
                continue  # "Albania, Andorra, Austria and 36 others": the rest of a list
            if phrase.kind == "plain" and _MEMBERSHIP.match(sentence, _number_end(sentence, phrase)):
                continue
            if phrase.kind == "plain" and _UN_MEMBERSHIP.search(sentence[max(0, phrase.start - 30):phrase.start]):
                continue  # "a small minority of the UN's 193 member states"
            if phrase.kind == "plain" and _LOCATIVE.search(sentence[max(0, phrase.start - 20):phrase.start]):
                continue  # "majorities said yes in only six countries": where, not who backed
            if phrase.kind == "plain" and _INCREMENT.match(sentence[phrase.start:phrase.end].split(None, 1)[-1]):
                phrase = CountPhrase(phrase.value, phrase.start, phrase.end, "prior")
            elif phrase.kind == "plain" and _FIRST_TIMERS.match(sentence, phrase.end):
                phrase = CountPhrase(phrase.value, phrase.start, phrase.end, "prior")
            elif phrase.kind in ("plain", "for") and _PRIOR_CUE.search(sentence[max(0, phrase.start - 150):phrase.start]):
                phrase = CountPhrase(phrase.value, phrase.start, phrase.end, "prior")
            elif phrase.kind == "plain" and _NOW_BEFORE.search(sentence[max(0, phrase.start - 50):phrase.start]):
                phrase = CountPhrase(phrase.value, phrase.start, phrase.end, "growth")
            taken.append(phrase)
    return sorted(taken, key=lambda p: p.start)
