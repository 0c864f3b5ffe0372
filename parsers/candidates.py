"""Which sentences can say anything about a joint statement, found in one cheap pass.

Most of a long meetings-coverage page is speakers on other subjects. The gazetteer and the
recognisers are the expensive part, so they run only on sentences that hold a cue word
(found with str.find over the lower-cased text, far cheaper than a regex alternation tried at
every position) or that look like a list of country names.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Protocol


class _Sentence(Protocol):
    start: int
    end: int
    text: str


# Without one of these a sentence can neither name a statement nor list its signers
# (the words that statements.py, frames.py and signatories.py look for).
GATE_CUES: tuple[str, ...] = (
    "statement", "letter", "behalf", "sign", "joint", "text", "backe", "support", "-led", "led by",
    "spoke for", "speaking for", "read", "deliver", "repl", "respon", "answer", "group of", "countries",
    "states", "nations", "governments", "rebuke", "withdr", "join", "added", "list", "includ", "among", "as do",
    "apart from", "told", "urge", "called on", "voice", "accuse", "prais", "defend", "condemn", "critic",
    "denounc", "press", "applaud", "commend", "wrote", "*", "others", "put its", "put their", "urging",
    "took the lead",
)
# Cues that matter only in a sentence that names several countries ("A, B and C endorsed it"),
# or for the page's publisher ("Permanent Mission of Sweden").
EXTRA_CUES: tuple[str, ...] = (
    "endors", "such as", "notably", "declar", "express", "spar", "clash", "pulled", "removed", "retract",
    "took", "taken", "remain", "sponsor", "group", "asterisk", "mission",
    "embassy", "ministry", "delegation of", "government of", "permanent representative",
)
# A lower-case word that is not list glue: prose, not a list line ("Albania, Andorra and the
# United Kingdom" has none; "Bolivia (Plurinational State of)" only glue).
_PROSE_WORD = re.compile(r"\b(?!(?:and|the|of|or|my|own|country|as|well|plus|with)\b)[a-z][a-z]+")


def cue_sentences(lower: str, sentences: Sequence[_Sentence], cues: Sequence[str]) -> set[int]:
    """Indices of the sentences holding any of `cues` (lower-case) inside them."""
    starts = [s.start for s in sentences]
    found: set[int] = set()
    for cue in cues:
        at = lower.find(cue)
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and at + len(cue) <= sentences[i].end:
                found.add(i)
                # The rest of this sentence cannot add anything for this cue.
                at = lower.find(cue, sentences[i].end)
            else:
                at = lower.find(cue, at + 1)
    return found


def looks_like_list(sentence: str) -> bool:
    """At most one prose word: a line of a signatory list or a bare comma list of names."""
    first = _PROSE_WORD.search(sentence)
    return first is None or _PROSE_WORD.search(sentence, first.end()) is None


def candidates(norm: str, sentences: Sequence[_Sentence]) -> tuple[set[int], set[int]]:
    """(sentences worth finding countries in, sentences that pass the statement gate)."""
    lower = norm.lower()
    if len(lower) != len(norm):  # a few characters lower-case to two: offsets would drift
        gate = {i for i, s in enumerate(sentences) if any(c in s.text.lower() for c in GATE_CUES)}
        extra = {i for i, s in enumerate(sentences) if any(c in s.text.lower() for c in EXTRA_CUES)}
    else:
        gate = cue_sentences(lower, sentences, GATE_CUES)
        extra = cue_sentences(lower, sentences, EXTRA_CUES)
    lists = {i for i, s in enumerate(sentences) if i not in gate and i not in extra and looks_like_list(s.text)}
    return gate | extra | lists, gate
