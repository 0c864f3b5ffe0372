"""Which country mentions in a sentence name backers of a statement, and which do not.

A country counts only when a cue says it signed: "backed among others by A, B", "among them",
"the signatories were", "A and B were among the states that signed", "remain on the list",
a bare comma list. Everything else (spokesmen, voters, "stayed off the list") is left out by
default. Runs of names are split where the words between them stop being list glue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.leads import Mention

_GLUE_WORDS = re.compile(
    r"\b(?:and|or|the|as well as|alongside|together with|plus|with|also|even|my own country|of|"
    r"most|members?|many|several|other|others|some|small|island|Pacific|Caribbean|African|Gulf|states?|nations?|"
    r"European Union|EU|countries|including)\b",
    re.I,
)
_STOP_IN_GAP = re.compile(r"['\"\d:.()!?]|\b(?:is|are|was|were|be|been|has|have|had|did|do|does|not|no|but|which|who|that|while|than|except|apart|said|says|voted|signed|sign)\b", re.I)

_PARTIAL_BEFORE = re.compile(
    r"(?:\bincluding|\bincluded|\binclude[sd]?|\bamong them|\bamong others|\bamong whom|\bsuch as|\bnotably|"
    r"\b(?:backed|supported|signed|co-signed|endorsed|joined|sponsored)\s+(?:\w+\s+){0,3}?by|"
    r"\b(?:backed|supported|signed|co-signed|endorsed|joined)\s+(?:\w+\s+){0,3}?by\s+(?:[\w-]+\s+){1,3}?(?:states|countries|nations|governments)\s*,|"
    r"\b(?:group|coalition|bloc)\s+(?:comprised|included|includes|consisted\s+of|(?:was|is)\s+made\s+up\s+of)\b[^.;]{0,60}?|"
    r"\b(?:signatories|signers|backers|supporters|co-signatories)\s+(?:we can confirm |that we know of )?(?:were|are|included|include)|"
    r"\bjoining (?:it |them )?(?:for the first time )?(?:were|are|was|is)|\bnewcomers (?:were|are|include)|"
    r"\bamong (?:those|the (?:countries|states|nations|governments)) (?:backing|supporting|signing|joining|behind) (?:it|them|the (?:joint )?(?:statement|text|letter))? ?(?:were|are|was|is)|"
    r"\bamong (?:those|the (?:countries|states|nations|governments)) (?:that|which|who) (?:signed|backed|supported|joined|co-signed|endorsed) (?:it |them |the (?:joint )?(?:statement|text|letter) )?(?:were|are)|"
    r"\b(?:its|their) (?:backers|supporters|signatories|co-signatories|signers) (?:included|include|were|are)|"
    r"\b(?:signed|joined|signing|joining) (?:\w+ ){0,3}?for the first time|"
    r"\bamong (?:the|its|their) (?!\w*(?:absent|abstain|refus|declin|missing|critic|oppon|holdout|hold-out|non-sign|outlier|sceptic|skeptic))(?:\w+ ){0,2}?(?:were|are)|"
    r"\bas do|\bas did|\bas does|\bas have|\bas has|\bapart from|\bother than|\bexcept for)"
    r"[\s,:]*(?:the\s+)?(?:(?:neighbouring|neighboring|fellow|nearby)\s+)?$",
    re.I,
)
_COMPLETE_BEFORE = re.compile(
    r"(?:\bthe (?:signatories|signers|co-signatories|signatory states) (?:were|are)|"
    r"\b(?:the )?following (?:\S+ )?(?:\w+ )?(?:countries|states|nations|delegations)(?: \w+)?|"
    r"\b(?:the )?following (?:\S+ )?(?:\w+ )?(?:countries|states|nations|delegations) (?:have |had |also )?"
    r"(?:joined|signed|co-signed|supported|endorsed|backed|subscribed|adhered|associated|aligned|put)\b[^.;:]{0,60}:|"
    r"\b(?:countries|states) joining (?:the|this) (?:joint )?statement|\bjoining (?:the|this) statement|"
    r"\bon behalf of (?:(?:a|the) )?(?:(?:cross-regional |core )?group of )?(?:\S+ )?(?:countries|states|nations|delegations)\s*:|"
    r"\b(?:foreign )?ministers of|\bgovernments of|\bletters?\s+dated\s+[^.;]{4,40}?\s+from\s+the (?:Permanent |Deputy Permanent )?Representatives\s+of|\bsignatories|\bco-signatories|\bsigned by|\bon behalf of)"
    r"[\s,:]*(?:the\s+)?$",
    re.I,
)
# "Among the signatories were ...": some of them, whatever word names the signers.
_AMONG_BEFORE = re.compile(r"\bamong (?:the )?(?:\w+ )?(?:signatories|signers|co-signatories|signatory states)\s+(?:were|are)?[\s,:]*(?:the\s+)?$", re.I)
_JOINED_BEFORE = re.compile(
    r"(?:\bhave since joined (?:are|were)|\bsince joined (?:are|were)|\blater joined (?:were|are)|"
    r"\bnew signatories (?:were|are|include)|\blate joiners? (?:were|are)|\badded (?:later|since) (?:were|are))"
    r"[\s,:]*(?:the\s+)?$",
    re.I,
)
_SIGNED_AFTER = re.compile(
    r"^[\s,]*(?:(?:were|are|was|is)\s+)?(?:all\s+|also\s+|both\s+)?(?:among\s+(?:those|(?:the\s+)?(?:\w+\s+){0,3}?(?:states|countries|nations|signatories|signers|co-signers|co-signatories|co-sponsors|cosponsors|governments|backers|supporters))"
    r"(?:\s+(?:that|which|who)\s+(?:\w+\s+){0,2}?(?:signed|backed|supported|joined|co-signed|endorsed))?|"
    r"(?:which|who)\s+(?:had\s+|have\s+|has\s+)?(?:all\s+|also\s+|both\s+)?(?:signed|backed|supported|joined|co-signed)|"
    r"(?:[\w-]+\s+){1,5}?(?:that|which|who)\s+(?:had\s+|have\s+)?(?:also\s+|all\s+)?(?:signed|backed|joined|co-signed)\b|"
    r"remain(?:ed|s)?\s+(?:on\s+the\s+list|signatories|signers|among\s+(?:the|its|their)\s+(?:signatories|signers|backers|supporters)|on\s+board)|(?:have|has|had)\s+(?:also\s+)?(?:signed|co-signed|joined|backed)\s+(?:the|this|that|it)|"
    r"(?:signed|co-signed|backed|endorsed)\s+(?:the|this|that|it|both|again|once (?:again|more)|anew)\b|put\s+(?:its|their)\s+names?\s+to\b|"
    r"(?:signed|co-signed|backed|endorsed|supported)\s+last\s+year'?s\b|"
    r"(?:had\s+)?(?:signed|co-signed|backed)\s+in\s+(?:19|20)\d\d\b|"
    r"signed(?=\s*(?:[,;]|\.\s|$|but\b))|"
    r"(?:signed|co-signed)\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|later|afterwards|the (?:next|following) day)\b|"
    r"(?:'s\s+(?:name\s+)?)?among\s+them\b|"
    r"(?:returned|came back|rejoined|re-joined|were back|was back)\s+(?:after|to (?:the|this|that) (?:list|text|statement|letter|fold)|this year|this time)\b|(?:signed|co-signed|joined|signed on|signing|joining)\s+(?:it\s+|the\s+(?:text|statement|letter)\s+)?for the first time\b)",
    re.I,
)
_NEGATIVE_AFTER = re.compile(
    r"^[\s,]*(?:[^.;]{0,80}?,\s*)?(?:(?:were|was|are|is|have|has|had)\s+)?(?:stayed off|stay off|missing|absent|did not|didn't|declined|refused|abstained|voted|"
    r"spoke (?:individually|separately|on (?:their|its) own|in (?:their|its) (?:own |national )+(?:name|capacity|capacities))|"
    r"not\s+(?:on|among|sign|join)|never)",
    re.I,
)
# "Many countries, including Indonesia and Kazakhstan, also expressed support ... in their own
# national statements": speakers in their own name, not signers.
_NATIONAL_AFTER = re.compile(
    r"^[^.;]{0,160}?\b(?:in|through|with)\s+(?:(?:their|its)\s+)?(?:own\s+)?(?:national|individual)\s+(?:statements?|capacity|capacities|remarks|interventions?)\b",
    re.I,
)
# "Saudi Arabia, which had backed similar texts in earlier years, was not on the list": an aside
# about the past, then the sentence's own verdict.
_ASIDE_THEN_NEGATIVE = re.compile(
    r"^\s*,\s*(?:which|who)\b(?=[^.;,]{0,100}?\b(?:similar|such|earlier years|previous years|past years|in the past|before)\b)[^.;]{0,100}?,\s*(?:(?:was|were|is|are|has|have|had)\s+)?(?:not\s+(?:on|among)|missing|absent|stayed off|declined|refused|did not|didn't)",
    re.I,
)
_WITHDREW_AFTER = re.compile(
    r"^[\s,]*(?:(?:which|who|one of)\b[^.;]{0,100}?,\s*)?(?:(?:however|though|meanwhile|in turn|then|too|also|for its part),?\s+)?(?:has\s+|have\s+|had\s+|was\s+|is\s+|were\s+)?(?:since\s+|later\s+|quietly\s+)?(?:withdrawn|withdrew|withdrawing|withdraws|pulled|pulling|removed|removing|taken|took|retracted)\s+(?:its|their)\s+"
    r"(?:name|names|signature|signatures|support)"
    r"|^[\s,]*(?:has\s+|have\s+|had\s+)?(?:since\s+|later\s+|quietly\s+)?(?:withdrawn|withdrew|pulled out|dropped out)\s+(?:from|of)\s+(?:[\w'-]+\s+){0,4}?(?:statement|letter|text)\b"
    r"|^\s+(?:said|announced|confirmed)\s+(?:on\s+\w+day\s+)?(?:that\s+)?it\s+(?:was|is|had|has|would be)\s+(?:removing|withdrawing|taking off|pulling)\s+its\s+(?:name|signature|support)"
    r"|^[\s,]*(?:(?:however|though|meanwhile|then|later|since|also),?\s+)*(?:has\s+|have\s+|had\s+)?(?:asked|requested|applied)\s+(?:to\s+(?:be|have\s+its\s+name)\s+(?:removed|taken off|deleted)|for\s+(?:its\s+name\s+to\s+be\s+)?(?:removal|removed))",
    re.I,
)
_JOINED_AFTER = re.compile(
    r"^[\s,]*(?:(?:has|have|had)\s+)?(?:later\s+|since\s+|also\s+|subsequently\s+)?"
    r"(?:(?:added|adds) (?:its|their) names?|(?:has|have) joined the (?:joint )?(?:statement|text|letter)\b(?=[^.;]{0,160}\b(?:was|were|had been) (?:read|delivered|presented)\b)|(?<=later |since )put (?:its|their) names? to|(?<=subsequently )put (?:its|their) names? to|joined (?:the (?:joint )?(?:statement|text|letter) )?(?:later|afterwards|after)|did so, becoming the \d+(?:st|nd|rd|th) (?:supporter|signatory)|"
    r"(?:did so|joined|signed on|came on board|followed suit),?\s+(?:bringing|raising|taking|pushing|lifting)\s+(?:the\s+)?(?:total|number|tally|count)\b)",
    re.I,
)
# "In the days that followed, A, B and C did so": a time after delivery, then a join verb.
_LATER_BEFORE = re.compile(
    r"(?:\bin the (?:days|weeks|hours|months) (?:that )?follow(?:ed|ing)|\bin the following (?:days|weeks|months)|"
    r"\bafterwards|\bsubsequently|\bsince then|\bafter (?:it|the (?:statement|text|letter)) (?:was|had been) (?:read|delivered|circulated))\s*,?\s*(?:the\s+)?$",
    re.I,
)
_LATER_VERB = re.compile(r"^[\s,]*(?:(?:also|too|then)\s+)?(?:did so|joined|signed on|came on board|followed suit|added (?:its|their) names?)\b", re.I)
_APART_NO = re.compile(r"^[^.;]{0,80}?\bno\b[^.;]{0,60}\b(?:joined|signed|backed)", re.I)


_SUBJECT_OF_VERB = re.compile(
    r"^\s*(?:(?:then|again|also|later|itself|in turn|on \w+day)\s+)*(?:responded|replied|answered|read|delivered|spoke|said|"
    r"followed|countered|took the floor|presented|voted|abstained)\b",
    re.I,
)
_POSSESSIVE_GAP = re.compile(r"^['’]s(?:\s+[A-Za-z-]+){0,3}?\s+(?:neighbours|neighbors|allies|partners|friends)\s*,?\s*(?:the\s+)?$", re.I)
_LIST_BEFORE = re.compile(r"(?:,|\band)\s*(?:the\s+)?$", re.I)


@dataclass(slots=True)
class ListHit:
    codes: list[str]
    mentions: list[Mention]
    role: str  # "signed", "joined", "withdrew"
    complete: bool  # the list is presented as the whole set of signers
    start: int
    end: int
    cue_end: int = 0  # where the words after the list end (for attribution)
    backward: bool = False  # the cue follows the list ("..., which had all signed ...")
    starred: list[str] = field(default_factory=list)


def runs(sentence: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Consecutive country names joined only by list glue (commas, "and", "as well as")."""
    out: list[list[Mention]] = []
    for m in mentions:
        if m.kind == "capital" and m.code != "CHN":
            # "Washington, London and Canberra all put their names to it": capitals for their
            # governments, but only in a run of capitals (never mixed into a list of names).
            if out and out[-1] and all(x.kind == "capital" for x in out[-1]) and _is_glue(sentence[out[-1][-1].end:m.start]):
                out[-1].append(m)
            else:
                out.append([m])
            continue
        if m.kind == "capital" or _SUBJECT_OF_VERB.match(sentence[m.end:m.end + 60]):
            # "..., among them Türkiye, and Cuba again responded": a new clause's subject.
            out.append([])
            if m.kind != "capital" and not _LIST_BEFORE.search(sentence[max(0, m.start - 40):m.start]) \
                    and not _WITHDREW_AFTER.match(sentence[m.end:m.end + 140]):
                continue  # "Paraguay said ... it was removing its name": a withdrawal, kept
            out.append([m])
            out.append([])
            continue
        if out and out[-1] and _is_glue(sentence[out[-1][-1].end:m.start]):
            out[-1].append(m)
        else:
            out.append([m])
    return [r for r in out if r]


