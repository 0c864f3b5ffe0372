"""The facts of a statement in words: country names, dates, forums, who led it for how many.

Plain text: no escaping here; callers escape for their medium (Slack mrkdwn, a terminal).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from alerts.notices import StatementView
from alerts.sanitize import clean

FALLBACK_NAMES_MAX = 5

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FORUM_SHORT = {"unga_c3": "UNGA Third Committee", "hrc": "Human Rights Council",
                "unga": "UN General Assembly", "unsc": "UN Security Council"}
_FORUM_LONG = {"unga_c3": "UN General Assembly, Third Committee", "hrc": "Human Rights Council",
               "unga": "UN General Assembly", "unsc": "UN Security Council"}


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


def names(codes: Iterable[str]) -> str:
    return ", ".join(country(c) for c in codes)


def and_list(codes: tuple[str, ...], most: int = FALLBACK_NAMES_MAX) -> str:
    """'Belgium', 'Belgium and Denmark', 'Belgium, Denmark and Chile', '... and 7 others'."""
    names = [country(c) for c in codes]
    if len(names) > most:
        rest = len(names) - most + 1
        names = names[: most - 1] + [f"{rest} others"]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def comma_list(codes: tuple[str, ...], most: int = FALLBACK_NAMES_MAX) -> str:
    """'Belgium, Denmark', '... , Fiji and 7 more'."""
    names = [country(c) for c in codes]
    if len(names) > most:
        return f"{', '.join(names[:most])} and {len(names) - most} more"
    return ", ".join(names)


def date_text(day: dt.date | None) -> str:
    """'29 Oct 2019', whatever the locale."""
    return "" if day is None else f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def topic(st: StatementView) -> str:
    return clean(st.topic).replace("_", " ").title() or "Xinjiang"


def stance_word(st: StatementView) -> str:
    return st.stance if st.stance in ("critical", "supportive") else ""


def form(st: StatementView) -> str:
    """'statement' or 'letter'; inferred when the store did not say: nobody read out a letter."""
    if st.form in ("statement", "letter"):
        return st.form
    return "statement" if st.lead else "letter"


def statement_noun(st: StatementView) -> str:
    """'critical joint statement on Xinjiang', 'supportive joint letter on Xinjiang' (no stance
    word when the stance is unknown)."""
    stance = stance_word(st)
    return f"{stance + ' ' if stance else ''}joint {form(st)} on {topic(st)}"


def countries(n: int) -> str:
    return f"{n} {'country' if n == 1 else 'countries'}"


def _session_number(session: str | None) -> int | None:
    match = re.search(r"(\d+)\s*$", session or "")
    return int(match.group(1)) if match else None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def forum_short(st: StatementView) -> str:
    number = _session_number(st.session)
    if st.forum == "hrc" and number:
        return f"HRC {number}"
    return _FORUM_SHORT.get(st.forum or "", "")


def forum_long(st: StatementView) -> str:
    """'UN General Assembly, Third Committee'; 'Human Rights Council, 41st session'."""
    name = _FORUM_LONG.get(st.forum or "", "")
    number = _session_number(st.session)
    if name and number and st.forum in ("hrc", "unga"):
        return f"{name}, {_ordinal(number)} session"
    return name


def who_short(st: StatementView) -> str:
    """'United Kingdom for 23 countries', 'United Kingdom', '22 countries', '' (nothing known)."""
    if st.lead and st.stated_count:
        return f"{country(st.lead)} for {countries(st.stated_count)}"
    if st.lead:
        return country(st.lead)
    return countries(st.stated_count) if st.stated_count else ""


def who_long(st: StatementView) -> str:
    """_who_short, or 'A joint letter of 22 countries' when no lead is known."""
    if st.lead:
        return who_short(st)
    of = f" of {countries(st.stated_count)}" if st.stated_count else ""
    return f"A joint {form(st)}{of}"


def describe_short(st: StatementView) -> str:
    """'United Kingdom for 23, UNGA Third Committee, 29 Oct 2019' (parts we do not know left out)."""
    if st.lead:
        who = f"{country(st.lead)} for {st.stated_count}" if st.stated_count else country(st.lead)
    else:
        who = countries(st.stated_count) if st.stated_count else ""
    return ", ".join(p for p in (who, forum_short(st), date_text(st.date)) if p)


def describe_long(st: StatementView) -> str:
    """'United Kingdom for 23 countries · UN General Assembly, Third Committee · 29 Oct 2019'."""
    return " · ".join(p for p in (who_long(st), forum_long(st), date_text(st.date)) if p)


def where_when(st: StatementView) -> str:
    return " · ".join(p for p in (forum_long(st), date_text(st.date)) if p)


def in_parens(text: str) -> str:
    return f" ({text})" if text else ""


def list_label(st: StatementView) -> str:
    named = len(st.signatories)
    if st.list_complete:
        return f"Full list ({named})"
    if st.stated_count:
        return f"Named so far ({named} of {st.stated_count})"
    return f"Named ({named})"
