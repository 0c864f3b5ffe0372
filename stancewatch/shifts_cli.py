"""`stancewatch shifts`: who moved between a camp's successive statements, over the whole history.

Computed on the fly with the same comparison that raises alerts (store/shifts.py), so the
shipped baseline's history answers too, without ever having alerted anyone.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer

from stancewatch import views
from stancewatch.cli_common import ConfigOption, JsonOption, open_app_or_fail, settings_from
from store.changes import camp_statements
from store.engine import transaction
from store.shifts import CampStatement, Shift, shifts_of


def history_shifts(statements: list[CampStatement], *, since: int | None, across_forums: bool) -> list[Shift]:
    found: list[Shift] = []
    for statement in sorted(statements, key=lambda s: (s.year or 0, s.date or dt.date.min, s.id)):
        if since is not None and (statement.year or 0) < since:
            continue
        found += shifts_of(statements, statement, across_forums=across_forums)
    return found


def register_shift_commands(app: typer.Typer) -> None:
    @app.command()
    def shifts(
        config: ConfigOption = None,
        since: Annotated[int | None, typer.Option(help="Only statements of this year or later.")] = None,
        across_forums: Annotated[bool, typer.Option("--across-forums", help="Compare HRC with Third Committee statements too.")] = False,
        topic: Annotated[str, typer.Option(help="The topic of the statements.")] = "xinjiang",
        as_json: JsonOption = False,
    ) -> None:
        """Who newly signed, dropped out or switched camp between a camp's successive statements."""
        application = open_app_or_fail(settings_from(config))
        with transaction(application.engine) as session:
            statements = camp_statements(session=session, topic=topic)
        application.close()
        by_id = {s.id: s for s in statements}
        found = history_shifts(statements, since=since, across_forums=across_forums)
        if as_json:
            typer.echo(json.dumps([_shift_json(s, by_id) for s in found], indent=2))
        elif not found:
            typer.echo("No shifts that the known lists can support.")
        else:
            typer.echo(views.table(["Year", "Forum", "Camp", "Kind", "Country", "Statement", "Compared with"],
                                   [_shift_row(s, by_id) for s in found], right={5, 6}))


def _shift_json(shift: Shift, by_id: dict[int, CampStatement]) -> dict[str, object]:
    new, old = by_id[shift.statement_id], by_id[shift.previous_statement_id]
    return {"kind": shift.kind, "country": shift.country, "statement_id": new.id, "previous_statement_id": old.id,
            "year": new.year, "previous_year": old.year, "forum": new.forum, "stance": new.stance,
            "previous_stance": old.stance}


def _shift_row(shift: Shift, by_id: dict[int, CampStatement]) -> list[str]:
    new, old = by_id[shift.statement_id], by_id[shift.previous_statement_id]
    return [str(new.year or "—"), views.forum_short(new.forum, None), new.stance, shift.kind,
            views.name_or_dash(shift.country), str(new.id), f"{old.id} ({old.year or '?'}, {old.stance})"]