def _is_glue(gap: str) -> bool:
    """Only list words between two names: commas, "and", "as well as", "most members of the EU"."""
    if len(gap) > 70 or _STOP_IN_GAP.search(gap):
        return False
    rest = _GLUE_WORDS.sub(" ", gap)
    rest = re.sub(r"[\s,;*|-]+", " ", rest).strip()
    return not rest


def is_bare_list(sentence: str, mentions: list[Mention]) -> bool:
    """A sentence or block made of country names only ("Albania, Australia, ..., UK, US.")."""
    names = [m for m in mentions if m.kind == "name"]
    if len(names) < 3:
        return False
    rest = sentence
    for m in reversed(names):
        rest = rest[:m.start] + " " + rest[m.end:]
    rest = _GLUE_WORDS.sub(" ", rest)
    rest = re.sub(r"[\s,;.*|:\d()#-]+", " ", rest).strip()
    return len(rest) <= 12


def classify(sentence: str, mentions: list[Mention]) -> list[ListHit]:
    """The signatory lists in one sentence, with their role."""
    hits: list[ListHit] = []
    previous_role: str | None = None
    for run in runs(sentence, mentions):
        if run[0].kind == "capital" and len(run) < 2:
            previous_role = None
            continue  # one capital is a place ("talks in London"), not a list of governments
        start, end = run[0].start, run[-1].end
        before = sentence[max(0, start - 90):start]
        after = sentence[end:end + 140]
        role, complete = _role(before, after, previous_role)
        if role is None and previous_role and hits and _POSSESSIVE_GAP.match(sentence[hits[-1].end:start]):
            # "were Austria's European neighbours Germany, Switzerland and Slovenia": same list.
            role, complete = previous_role, False
        if role is None:
            previous_role = None
            continue
        previous_role = role
        # "Ukraine withdrew its name from a Canadian-led statement": the statement follows the cue.
        backward = _SIGNED_AFTER.match(after) is not None or _WITHDREW_AFTER.match(after) is not None
        if not complete and role == "signed":
            # "engage with all States, including China": China is the subject of these statements,
            # never a backer named in passing (it delivers its own, as a lead).
            run = [m for m in run if m.code != "CHN"]
            if not run:
                previous_role = None
                continue
        hits.append(ListHit([m.code for m in run], run, role, complete, start, end, cue_end=end + len(after), backward=backward))
    return hits


