"""Turning a `Notice` into words: a Slack Block Kit message and a few console lines.

Every message says what happened in its first line (the fallback text is what a phone
notification shows), then who, compared with what, and how we know (shared/ux.md).
The words come from `wording`, the Slack pieces (escaped, within Slack's limits) from `blocks`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from alerts.blocks import (
    BLOCKS_MAX, FALLBACK_MAX, QUOTE_MAX, TITLE_MAX, bold_and_list, bold_names, header, line, list_sections, section,
    source_context,
)
from alerts.notices import COUNT_CHANGED, JOINED, NEW_STATEMENT, WITHDREW, Notice, SourceRef, StatementView
from alerts.render_shifts import console_lines, slack_blocks
from alerts.sanitize import clean, esc, fit
from alerts.wording import (
    and_list, comma_list, countries, country, date_text, describe_long, describe_short, form, forum_short, in_parens,
    list_label, names, stance_word, statement_noun, topic, where_when, who_short,
)


@dataclass(frozen=True, slots=True)
class SlackMessage:
    text: str  # fallback: notifications, screen readers, clients without blocks
    blocks: list[dict] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Public entry points


def slack_message(notice: Notice) -> SlackMessage:
    if notice.shifts:
        text, blocks = slack_blocks(notice)
    else:
        text, blocks = _SLACK_BUILDERS.get(notice.kind, _slack_other)(notice)
    # The fallback is mrkdwn too (notifications render it), so it is escaped like the blocks.
    return SlackMessage(text=fit(esc(text), FALLBACK_MAX), blocks=blocks[:BLOCKS_MAX])


def console_text(notice: Notice) -> str:
    """A few plain lines with the same facts as the Slack message, safe for a terminal."""
    st = notice.statement
    if notice.shifts:
        return "\n".join([*console_lines(notice), *(f"  {line}" for line in _console_source(notice.source))])
    lines = [_headline(notice)]
    if notice.kind != NEW_STATEMENT:
        lines.append(f"  Statement: {describe_long(st)}")
    elif st.forum or st.date:
        lines.append(f"  {where_when(st)}")
    lines.append(f"  {list_label(st)}: {names(st.signatories) or 'none yet'}")
    lines.extend(f"  {line}" for line in _console_source(notice.source))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Facts in words (plain text: no escaping here; callers escape for their medium)


def _headline(notice: Notice) -> str:
    """The first line: what happened."""
    return _HEADLINES.get(notice.kind, _headline_other)(notice)


def _headline_new(notice: Notice) -> str:
    st = notice.statement
    where = ", ".join(p for p in (forum_short(st), date_text(st.date)) if p)
    who = who_short(st)
    if not who:  # neither lead nor count: the forum and date are all we have
        return f"New {statement_noun(st)}{in_parens(where)}"
    return f"New {statement_noun(st)}: {who}{in_parens(where)}"


def _headline_joined(notice: Notice) -> str:
    st = notice.statement
    context = in_parens(describe_short(st))
    if not notice.reported:
        return f"Newly named backers of the {statement_noun(st)}{context}: {comma_list(notice.burst())}"
    return f"{and_list(notice.burst())} joined the {statement_noun(st)}{context}"


def _headline_withdrew(notice: Notice) -> str:
    st = notice.statement
    return f"{and_list(notice.burst())} withdrew from the {statement_noun(st)}{in_parens(describe_short(st))}"


def _headline_count(notice: Notice) -> str:
    st = notice.statement
    noun = statement_noun(st)
    now = f"{st.stated_count} backers" if st.stated_count is not None else "an unknown number of backers"
    was = f" (was {notice.previous_count})" if notice.previous_count is not None else ""
    return f"{noun[0].upper()}{noun[1:]} now has {now}{was}"


def _headline_other(notice: Notice) -> str:
    # A kind this renderer does not know yet (a newer store): say it plainly rather than fail.
    st = notice.statement
    kind = clean(notice.kind).replace("_", " ")
    who = and_list(notice.burst())
    return f"{who + ': ' if who else ''}{kind} — {statement_noun(st)}{in_parens(describe_short(st))}"


_HEADLINES: dict[str, Callable[[Notice], str]] = {
    NEW_STATEMENT: _headline_new, JOINED: _headline_joined, WITHDREW: _headline_withdrew,
    COUNT_CHANGED: _headline_count,
}


# ---------------------------------------------------------------------------------------------
# Slack blocks


def _slack_new(notice: Notice) -> tuple[str, list[dict]]:
    st = notice.statement
    stance = stance_word(st)
    title = f"New joint {form(st)} on {topic(st)}"
    if stance:
        title += f" — {stance} of China's policy"
    blocks = [header(title), section(_who_mrkdwn(st) + line(esc(where_when(st))))]
    blocks += list_sections(list_label(st), st.signatories)
    blocks += source_context(notice.source)
    return _headline(notice), blocks


def _slack_joined(notice: Notice) -> tuple[str, list[dict]]:
    st = notice.statement
    burst = notice.burst()
    if notice.reported:
        first = f"{bold_and_list(burst)} joined the {esc(statement_noun(st))}"
    else:
        now = f"now {len(st.signatories)} of {st.stated_count} named" if st.stated_count else \
            f"now {len(st.signatories)} named"
        first = f"Named as backers: {bold_names(burst)} ({now})"
    return _headline(notice), _change_blocks(notice, first)


def _slack_withdrew(notice: Notice) -> tuple[str, list[dict]]:
    st = notice.statement
    first = f"{bold_and_list(notice.burst())} withdrew from the {esc(statement_noun(st))}"
    return _headline(notice), _change_blocks(notice, first)


def _slack_count(notice: Notice) -> tuple[str, list[dict]]:
    return _headline(notice), _change_blocks(notice, esc(_headline(notice)))


def _slack_other(notice: Notice) -> tuple[str, list[dict]]:
    return _headline(notice), _change_blocks(notice, esc(_headline(notice)))


_SLACK_BUILDERS: dict[str, Callable[[Notice], tuple[str, list[dict]]]] = {
    NEW_STATEMENT: _slack_new, JOINED: _slack_joined, WITHDREW: _slack_withdrew,
    COUNT_CHANGED: _slack_count,
}


def _change_blocks(notice: Notice, first_line: str) -> list[dict]:
    """A follow-up (usually in the thread of the statement's announcement): what changed, the
    statement it changed, where the list stands now, the evidence."""
    st = notice.statement
    blocks = [section(first_line + line(esc(describe_long(st))))]
    blocks += list_sections(list_label(st), st.signatories)
    blocks += source_context(notice.source)
    return blocks


def _who_mrkdwn(st: StatementView) -> str:
    if st.lead and st.stated_count:
        return f"*{esc(country(st.lead))}* on behalf of *{countries(st.stated_count)}*"
    if st.lead:
        return f"*{esc(country(st.lead))}* on behalf of a group of countries"
    if st.stated_count:
        return f"A joint {form(st)} of *{countries(st.stated_count)}*"
    return f"A joint {form(st)} (number of backers not stated)"


def _console_source(source: SourceRef) -> list[str]:
    parts = [fit(clean(source.title or ""), TITLE_MAX), clean(source.source_name or ""),
             date_text(source.published)]
    line = "Source: " + " · ".join(p for p in parts if p) if any(parts) else ""
    url = clean(source.url)
    if url:
        line = f"{line} <{url}>" if line else f"Source: {url}"
    lines = [line] if line else []
    if source.quote:
        lines.append(f'"{fit(clean(source.quote), QUOTE_MAX)}"')
    return lines


# ---------------------------------------------------------------------------------------------
# Text hygiene
