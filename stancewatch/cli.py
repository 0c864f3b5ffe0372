"""The `stancewatch` command."""
from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Annotated

import typer

import parsers
from parsers.errors import ParserError
from stancewatch.cli_common import (  # noqa: F401  (re-exported for the command modules)
    ConfigOption, JsonOption, configure_logging, fail, open_app_or_fail, settings_from,
)

app = typer.Typer(
    help="Watch UN joint statements on Xinjiang: who signed, who moved, with the source for every claim.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")
log = logging.getLogger("stancewatch")


@app.command()
def run(
    config: ConfigOption = None,
    once: Annotated[bool, typer.Option("--once", help="Poll every source once (due or not), deliver, and exit.")] = False,
) -> None:
    """Watch the sources: the scheduler, or one full cycle with --once."""
    settings = settings_from(config)
    application = open_app_or_fail(settings)
    try:
        if once:
            from stancewatch.pipeline import run_cycle

            report = run_cycle(application, everything=True)
            log.info("cycle done: sources=%d failed=%d documents=%d changes=%d",
                     report.sources_polled, report.sources_failed, report.documents, report.changes)
            for error in report.errors:
                log.warning("cycle error: %s", error)
        else:
            from stancewatch.scheduler import run_forever

            run_forever(application)
    finally:
        application.close()


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="HTML or plain-text documents.", show_default=False)],
) -> None:
    """Print what each document says about joint statements: one JSON line per file.

    Pure: no database, no network. An unreadable file gives a line with "error"; the others
    are still processed, and the exit code is 1."""
    failed = False
    for path in files:
        row: dict[str, object] = {"file": str(path)}
        try:
            document = parsers.decode_document(path.read_bytes())
            row.update(parsers.extract(document).to_json())
        except (OSError, ParserError) as exc:
            failed = True
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            row.update({"error": reason, "statements": [], "changes": []})
        typer.echo(json.dumps(row, ensure_ascii=False))
    if failed:
        raise typer.Exit(1)


@app.command()
def statements(config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """List the known statements."""
    from stancewatch import views
    from store.engine import transaction
    from store.queries import list_statements

    application = open_app_or_fail(settings_from(config))
    with transaction(application.engine) as session:
        rows = list_statements(session=session)
    application.close()
    if as_json:
        typer.echo(json.dumps([views.statement_json(r) for r in rows], ensure_ascii=False, indent=2))
    else:
        typer.echo(views.statements_table(rows) if rows else "No statements yet.")


@app.command()
def changes(
    config: ConfigOption = None,
    since: Annotated[str | None, typer.Option(help="Only changes detected on or after this date (YYYY-MM-DD).")] = None,
    as_json: JsonOption = False,
) -> None:
    """List the detected changes."""
    from stancewatch import views
    from store.engine import transaction
    from store.queries import list_changes

    start = parse_since(since)
    application = open_app_or_fail(settings_from(config))
    with transaction(application.engine) as session:
        rows = list_changes(session=session, since=start)
    application.close()
    if as_json:
        typer.echo(json.dumps([views.change_json(r) for r in rows], ensure_ascii=False, indent=2))
    else:
        typer.echo(views.changes_table(rows) if rows else "No changes yet.")


def parse_since(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        fail(f'--since "{value}" is not a date; use YYYY-MM-DD (e.g. 2026-10-01)', 2)
    return parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed


@db_app.command("upgrade")
def db_upgrade(config: ConfigOption = None) -> None:
    """Apply the database migrations (also done on every start)."""
    from store.engine import current_revision

    application = open_app_or_fail(settings_from(config))
    typer.echo(f"Database at revision {current_revision(application.engine)}: "
               f"{application.settings.redacted_database_url()}")
    application.close()


from stancewatch.shifts_cli import register_shift_commands  # noqa: E402  (they use the helpers above)

register_shift_commands(app)


from stancewatch.history_cli import register_history_commands  # noqa: E402  (last: it imports the helpers above)
register_history_commands(app)


def main() -> None:
    app()
