"""Typed reads out of parsed TOML, each failing with one ConfigError that names file, line and key.

Paths name a value the way the user sees it: ("database", "url"), ("sources", 1, "interval").
Array items are numbered from 0, as in TOML tools and in `sources[1] "World Desk"`, and carry
the item's name so that the user need not count.
"""
from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from stancewatch.errors import ConfigError
from stancewatch.toml_lines import key_line
from stancewatch.units import format_duration, parse_duration, parse_size

KeyPath = tuple[str | int, ...]
Table = dict[str, Any]

TYPE_NAMES: dict[type, str] = {str: "string", bool: "boolean", int: "integer", float: "number",
                               dict: "table", list: "array", dt.datetime: "date-time", dt.date: "date",
                               dt.time: "time"}
DURATION_EXAMPLES = '(use e.g. "90s", "15m", "1h", "1d", "1h30m")'
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def type_name(value: Any) -> str:
    """TOML's name for the type of a parsed value ("integer", not "int")."""
    return next((name for kind, name in TYPE_NAMES.items() if type(value) is kind), type(value).__name__)


def is_web_url(value: str) -> bool:
    """http or https with a host; urlsplit raises on some malformed hosts ("http://[::1")."""
    try:
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ConfigReader:
    """Reads values out of the parsed TOML `text` of the file called `label` in messages."""

    text: str
    label: str

    # --- where and how to say it ------------------------------------------------------------

    def error(self, path: KeyPath, problem: str, *, as_key: bool = True) -> ConfigError:
        """`<file>, line N: <where> <problem>`; without a line when the key cannot be found."""
        line = key_line(self.text, path)
        where = f"{self.label}, line {line}" if line else self.label
        return ConfigError(f"{where}: {self.describe(path, as_key)}{problem}")

    def describe(self, path: KeyPath, as_key: bool) -> str:
        """`database.url ` for a table key; `sources[1] "World Desk": interval ` inside an array;
        with as_key=False only the container (`slack: `), for problems that name the key."""
        if len(path) >= 2 and isinstance(path[1], int):
            name = self._item_name(path[0], path[1])
            head = f"{path[0]}[{path[1]}]" + (f' "{name}"' if name is not None else "")
            rest = ".".join(str(p) for p in path[2:])
            return f"{head}: {rest} " if rest and as_key else f"{head}: "
        if as_key:
            return f"{'.'.join(str(p) for p in path)} " if path else ""
        return f"{'.'.join(str(p) for p in path[:-1])}: " if len(path) > 1 else ""

    def _item_name(self, array: str | int, index: int) -> str | None:
        """The name of an array item, re-read from the text: errors are rare, keep it simple."""
        items = tomllib.loads(self.text).get(str(array)) if self.text else None
        if isinstance(items, list) and index < len(items) and isinstance(items[index], dict):
            name = items[index].get("name")
            return name if isinstance(name, str) and name.strip() else None
        return None

    # --- structure --------------------------------------------------------------------------

    def check_keys(self, raw: Table, schema: dict[str, Any]) -> None:
        """Every key known, every table a table: a typo is reported before any value is read.
        `schema` maps a table to its keys, and an array of tables to a one-element list of them."""
        for key, value in raw.items():
            if key not in schema:
                raise self._unknown((), key, schema)
            shape = schema[key]
            if isinstance(shape, list):
                if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                    raise self.error((key,), f"must be an array of tables ([[{key}]]), got {type_name(value)}")
                for i, item in enumerate(value):
                    self._check_table(item, shape[0], (key, i))
            else:
                if not isinstance(value, dict):
                    raise self.error((key,), f"must be a table ([{key}]), got {type_name(value)}")
                self._check_table(value, shape, (key,))

    def _check_table(self, table: Table, keys: tuple[str, ...], path: KeyPath) -> None:
        for key in table:
            if key not in keys:
                raise self._unknown(path, key, keys)

    def _unknown(self, path: KeyPath, key: str, known: Iterable[str]) -> ConfigError:
        close = difflib.get_close_matches(key, list(known), n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        return self.error((*path, key), f'unknown key "{key}"{hint}', as_key=False)

    def unique(self, items: list[Table], array: str, key: str) -> None:
        """Names (and source URLs) identify a row in the database: two alike is a mistake."""
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            value = item.get(key)
            if value is None:
                continue
            if value in seen:
                raise self.error((array, i, key), f'{key} "{value}" is already used by {array}[{seen[value]}]; '
                                 f"each {key} must be unique", as_key=False)
            seen[value] = i

    # --- typed values: None when the key is absent, the caller picks the default ------------

    def _typed(self, table: Table, path: KeyPath, kinds: tuple[type, ...], label: str) -> Any:
        key = str(path[-1])
        if key not in table:
            return None
        value = table[key]
        # True is an int to Python, not to a user who wrote `max_redirects = true`.
        if (isinstance(value, bool) and bool not in kinds) or not isinstance(value, kinds):
            raise self.error(path, f"must be {label}, got {type_name(value)}")
        return value

    def string(self, table: Table, path: KeyPath) -> str | None:
        return self._typed(table, path, (str,), "a string")

    def required_string(self, table: Table, path: KeyPath) -> str:
        value = self.string(table, path)
        if value is None or not value.strip():
            raise self.error(path[:-1], f'"{path[-1]}" is required', as_key=False)
        return value

    def boolean(self, table: Table, path: KeyPath) -> bool | None:
        return self._typed(table, path, (bool,), "true or false")

    def integer(self, table: Table, path: KeyPath, low: int, high: int) -> int | None:
        value = self._typed(table, path, (int,), "a whole number")
        if value is not None and not low <= value <= high:
            raise self.error(path, f"must be between {low} and {high}, got {value}")
        return value

    def seconds(self, table: Table, path: KeyPath, minimum: float) -> float | None:
        value = self._typed(table, path, (int, float), "a number of seconds")
        if value is not None and not math.isfinite(value):
            raise self.error(path, f"must be a finite number of seconds, got {value}")
        if value is not None and value < minimum:
            raise self.error(path, f"must be at least {minimum} seconds, got {value}")
        return None if value is None else float(value)

    def choice(self, table: Table, path: KeyPath, allowed: tuple[str, ...], *, upper: bool = False,
               hint: str = "") -> str | None:
        text = self.string(table, path)
        if text is None:
            return None
        value = text.upper() if upper else text
        if value not in allowed:
            raise self.error(path, f'"{text}" is not one of: {", ".join(allowed)}{hint}')
        return value

    def duration(self, table: Table, path: KeyPath, minimum: dt.timedelta) -> dt.timedelta | None:
        text = self._typed(table, path, (str,), 'a duration such as "15m" (in quotes)')
        if text is None:
            return None
        value = parse_duration(text)
        if value is None:
            raise self.error(path, f'"{text}" is not a duration {DURATION_EXAMPLES}')
        if value < minimum:
            raise self.error(path, f'must be at least {format_duration(minimum)}, got "{text}"')
        return value

    def size(self, table: Table, path: KeyPath, minimum: int) -> int | None:
        value = self._typed(table, path, (int, str), 'a size such as "5MB" or a number of bytes')
        if isinstance(value, str):
            parsed = parse_size(value)
            if parsed is None:
                raise self.error(path, f'"{value}" is not a size (use e.g. "512KB", "5MB")')
            value = parsed
        if value is not None and value < minimum:
            raise self.error(path, f"must be at least {minimum} bytes, got {value}")
        return value

    def web_url(self, table: Table, path: KeyPath, *, required: bool, secret: bool = False) -> str | None:
        """An http(s) URL; "" counts as absent. A secret one (a webhook) is never echoed."""
        value = self.required_string(table, path) if required else self.string(table, path)
        if not value:
            return None
        if not is_web_url(value):
            shown = " (not shown: it holds a secret)" if secret else f', got "{value}"'
            raise self.error(path, f"must be an http(s) URL{shown}")
        return value

    def timezone(self, table: Table, path: KeyPath) -> str | None:
        value = self.string(table, path)
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.error(path, f'"{value}" is not a time zone (use e.g. "Europe/Geneva", "UTC")') from None
        return value

    def email(self, table: Table, path: KeyPath) -> str | None:
        value = self.string(table, path)
        if value and not _EMAIL.fullmatch(value.strip()):
            raise self.error(path, f'"{value}" is not an email address')
        return value.strip() if value else None

    def slack_channel(self, table: Table, path: KeyPath) -> str | None:
        value = self.string(table, path)
        if value and (value != value.strip() or any(c.isspace() for c in value)):
            raise self.error(path, f'"{value}" is not a Slack channel (use e.g. "#xinjiang-watch" or an ID '
                                   'like "C0123456789")')
        return value or None

    def header_value(self, table: Table, path: KeyPath) -> str | None:
        """A string sent as an HTTP header: a control character would break the request."""
        value = self.string(table, path)
        if value and any(ord(c) < 32 or ord(c) == 127 for c in value):
            raise self.error(path, "must be one line of printable text")
        return value or None
