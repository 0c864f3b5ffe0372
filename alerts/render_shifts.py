"""Rendering shifts between years: who newly signed, dropped out or switched camp, in words.

    "Türkiye did not sign this year's critical statement on Xinjiang; it signed in 2022"
    "Eswatini signed the critical statement on Xinjiang; last year it signed the supportive one"
"""
from __future__ import annotations

from alerts.notices import DROPPED_OUT, NEWLY_SIGNED, SWITCHED_CAMP, Notice, ShiftItem, StatementView
from alerts.blocks import header, section, source_context
from alerts.sanitize import esc
from alerts.wording import country, date_text, forum_short, names, stance_word, topic, who_short

SECTION_LABELS = ((DROPPED_OUT, "Dropped out"), (NEWLY_SIGNED, "Newly signed"), (SWITCHED_CAMP, "Switched camp"))


def _year(st: StatementView) -> str:
    return str(st.date.year) if st.date else ""


def _when_before(new: StatementView, old: StatementView) -> str:
    """'last year' when it was, else 'in 2022'."""
    if new.date and old.date and new.date.year - old.date.year == 1:
        return "last year"
    return f"in {_year(old)}" if old.date else "before"


def _camp_noun(st: StatementView) -> str:
    return f"{stance_word(st) or 'joint'} statement on {topic(st)}"


def sentence(item: ShiftItem, new: StatementView) -> str:
    """One shift as a sentence a reader understands without the rest of the message."""
    who, old = country(item.country), item.previous
    if item.kind == DROPPED_OUT:
        return f"{who} did not sign this year's {_camp_noun(new)}; it signed in {_year(old) or 'the previous one'}"
    if item.kind == SWITCHED_CAMP:
        return (f"{who} signed the {_camp_noun(new)}; {_when_before(new, old)} it signed the "
                f"{stance_word(old) or 'other'} one")
    return f"{who} signed the {_camp_noun(new)}; it had not signed {_when_before(new, old)}"


def headline(notice: Notice) -> str:
    st = notice.statement
    if len(notice.shifts) == 1:
        return sentence(notice.shifts[0], st)
    counts = [f"{sum(1 for s in notice.shifts if s.kind == kind)} {label.lower()}"
              for kind, label in SECTION_LABELS if any(s.kind == kind for s in notice.shifts)]
    where = " ".join(p for p in (forum_short(st), _year(st)) if p)
    return f"Positions shifted on the {_camp_noun(st)}{f' ({where})' if where else ''}: {', '.join(counts)}"


def _compared(notice: Notice) -> str:
    st = notice.statement
    previous = next((s.previous for s in notice.shifts if s.kind != SWITCHED_CAMP), None)
    now = f"{who_short(st)} ({date_text(st.date)})" if st.date else who_short(st)
    if previous is None:
        return now
    return f"{now}, compared with {who_short(previous)} ({date_text(previous.date)})"


def _lines(notice: Notice) -> list[str]:
    lines = []
    for kind, label in SECTION_LABELS:
        items = [s for s in notice.shifts if s.kind == kind]
        if not items:
            continue
        if kind == SWITCHED_CAMP:
            detail = "; ".join(
                f"{country(s.country)} — signed the {stance_word(s.previous) or 'other'} statement in "
                f"{_year(s.previous)}; now signs the {stance_word(notice.statement)} statement" for s in items)
            lines.append(f"{label} ({len(items)}): {detail}")
        else:
            lines.append(f"{label} ({len(items)}): {names(s.country for s in items)}")
    st = notice.statement
    if not st.list_complete and st.stated_count:
        lines.append(f"Named so far: {len(st.signatories)} of {st.stated_count} — we will compare with the "
                     "previous statement when the full list is published.")
    return lines


def slack_blocks(notice: Notice) -> tuple[str, list[dict]]:
    st = notice.statement
    where = " ".join(p for p in (forum_short(st), _year(st)) if p)
    blocks = [header(f"Positions shifted: {_camp_noun(st)}{', ' + where if where else ''}"),
              section(esc(_compared(notice))),
              section("\n".join(esc(line) for line in _lines(notice)))]
    return headline(notice), blocks + source_context(notice.source)


def console_lines(notice: Notice) -> list[str]:
    return [headline(notice), f"  {_compared(notice)}", *(f"  {line}" for line in _lines(notice))]