# "The 44 signatories of the statement were: A, B, ...", "States supporting the text: A, B":
# whatever words introduce it, a list after a colon that follows signing words is the list.
_COLON_INTRO = re.compile(
    r"\b(?:signator\w*|signers?|signed|co-signed|co-signatories|backers|supporters|supporting|joined|joining|endorsed|"
    r"backed|subscribed|adhered|aligned|put (?:its|their) names?|for the first time)\b[^.;:]{0,80}:[\s\"']*(?:the\s+)?$",
    re.I,
)
_NOT_SIGNERS = re.compile(r"\b(?:vot\w+|against|abstain\w*|did not|didn't|declined|refused|absent|missing|not (?:on|among|sign\w*|join\w*)|non-signator\w*|never)\b", re.I)
_SOME_OF = re.compile(r"\b(?:including|included|include|among|such as|notably|some of|e\.g|for example|inter alia|others|first time|newcomers)\b", re.I)


# "Several governments declined to sign, among them Indonesia, Qatar and Kazakhstan".
_REFUSERS_BEFORE = re.compile(
    r"\b(?:declined|refused|did not|didn't|would not|wouldn't|stayed (?:off|away|out)|absent|abstain\w*|voted|missing|non-signator\w*|"
    r"not (?:to )?(?:sign|join|back)\w*)\b[^.;]{0,60}?(?:among them|including|such as|notably|among others|like)[\s,:]*(?:the\s+)?$",
    re.I,
)


