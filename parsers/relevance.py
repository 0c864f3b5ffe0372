"""Cheap pre-filter for feed items: is this worth fetching? Generous by design: a false
positive costs one page fetch, a false negative loses a statement."""
from __future__ import annotations

import re

_TOPIC = re.compile(r"\b(?:xinjiang|sinkiang|uy?ghurs?|uighurs?|uigurs?|uyghur\w*|uighur\w*|east turkestan|urumqi|kashgar)\b", re.I)
_JOINT = re.compile(
    r"\b(?:joint (?:statement|letter|declaration)|counter-?statement|counter-?letter|on behalf of (?:\d+|a group)|"
    r"(?:\d+|[a-z]+-[a-z]+|dozens of)[ -](?:countries|states|nations|nation|country)|co-?signed|signatories|rival (?:blocs?|groups?|statements?))",
    re.I,
)
_CONTEXT = re.compile(
    r"\b(?:china|chinese|beijing|human rights council|hrc\d*|third committee|general assembly|rights council|"
    r"u\.?n\.?|united nations|hong kong|tibet)\b",
    re.I,
)


def is_relevant(title: str, summary: str) -> bool:
    text = f"{title or ''}\n{summary or ''}"
    if _TOPIC.search(text):
        return True
    return _JOINT.search(text) is not None and _CONTEXT.search(text) is not None
