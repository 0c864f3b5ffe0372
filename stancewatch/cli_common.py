"""What every command shares: the --config and --json options, settings, errors, the app."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from stancewatch.config import Settings, load_settings
from stancewatch.errors import StancewatchError
from store.errors import StoreError

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="Configuration file (default: ./stancewatch.toml if present).",
                 dir_okay=False, show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for programs instead of a table.")]


def fail(message: str, code: int) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def settings_from(config: Path | None) -> Settings:
    """Settings, or exit 2 with the message: bad configuration must never start anything."""
    try:
        settings = load_settings(config, env=os.environ)
    except StancewatchError as exc:
        fail(str(exc), 2)
    configure_logging(settings.log_level)
    return settings


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if level != "DEBUG":
        # Their INFO lines (every request, every migration plugin) drown ours; errors still show.
        for noisy in ("alembic", "httpx", "httpcore", "apscheduler.executors", "slack_sdk"):
            logging.getLogger(noisy).setLevel(logging.WARNING)


def open_app_or_fail(settings: Settings):  # noqa: ANN201  (stancewatch.app.App)
    from stancewatch.app import open_app

    try:
        return open_app(settings)
    except (StoreError, StancewatchError) as exc:
        fail(str(exc), 1)