_OWN_COUNTRY_SIGNED = re.compile(
    r"^[^.;]{0,80}?\bsaid\s+(?:that\s+)?(?:his|her|its|their)\s+(?:country|delegation|government)\s+(?:had\s+|has\s+)?(?:also\s+)?"
    r"(?:signed|joined|co-signed|backed|supported)\b",
    re.I,
)
# "Guinea and Paraguay, both signatories of the 2034 text, are absent this year": signers of that
# text, whatever the sentence goes on to say about this year.
_SIGNERS_APPOSITIVE = re.compile(
    r"^\s*,\s*(?:(?:both\s+|all\s+|each\s+)?(?:signatories|signers|backers|supporters)\s+of\s+the\s+(?:19|20)\d\d\b"
    r"|(?:(?:one|two|three|all|both|each)\s+of\s+the|(?:whose|which|who)\s+(?:\w+\s+)?(?:was|is|were|are|had been)\s+(?:among|one of)\s+the)"
    r"\s+(?:\S+\s+)?(?:signatories|signers|co-signers|co-signatories|backers|supporters)\b)",
    re.I,
)


_SPEAKERS_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:also|too|then|again)\s+)?(?:spoke|said|called|urged|stressed|noted|highlighted|raised|welcomed|asked|underlined|emphasi[sz]ed|expressed|took the floor|voiced)\b",
    re.I,
)
_SPEAKERS_BEFORE = re.compile(
    r"\b(?:several|many|some|other|a number of|a few|most|numerous)\s+(?:[\w-]+\s+)?(?:delegations|speakers|countries|states|governments|members|representatives)"
    r"\s*,?\s*(?:including|such as|among them|notably)[\s,:]*(?:the\s+)?$",
    re.I,
)
# "Speakers including Brazil and Mexico said ...", "Several speakers, among them Ireland, ...".
_SPEAKERS_NAMED_BEFORE = re.compile(
    r"\b(?:speakers|delegations|delegates|representatives)\b[^.;]{0,20}?\b(?:including|such as|among them|notably)[\s,:]*(?:the\s+)?$", re.I
)
_LIST_GOES_ON = re.compile(
    r"(?:\band,?\s+(?:for the first time|also|again|this year|newly|now)\s*,?|,\s*(?:along with|alongside|together with|as well as|plus))\s*(?:the\s+)?$", re.I
)


