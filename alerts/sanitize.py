"""Text hygiene for anything taken from a document: titles, quotes and source names are
hostile until cleaned (terminal escapes, bidi overrides) and, for Slack, escaped (`<!channel>`)."""
from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")


def esc(text: str) -> str:
    """Slack mrkdwn escaping: the only three characters Slack asks us to escape."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clean(text: str) -> str:
    """One line, no control characters (terminal escapes, bidi overrides), trimmed."""
    return _SPACE.sub(" ", _CONTROL.sub("", text or "")).strip()


def fit(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    # Never leave half an escape ('&am') or half a link behind.
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    if cut.count("<") > cut.count(">"):
        cut = cut[: cut.rfind("<")]
    return cut.rstrip(" ,") + "…"
