"""Slack Block Kit pieces: headers, sections, a list of names split under Slack's limits, and
the source line. Everything taken from a document is escaped here, and every size limit is
enforced, because an oversized message is a permanent failure the outbox would retry in vain."""
from __future__ import annotations

import re
from urllib.parse import quote as url_quote

from alerts.notices import SourceRef
from alerts.sanitize import clean, esc, fit
from alerts.wording import country, date_text

# Slack limits (api.slack.com/reference/block-kit). Kept a little under the hard limits where
# a few characters of margin cost nothing.
HEADER_MAX = 150
SECTION_MAX = 3000
CONTEXT_MAX = 2000
BLOCKS_MAX = 50
FALLBACK_MAX = 300  # a notification line, not a letter; Slack's own cap is 40,000
QUOTE_MAX = 280
TITLE_MAX = 200
LIST_SECTIONS_MAX = 10  # a 193-country list needs 2; beyond 10 something is wrong upstream


def bold_names(codes: tuple[str, ...]) -> str:
    return ", ".join(f"*{esc(country(c))}*" for c in codes)


def bold_and_list(codes: tuple[str, ...]) -> str:
    names = [f"*{esc(country(c))}*" for c in codes]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def list_sections(label: str, codes: tuple[str, ...]) -> list[dict]:
    """The list of names, split over several sections so each stays under Slack's limit."""
    if not codes:
        return [section(f"{esc(label)}: none yet")]
    chunks: list[str] = []
    current = f"{esc(label)}: "
    for i, code in enumerate(codes):
        name = esc(country(code)) + ("," if i < len(codes) - 1 else "")
        if len(current) + len(name) + 1 > SECTION_MAX - 50:
            chunks.append(current.rstrip())
            current = ""
            if len(chunks) == LIST_SECTIONS_MAX:
                chunks[-1] += f" … and {len(codes) - i} more"
                break
        current += name + " "
    else:
        chunks.append(current.rstrip())
    return [section(chunk) for chunk in chunks]


def source_context(source: SourceRef) -> list[dict]:
    parts = [_source_link(source)]
    if source.source_name:
        parts.append(esc(fit(clean(source.source_name), TITLE_MAX)))
    if source.published:
        parts.append(date_text(source.published))
    text = "Source: " + " · ".join(p for p in parts if p)
    if source.quote:
        text += "\n" + esc(f'"{fit(clean(source.quote), QUOTE_MAX)}"')
    return [{"type": "context", "elements": [{"type": "mrkdwn", "text": fit(text, CONTEXT_MAX)}]}]


def _source_link(source: SourceRef) -> str:
    """`<url|title>` that stays one link whatever the URL or title contain."""
    title = esc(fit(clean(source.title or ""), TITLE_MAX))
    url = _safe_url(source.url)
    if not url:
        return title or "unknown document"
    # Slack splits a link at its first '|' and ends it at the first '>': neither may appear
    # raw in the URL (percent-encoded below) nor the label ('>' is escaped; '|' is replaced).
    label = title.replace("|", "\u00a6") or esc(url)
    return f"<{url}|{label}>"


def _safe_url(url: str) -> str:
    """The URL percent-encoded where Slack would misread it; empty unless http(s)."""
    url = clean(url)
    if not re.match(r"https?://", url, re.I):
        return ""  # javascript:, data:, relative: not a link anyone should click from an alert
    return url_quote(url, safe="/:?#[]@!$'()*+,;=%~.-_&").replace("&", "&amp;")


def header(text: str) -> dict:
    # plain_text: Slack shows it verbatim, so no mrkdwn escaping (it would show '&amp;').
    return {"type": "header", "text": {"type": "plain_text", "text": fit(text, HEADER_MAX), "emoji": True}}


def section(mrkdwn: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": fit(mrkdwn, SECTION_MAX)}}


def line(text: str) -> str:
    return f"\n{text}" if text else ""
