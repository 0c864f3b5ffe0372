"""The camp of each statement: from the words of the sentences about it, else from the
statement it answers or is compared with, else from its lead's usual camp."""
from __future__ import annotations

import re

from parsers.clusters import Assembly, Cluster
from parsers.stance import is_reply, opposite, stance_from, stance_score
from parsers.text import Text
from parsers.types import Stance


def page_stance(c: Cluster, assembly: Assembly, clusters: list[Cluster]) -> Stance:
    others = {i for o in clusters if o is not c for i in o.anchors}
    score = sum(stance_score(s.text) for i, s in enumerate(assembly.text.sentences) if i not in others)
    return stance_from(score, None)


def statement_stance(c: Cluster, assembly: Assembly, earlier: dict[int, Stance]) -> Stance:
    text = assembly.text
    score = _cluster_score(c, assembly)
    if score == 0 and c.compared_to is not None and c.compared_to.index in earlier:
        return earlier[c.compared_to.index]
    named = _answered_by_name(c, assembly, earlier)
    if abs(score) <= 1 and named is not None:
        return opposite(earlier[named.index])  # "Cuba answered Canada with a statement"
    if abs(score) <= 1 and _cluster_is_reply(c, text) and c.previous is not None and c.previous.index in earlier:
        answered = c.previous
        if c.year and answered.year != c.year:
            # "Last year the counter-statement was delivered by ...": it answered last year's
            # statement, not the one just discussed.
            same_year = [o for o in assembly.clusters if o.index < c.index and o.year == c.year and o.index in earlier]
            if same_year:
                answered = same_year[-1]
        return opposite(earlier[answered.index])
    return stance_from(score, c.lead)


_ANSWERED = re.compile(r"\b(?:answered|replied to|responded to|countered|rebutted)\s+(?:the\s+)?$", re.I)


def _answered_by_name(c: Cluster, assembly: Assembly, earlier: dict[int, Stance]) -> Cluster | None:
    """The statement this one answers when the sentence names its deliverer ('answered Canada')."""
    for i in c.anchors:
        sentence = assembly.text.sentences[i].text
        for m in assembly.mentions[i]:
            if m.code != c.lead and _ANSWERED.search(sentence[max(0, m.start - 20):m.start]):
                return next((o for o in reversed(assembly.clusters[:c.index]) if o.lead == m.code and o.index in earlier), None)
    return None


def body_stance(c: Cluster, assembly: Assembly, clusters: list[Cluster]) -> Stance:
    """A first-person statement page ('I deliver this statement on behalf of ...'): the text
    delivered after the opening is the statement's own words, up to the next statement named."""
    if not c.anchors:
        return Stance.UNKNOWN
    start = c.anchors[0]
    stop = min((o.anchors[0] for o in clusters if o is not c and o.anchors and o.anchors[0] > start),
               default=len(assembly.text.sentences))
    stop = min(stop, start + 15)
    score = sum(stance_score(assembly.text.sentences[i].text) for i in range(start + 1, stop))
    return stance_from(score, c.lead)


def _cluster_score(cluster: Cluster, assembly: Assembly) -> int:
    """Stance evidence from the sentences about the statement: in a sentence naming several
    statements, only the stretch from this one's mention to the next one's counts."""
    score = 0
    for i in cluster.context:
        sentence = assembly.text.sentences[i].text
        here = sorted(assembly.positions.get(i, []))
        mine = [p for p, c in here if c == cluster.index]
        if not mine:
            score += stance_score(sentence, 0)
            continue
        start = min(mine)
        others_before = [p for p, c in here if c != cluster.index and p < start]
        others_after = [p for p, c in here if c != cluster.index and p > start]
        lo = 0 if not others_before else start
        hi = min(others_after) if others_after else len(sentence)
        score += stance_score(sentence[lo:hi], start - lo + 1)
    return score


def _cluster_is_reply(cluster: Cluster, text: Text) -> bool:
    for frame in cluster.frames:
        sentence = text.sentences[frame.sentence].text
        window = sentence[max(0, frame.position - 80):frame.position + 60]
        if is_reply(window):
            return True
    return False
