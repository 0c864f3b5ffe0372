"""Turning a `Notice` into words: a Slack Block Kit message and a few console lines.

Every message says what happened in its first line (the fallback text is what a phone
notification shows), then who, compared with what, and how we know (shared/ux.md).
Document-derived text (titles, quotes, source names) is hostile until escaped: Slack reads
`<!channel>` or `<http://evil|x>` in mrkdwn as a mention or a link, and a terminal reads escape
sequences. Slack's size limits are enforced here, because an oversized message is a permanent
failure: the outbox would retry it in vain.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import quote as url_quote

from alerts.notices import (
    COUNT_CHANGED, JOINED, NEW_STATEMENT, WITHDREW, Notice, SourceRef, StatementView,
)

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
FALLBACK_NAMES_MAX = 5

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FORUM_SHORT = {"unga_c3": "UNGA Third Committee", "hrc": "Human Rights Council",
                "unga": "UN General Assembly", "unsc": "UN Security Council"}
_FORUM_LONG = {"unga_c3": "UN General Assembly, Third Committee", "hrc": "Human Rights Council",
               "unga": "UN General Assembly", "unsc": "UN Security Council"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SlackMessage:
    text: str  # fallback: notifications, screen readers, clients without blocks
    blocks: list[dict] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Public entry points


def slack_message(notice: Notice) -> SlackMessage:
    if notice.shifts:
        from alerts.render_shifts import slack_blocks  # it builds on this module's helpers

        text, blocks = slack_blocks(notice)
    else:
        text, blocks = _SLACK_BUILDERS.get(notice.kind, _slack_other)(notice)
    # The fallback is mrkdwn too (notifications render it), so it is escaped like the blocks.
    return SlackMessage(text=_fit(_esc(text), FALLBACK_MAX), blocks=blocks[:BLOCKS_MAX])


def console_text(notice: Notice) -> str:
    """A few plain lines with the same facts as the Slack message, safe for a terminal."""
    st = notice.statement
    if notice.shifts:
        from alerts.render_shifts import console_lines

        return "\n".join([*console_lines(notice), *(f"  {line}" for line in _console_source(notice.source))])
    lines = [_headline(notice)]
    if notice.kind != NEW_STATEMENT:
        lines.append(f"  Statement: {_describe_long(st)}")
    elif st.forum or st.date:
        lines.append(f"  {_where_when(st)}")
    lines.append(f"  {_list_label(st)}: {_names(st.signatories) or 'none yet'}")
    lines.extend(f"  {line}" for line in _console_source(notice.source))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Facts in words (plain text: no escaping here; callers escape for their medium)


def country(code: str | None) -> str:
    """The short English name of an ISO alpha-3 code; the code itself if we have no name."""
    if not code:
        return "—"
    # Imported here so that alerts stays importable while parsers.countries is being written,
    # and because it is the one place that knows country names (no second table here).
    from parsers.countries import country_name
    try:
        return country_name(code) or code
    except (KeyError, ValueError, LookupError):
        return code


def _names(codes: Iterable[str]) -> str:
    return ", ".join(country(c) for c in codes)


def _and_list(codes: tuple[str, ...], most: int = FALLBACK_NAMES_MAX) -> str:
    """'Belgium', 'Belgium and Denmark', 'Belgium, Denmark and Chile', '... and 7 others'."""
    names = [country(c) for c in codes]
    if len(names) > most:
        rest = len(names) - most + 1
        names = names[: most - 1] + [f"{rest} others"]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _comma_list(codes: tuple[str, ...], most: int = FALLBACK_NAMES_MAX) -> str:
    """'Belgium, Denmark', '... , Fiji and 7 more'."""
    names = [country(c) for c in codes]
    if len(names) > most:
        return f"{', '.join(names[:most])} and {len(names) - most} more"
    return ", ".join(names)


def date_text(day: dt.date | None) -> str:
    """'29 Oct 2019', whatever the locale."""
    return "" if day is None else f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _topic(st: StatementView) -> str:
    return _clean(st.topic).replace("_", " ").title() or "Xinjiang"


def _stance_word(st: StatementView) -> str:
    return st.stance if st.stance in ("critical", "supportive") else ""


def _form(st: StatementView) -> str:
    """'statement' or 'letter'; inferred when the store did not say: nobody read out a letter."""
    if st.form in ("statement", "letter"):
        return st.form
    return "statement" if st.lead else "letter"


def _statement_noun(st: StatementView) -> str:
    """'critical joint statement on Xinjiang', 'supportive joint letter on Xinjiang' (no stance
    word when the stance is unknown)."""
    stance = _stance_word(st)
    return f"{stance + ' ' if stance else ''}joint {_form(st)} on {_topic(st)}"


def _countries(n: int) -> str:
    return f"{n} {'country' if n == 1 else 'countries'}"


def _session_number(session: str | None) -> int | None:
    match = re.search(r"(\d+)\s*$", session or "")
    return int(match.group(1)) if match else None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _forum_short(st: StatementView) -> str:
    number = _session_number(st.session)
    if st.forum == "hrc" and number:
        return f"HRC {number}"
    return _FORUM_SHORT.get(st.forum or "", "")


def _forum_long(st: StatementView) -> str:
    """'UN General Assembly, Third Committee'; 'Human Rights Council, 41st session'."""
    name = _FORUM_LONG.get(st.forum or "", "")
    number = _session_number(st.session)
    if name and number and st.forum in ("hrc", "unga"):
        return f"{name}, {_ordinal(number)} session"
    return name


def _who_short(st: StatementView) -> str:
    """'United Kingdom for 23 countries', 'United Kingdom', '22 countries', '' (nothing known)."""
    if st.lead and st.stated_count:
        return f"{country(st.lead)} for {_countries(st.stated_count)}"
    if st.lead:
        return country(st.lead)
    return _countries(st.stated_count) if st.stated_count else ""


def _who_long(st: StatementView) -> str:
    """_who_short, or 'A joint letter of 22 countries' when no lead is known."""
    if st.lead:
        return _who_short(st)
    of = f" of {_countries(st.stated_count)}" if st.stated_count else ""
    return f"A joint {_form(st)}{of}"


def _describe_short(st: StatementView) -> str:
    """'United Kingdom for 23, UNGA Third Committee, 29 Oct 2019' (parts we do not know left out)."""
    if st.lead:
        who = f"{country(st.lead)} for {st.stated_count}" if st.stated_count else country(st.lead)
    else:
        who = _countries(st.stated_count) if st.stated_count else ""
    return ", ".join(p for p in (who, _forum_short(st), date_text(st.date)) if p)


def _describe_long(st: StatementView) -> str:
    """'United Kingdom for 23 countries · UN General Assembly, Third Committee · 29 Oct 2019'."""
    return " · ".join(p for p in (_who_long(st), _forum_long(st), date_text(st.date)) if p)


def _where_when(st: StatementView) -> str:
    return " · ".join(p for p in (_forum_long(st), date_text(st.date)) if p)


def _in_parens(text: str) -> str:
    return f" ({text})" if text else ""


def _list_label(st: StatementView) -> str:
    named = len(st.signatories)
    if st.list_complete:
        return f"Full list ({named})"
    if st.stated_count:
        return f"Named so far ({named} of {st.stated_count})"
    return f"Named ({named})"


def _headline(notice: Notice) -> str:
    """The first line: what happened."""
    return _HEADLINES.get(notice.kind, _headline_other)(notice)


def _headline_new(notice: Notice) -> str:
    st = notice.statement
    where = ", ".join(p for p in (_forum_short(st), date_text(st.date)) if p)
    who = _who_short(st)
    if not who:  # neither lead nor count: the forum and date are all we have
        return f"New {_statement_noun(st)}{_in_parens(where)}"
    return f"New {_statement_noun(st)}: {who}{_in_parens(where)}"


def _headline_joined(notice: Notice) -> str:
    st = notice.statement
    context = _in_parens(_describe_short(st))
    if not notice.reported:
        return f"Newly named backers of the {_statement_noun(st)}{context}: {_comma_list(notice.burst())}"
    return f"{_and_list(notice.burst())} joined the {_statement_noun(st)}{context}"


def _headline_withdrew(notice: Notice) -> str:
    st = notice.statement
    return f"{_and_list(notice.burst())} withdrew from the {_statement_noun(st)}{_in_parens(_describe_short(st))}"


def _headline_count(notice: Notice) -> str:
    st = notice.statement
    noun = _statement_noun(st)
    now = f"{st.stated_count} backers" if st.stated_count is not None else "an unknown number of backers"
    was = f" (was {notice.previous_count})" if notice.previous_count is not None else ""
    return f"{noun[0].upper()}{noun[1:]} now has {now}{was}"


def _headline_other(notice: Notice) -> str:
    # A kind this renderer does not know yet (a newer store): say it plainly rather than fail.
    st = notice.statement
    kind = _clean(notice.kind).replace("_", " ")
    who = _and_list(notice.burst())
    return f"{who + ': ' if who else ''}{kind} — {_statement_noun(st)}{_in_parens(_describe_short(st))}"


_HEADLINES: dict[str, Callable[[Notice], str]] = {
    NEW_STATEMENT: _headline_new, JOINED: _headline_joined, WITHDREW: _headline_withdrew,
    COUNT_CHANGED: _headline_count,
}


# ---------------------------------------------------------------------------------------------
# Slack blocks


def _slack_new(notice: Notice) -> tuple[str, list[dict]]:
    st = notice.statement
    stance = _stance_word(st)
    title = f"New joint {_form(st)} on {_topic(st)}"
    if stance:
        title += f" — {stance} of China's policy"
    blocks = [_header(title), _section(_who_mrkdwn(st) + _line(_esc(_where_when(st))))]
    blocks += _list_sections(_list_label(st), st.signatories)
    blocks += _source_context(notice.source)
    return _headline(notice), blocks


def _slack_joined(notice: Notice) -> tuple[str, list[dict]]:
    st = notice.statement
    burst = notice.burst()
    if notice.reported:
        first = f"{_bold_and_list(burst)} joined the {_esc(_statement_noun(st))}"
    else:
        now = f"now {len(st.signatories)} of {st.stated_count} named" if st.stated_count else \
            f"now {len(st.signatories)} named"
        first = f"Named as backers: {_bold_names(burst)} ({now})"
    return _headline(notice), _change_blocks(notice, first)


def _slack_withdrew(notice: Notice) -> tuple[str, list[dict]]:
    st = notice.statement
    first = f"{_bold_and_list(notice.burst())} withdrew from the {_esc(_statement_noun(st))}"
    return _headline(notice), _change_blocks(notice, first)


def _slack_count(notice: Notice) -> tuple[str, list[dict]]:
    return _headline(notice), _change_blocks(notice, _esc(_headline(notice)))


def _slack_other(notice: Notice) -> tuple[str, list[dict]]:
    return _headline(notice), _change_blocks(notice, _esc(_headline(notice)))


_SLACK_BUILDERS: dict[str, Callable[[Notice], tuple[str, list[dict]]]] = {
    NEW_STATEMENT: _slack_new, JOINED: _slack_joined, WITHDREW: _slack_withdrew,
    COUNT_CHANGED: _slack_count,
}


def _change_blocks(notice: Notice, first_line: str) -> list[dict]:
    """A follow-up (usually in the thread of the statement's announcement): what changed, the
    statement it changed, where the list stands now, the evidence."""
    st = notice.statement
    blocks = [_section(first_line + _line(_esc(_describe_long(st))))]
    blocks += _list_sections(_list_label(st), st.signatories)
    blocks += _source_context(notice.source)
    return blocks


def _who_mrkdwn(st: StatementView) -> str:
    if st.lead and st.stated_count:
        return f"*{_esc(country(st.lead))}* on behalf of *{_countries(st.stated_count)}*"
    if st.lead:
        return f"*{_esc(country(st.lead))}* on behalf of a group of countries"
    if st.stated_count:
        return f"A joint {_form(st)} of *{_countries(st.stated_count)}*"
    return f"A joint {_form(st)} (number of backers not stated)"


def _bold_names(codes: tuple[str, ...]) -> str:
    return ", ".join(f"*{_esc(country(c))}*" for c in codes)


def _bold_and_list(codes: tuple[str, ...]) -> str:
    names = [f"*{_esc(country(c))}*" for c in codes]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _list_sections(label: str, codes: tuple[str, ...]) -> list[dict]:
    """The list of names, split over several sections so each stays under Slack's limit."""
    if not codes:
        return [_section(f"{_esc(label)}: none yet")]
    chunks: list[str] = []
    current = f"{_esc(label)}: "
    for i, code in enumerate(codes):
        name = _esc(country(code)) + ("," if i < len(codes) - 1 else "")
        if len(current) + len(name) + 1 > SECTION_MAX - 50:
            chunks.append(current.rstrip())
            current = ""
            if len(chunks) == LIST_SECTIONS_MAX:
                chunks[-1] += f" … and {len(codes) - i} more"
                break
        current += name + " "
    else:
        chunks.append(current.rstrip())
    return [_section(chunk) for chunk in chunks]


def _source_context(source: SourceRef) -> list[dict]:
    parts = [_source_link(source)]
    if source.source_name:
        parts.append(_esc(_fit(_clean(source.source_name), TITLE_MAX)))
    if source.published:
        parts.append(date_text(source.published))
    text = "Source: " + " · ".join(p for p in parts if p)
    if source.quote:
        text += "\n" + _esc(f'"{_fit(_clean(source.quote), QUOTE_MAX)}"')
    return [{"type": "context", "elements": [{"type": "mrkdwn", "text": _fit(text, CONTEXT_MAX)}]}]


def _source_link(source: SourceRef) -> str:
    """`<url|title>` that stays one link whatever the URL or title contain."""
    title = _esc(_fit(_clean(source.title or ""), TITLE_MAX))
    url = _safe_url(source.url)
    if not url:
        return title or "unknown document"
    # Slack splits a link at its first '|' and ends it at the first '>': neither may appear
    # raw in the URL (percent-encoded below) nor the label ('>' is escaped; '|' is replaced).
    label = title.replace("|", "\u00a6") or _esc(url)
    return f"<{url}|{label}>"


def _safe_url(url: str) -> str:
    """The URL percent-encoded where Slack would misread it; empty unless http(s)."""
    url = _clean(url)
    if not re.match(r"https?://", url, re.I):
        return ""  # javascript:, data:, relative: not a link anyone should click from an alert
    return url_quote(url, safe="/:?#[]@!$'()*+,;=%~.-_&").replace("&", "&amp;")


def _header(text: str) -> dict:
    # plain_text: Slack shows it verbatim, so no mrkdwn escaping (it would show '&amp;').
    return {"type": "header", "text": {"type": "plain_text", "text": _fit(text, HEADER_MAX), "emoji": True}}


def _section(mrkdwn: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _fit(mrkdwn, SECTION_MAX)}}


def _line(text: str) -> str:
    return f"\n{text}" if text else ""


# ---------------------------------------------------------------------------------------------
# Console


def _console_source(source: SourceRef) -> list[str]:
    parts = [_fit(_clean(source.title or ""), TITLE_MAX), _clean(source.source_name or ""),
             date_text(source.published)]
    line = "Source: " + " · ".join(p for p in parts if p) if any(parts) else ""
    url = _clean(source.url)
    if url:
        line = f"{line} <{url}>" if line else f"Source: {url}"
    lines = [line] if line else []
    if source.quote:
        lines.append(f'"{_fit(_clean(source.quote), QUOTE_MAX)}"')
    return lines


# ---------------------------------------------------------------------------------------------
# Text hygiene


def _esc(text: str) -> str:
    """Slack mrkdwn escaping: the only three characters Slack asks us to escape."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clean(text: str) -> str:
    """One line, no control characters (terminal escapes, bidi overrides), trimmed."""
    return _SPACE.sub(" ", _CONTROL.sub("", text or "")).strip()


def _fit(text: str, limit: int) -> str:
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
