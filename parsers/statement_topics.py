"""The subject of each statement: Xinjiang, another part of China, or another country."""
from __future__ import annotations

import re

from parsers.clusters import Assembly, Cluster
from parsers.text import Text
from parsers.topics import subject_slug, topic_in


def statement_topic(c: Cluster, assembly: Assembly, doc_topic: str | None) -> str:
    """The statement's own sentences first: a page about Xinjiang can report one on Afghanistan."""
    text = assembly.text
    anchor_text = " ".join(text.sentences[i].text for i in c.anchors)
    if _speaker_turn(c, text):
        # A speaker's turn on a meetings-coverage page: its subject is its own paragraph's,
        # never the page's ("Speaking for CARICOM, Jamaica said ..." under "Right to Food").
        block = text.sentences[c.anchors[0]].block
        own = " ".join(text.sentences[i].text for i in c.context if text.sentences[i].block == block)
        return (topic_in(anchor_text) or topic_in(own) or _subject_state(c, assembly)
                or (doc_topic if _CHINA.search(own) else None) or _turn_subject(anchor_text)
                or _section_subject(c, text, doc_topic) or "other")
    context_text = " ".join(text.sentences[i].text for i in c.context)
    return (topic_in(anchor_text) or _subject_state(c, assembly) or topic_in(context_text)
            or doc_topic or subject_slug(text.norm[:500]) or "xinjiang")

# "In the ensuing dialogue, the representative of X, speaking on behalf of 34 States, said".
_SPEAKER_TURN = re.compile(
    r"^(?:[^.;,]{3,60},\s*)?(?:(?:Also\s+)?Speaking\s+(?:for|on behalf of)\b[^.;]{3,120}?,\s*(?:the\s+)?[^.;]{0,60}?\bsaid\b"
    r"|[^.;]{2,60}?,\s*speaking\s+(?:for|on behalf of)\b[^.;]{3,120}?,\s*said\b)",
    re.I,
)
_CHINA = re.compile(r"\b(?:China|Chinese|Beijing)\b")
_TURN_SUBJECT = re.compile(r"\b(?:in|on|about|regarding|concerning)\s+(?:the\s+)?(?P<s>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})")


_HEADING_SUBJECT = re.compile(r"\b(?:in|on|of)\s+(?:the\s+)?$", re.I)


def _section_subject(c: Cluster, text: Text, doc_topic: str | None) -> str | None:
    """The subject of the section a speaker's turn sits in: 'Situation of Human Rights in Myanmar'."""
    from parsers.countries import find_countries

    for i in range(c.anchors[0] - 1, max(-1, c.anchors[0] - 40), -1):
        heading = text.sentences[i].text
        if len(heading) > 90 or heading.endswith((".", ":", "?", "!", '"')):
            continue
        if topic_in(heading):
            return topic_in(heading)
        for m in find_countries(heading):
            if m.kind == "name" and _HEADING_SUBJECT.search(heading[:m.start]):
                return doc_topic if m.code == "CHN" else re.sub(r"[^a-z0-9]+", "_", m.text.lower()).strip("_")
        return None  # the nearest heading names no state: the section is about a theme
    return None


def _speaker_turn(c: Cluster, text: Text) -> bool:
    """Is the statement one speaker's reported turn ('Speaking on behalf of ..., X said that ...')?"""
    return bool(c.anchors) and _SPEAKER_TURN.search(text.sentences[c.anchors[0]].text) is not None


def _turn_subject(sentence: str) -> str | None:
    for match in _TURN_SUBJECT.finditer(sentence):
        words = match.group("s")
        if words.split()[0].lower() in {"behalf", "council", "committee", "assembly", "group"}:
            continue
        return re.sub(r"[^a-z0-9]+", "_", words.lower()).strip("_") or None
    return None


_SUBJECT_BEFORE = re.compile(
    r"\b(?:in|on|over|about|regarding|concerning|situation in|(?:people|women|girls|children|population|citizens)(?: and \w+)? of)\s+(?:the\s+)?$", re.I
)


def _subject_state(c: Cluster, assembly: Assembly) -> str | None:
    """'... urging the Taliban to reopen schools to women and girls in Afghanistan': a statement
    about another state than China has that state as its topic, whatever the rest of the page is
    about. China itself is the subject of the Xinjiang statements (their topic comes from the page)."""
    for i in c.anchors:
        sentence = assembly.text.sentences[i].text
        for m in assembly.mentions[i]:
            if m.kind != "name" or m.code in ("CHN", c.lead) or m.code in c.signatories:
                continue
            if _SUBJECT_BEFORE.search(sentence[max(0, m.start - 20):m.start]):
                return re.sub(r"[^a-z0-9]+", "_", m.text.lower()).strip("_")
    return None