_AND_N_OTHERS = re.compile(r"^\s*,?\s*(?:and|plus)\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:others|more|other (?:countries|states))\b", re.I)


_BARE_INCLUDING = re.compile(r"\b(?:including|such as|notably|among them|among others)[\s,:]*(?:the\s+)?$", re.I)
_SIGNING_CLAUSE = re.compile(
    r"sign|back|support|join|endors|behalf|statement|letter|text|list|group|coalition|bloc|camp|\d|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)",
    re.I,
)


def _colon_list(before: str) -> tuple[str | None, bool]:
    intro = _COLON_INTRO.search(before)
    if intro is None:
        return None, False
    clause = before[max(0, intro.start() - 60):]
    if _NOT_SIGNERS.search(clause):
        return None, False
    return "signed", _SOME_OF.search(clause) is None


def _role(before: str, after: str, previous_role: str | None) -> tuple[str | None, bool]:
    if _WITHDREW_AFTER.match(after):
        return "withdrew", False
    if _SIGNERS_APPOSITIVE.match(after):
        return "signed", False
    if _OWN_COUNTRY_SIGNED.match(after):
        return "signed", False  # "The representative of the UK ... said that his country had also signed it"
    if _JOINED_BEFORE.search(before) or _JOINED_AFTER.match(after) or (_LATER_BEFORE.search(before) and _LATER_VERB.match(after)):
        return "joined", False
    if re.search(r"\b(?:apart from|other than|except for)\s+(?:the\s+)?$", before, re.I):
        return ("signed", False) if _APART_NO.match(after) else (None, False)
    if previous_role and _LIST_GOES_ON.search(before):
        return previous_role, False  # "It includes A and B, as last year, and, for the first time, C and D"
    if re.search(r"\bas (?:do|did|does|have|has)\s+(?:the\s+)?$", before, re.I):
        return (previous_role, False) if previous_role else (None, False)
    if _NEGATIVE_AFTER.match(after) and (not _SIGNED_AFTER.match(after) or _ASIDE_THEN_NEGATIVE.match(after)):
        return None, False
    if _NATIONAL_AFTER.match(after):
        return None, False
    if _SPEAKERS_NAMED_BEFORE.search(before) or (_SPEAKERS_AFTER.match(after) and _SPEAKERS_BEFORE.search(before)):
        return None, False  # "Several delegations, including Niger and Nigeria, spoke of terrorism": speakers
    if _REFUSERS_BEFORE.search(before):
        return None, False
    if _COMPLETE_BEFORE.search(before) and not _AMONG_BEFORE.search(before):
        return "signed", _AND_N_OTHERS.match(after) is None
    partial = _PARTIAL_BEFORE.search(before)
    if partial and _BARE_INCLUDING.search(before) and not _SIGNING_CLAUSE.search(before[-110:]) and not _SIGNED_AFTER.match(after):
        return None, False  # "concerns about a number of countries, including Myanmar and Iran": no signers
    if partial or _SIGNED_AFTER.match(after):
        return "signed", False
    return _colon_list(before)
