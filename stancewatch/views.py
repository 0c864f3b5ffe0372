"""How the CLI shows the history: tables for people, stable JSON for programs."""
from __future__ import annotations

import datetime as dt
from typing import Any

from parsers.countries import country_name
from store.queries import ChangeRow, StatementRow

FORUM_SHORT = {"unga_c3": "UNGA C3", "hrc": "HRC", "unga": "UNGA", "unsc": "UNSC", "other": "Other"}


def forum_short(forum: str | None, session: str | None) -> str:
    if forum == "hrc" and session and session.upper().startswith("HRC"):
        return "HRC " + session[3:].strip()
    return FORUM_SHORT.get(forum or "", "?")


def name_or_dash(code: str | None) -> str:
    return country_name(code) if code else "—"


def statement_json(row: StatementRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "topic": row.topic,
        "stance": row.stance,
        "lead": row.lead,
        "forum": row.forum,
        "session": row.session,
        "date": row.date.isoformat() if row.date else None,
        "stated_count": row.stated_count,
        "named_count": row.named_count,
        "signatories": list(row.signatories),
        "withdrawn": list(row.withdrawn),
        "list_complete": row.list_complete,
    }


def change_json(row: ChangeRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "country": row.country,
        "statement_id": row.statement_id,
        "previous_statement_id": row.previous_statement_id,
        "previous_count": row.previous_count,
        "new_count": row.new_count,
        "detected_at": iso_utc(row.detected_at),
        "document_url": row.document_url,
    }


def iso_utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    """A plain aligned table; numeric columns (`right`) align right."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return " " + "  ".join(c.rjust(w) if i in right else c.ljust(w)
                               for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return "\n".join([line(headers), *(line(r) for r in rows)])


def statements_table(rows: list[StatementRow]) -> str:
    body = [
        [str(r.id), r.date.isoformat() if r.date else "—", forum_short(r.forum, r.session), r.stance,
         name_or_dash(r.lead), "—" if r.stated_count is None else str(r.stated_count), str(r.named_count),
         "yes" if r.list_complete else "no"]
        for r in rows
    ]
    return table(["ID", "Date", "Forum", "Stance", "Lead", "Stated", "Named", "Complete"], body, right={0, 5, 6})


def changes_table(rows: list[ChangeRow]) -> str:
    body = [
        [str(r.id), r.detected_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M"), r.kind,
         name_or_dash(r.country), str(r.statement_id), _count_change(r), r.document_url or "—"]
        for r in rows
    ]
    return table(["ID", "Detected (UTC)", "Kind", "Country", "Statement", "Count", "Source"], body, right={0, 4})


def _count_change(row: ChangeRow) -> str:
    if row.kind == "count_changed":
        return f"{row.previous_count if row.previous_count is not None else '?'} → {row.new_count}"
    return "" if row.new_count is None else str(row.new_count)
