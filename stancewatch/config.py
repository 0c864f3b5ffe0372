"""Configuration: one frozen `Settings` from `stancewatch.toml`, then the environment.

Nothing else in the application reads the environment: the CLI passes it in. Every problem is
one ConfigError naming the file, the line and the key, so that a bad file never starts anything.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.engine import make_url

from stancewatch.errors import ConfigError
from stancewatch.toml_lines import key_line
from stancewatch.units import format_duration, parse_duration, parse_size

DEFAULT_FILE = "stancewatch.toml"
SECRET_VARIABLES = ("STANCEWATCH_SLACK_TOKEN", "STANCEWATCH_DATABASE_URL", "STANCEWATCH_SMTP_PASSWORD")
MIN_INTERVAL = dt.timedelta(minutes=1)
SOURCE_KINDS = ("rss",)
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class Secret:
    """A value that never shows itself in a repr, a log line or an error message."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "'**********'"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True, slots=True)
class SourceSettings:
    name: str
    url: str
    kind: str = "rss"
    interval: dt.timedelta = dt.timedelta(minutes=15)
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class SlackSettings:
    token: Secret | None = None
    api_url: str = "https://slack.com/api/"
    webhook_url: Secret | None = None

    @property
    def configured(self) -> bool:
        return self.token is not None or self.webhook_url is not None


@dataclass(frozen=True, slots=True)
class SubscriberSettings:
    name: str
    slack_channel: str | None = None
    email: str | None = None
    timezone: str = "UTC"
    digest_hour: int = 8


@dataclass(frozen=True, slots=True)
class HttpConfig:
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = "stancewatch/0.1 (+https://github.com/stancewatch/stancewatch)"


BUILT_IN_SOURCES = (
    SourceSettings("UN News: human rights",
                   "https://news.un.org/feed/subscribe/en/news/topic/human-rights/feed/rss.xml"),
    SourceSettings("UN News: Asia Pacific",
                   "https://news.un.org/feed/subscribe/en/news/region/asia-pacific/feed/rss.xml"),
    SourceSettings("UN News: all news", "https://news.un.org/feed/subscribe/en/news/all/rss.xml",
                   interval=dt.timedelta(minutes=30)),
)


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: Secret
    sources: tuple[SourceSettings, ...] = BUILT_IN_SOURCES
    slack: SlackSettings = field(default_factory=SlackSettings)
    subscribers: tuple[SubscriberSettings, ...] = ()
    http: HttpConfig = field(default_factory=HttpConfig)
    history_baseline: bool = True
    console_alerts: bool = True
    log_level: str = "INFO"
    smtp_password: Secret | None = None
    topics: frozenset[str] = frozenset({"xinjiang"})
    config_path: Path | None = None

    def redacted_database_url(self) -> str:
        return redact_url(self.database_url.reveal())


def redact_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is reported elsewhere; never echo it whole
        return "<unparsable database URL>"


# --- loading -----------------------------------------------------------------------------------


def load_settings(
    path: Path | None = None, *, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Settings:
    """Settings from `path` (or ./stancewatch.toml if present, else built-in defaults), then the
    environment's secrets, which win over the file."""
    env = env if env is not None else {}
    cwd = cwd or Path.cwd()
    if path is None and (cwd / DEFAULT_FILE).is_file():
        path = Path(DEFAULT_FILE) if cwd == Path.cwd() else cwd / DEFAULT_FILE
    raw: dict[str, Any] = {}
    text = ""
    if path is not None:
        text = _read(path, cwd)
        raw = _parse(text, path)
    reader = _Reader(text=text, label=str(path) if path else DEFAULT_FILE)
    reader.check_keys(raw, SCHEMA, ())
    return _settings(raw, reader, env=env, cwd=cwd, path=path)


def _read(path: Path, cwd: Path) -> str:
    full = path if path.is_absolute() else cwd / path
    try:
        return full.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror})") from None


def _parse(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's error has no lineno attribute; its message ends "(at line N, column M)".
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
        message = getattr(exc, "msg", None) or re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        where = f"{path}, line {line}" if line else str(path)
        raise ConfigError(f"{where}: not valid TOML: {message}") from None


def _settings(raw: dict[str, Any], r: _Reader, *, env: Mapping[str, str], cwd: Path, path: Path | None) -> Settings:
    secrets = _secrets_from_env(env)
    database = raw.get("database", {})
    url = secrets.get("STANCEWATCH_DATABASE_URL") or r.string(database, ("database", "url")) \
        or "sqlite:///stancewatch.db"
    sources = _sources(raw, r) if "sources" in raw else BUILT_IN_SOURCES
    slack = _slack(raw.get("slack", {}), r, secrets.get("STANCEWATCH_SLACK_TOKEN"))
    console = r.boolean(raw.get("alerts", {}), ("alerts", "console"))
    return Settings(
        database_url=Secret(_absolute_sqlite(url, cwd)),
        sources=sources,
        slack=slack,
        subscribers=_subscribers(raw, r),
        http=_http(raw.get("http", {}), r),
        history_baseline=_default(r.boolean(raw.get("history", {}), ("history", "baseline")), True),
        console_alerts=_default(console, not slack.configured),
        log_level=_default(r.choice(raw.get("log", {}), ("log", "level"), LOG_LEVELS, upper=True), "INFO"),
        smtp_password=Secret(secrets["STANCEWATCH_SMTP_PASSWORD"]) if "STANCEWATCH_SMTP_PASSWORD" in secrets else None,
        config_path=path,
    )


def _default(value: Any, default: Any) -> Any:
    return default if value is None else value


def _absolute_sqlite(url: str, cwd: Path) -> str:
    """A relative SQLite path is taken from the working directory at start, not at first use."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith("sqlite:////") and url != "sqlite:///:memory:":
        relative = url[len(prefix):]
        if relative and not relative.startswith(":"):
            return prefix + str((cwd / relative).resolve())
    return url


def _secrets_from_env(env: Mapping[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name in SECRET_VARIABLES:
        direct, file_name = env.get(name), env.get(f"{name}_FILE")
        if direct is not None and file_name is not None:
            raise ConfigError(f"both {name} and {name}_FILE are set; set only one")
        if file_name is not None:
            try:
                value = Path(file_name).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                reason = getattr(exc, "strerror", None) or "not UTF-8 text"
                raise ConfigError(f"{name}_FILE: cannot read {file_name} ({reason})") from None
            found[name] = value.removesuffix("\n").removesuffix("\r")
        elif direct:
            found[name] = direct
    return found


def _sources(raw: dict[str, Any], r: _Reader) -> tuple[SourceSettings, ...]:
    items = r.array_of_tables(raw, "sources")
    sources = []
    for i, item in enumerate(items):
        where = ("sources", i)
        name = r.required_string(item, (*where, "name"))
        url = r.url(item, (*where, "url"), required=True)
        kind = _default(r.choice(item, (*where, "kind"), SOURCE_KINDS), "rss")
        interval = _default(r.duration(item, (*where, "interval"), minimum=MIN_INTERVAL), dt.timedelta(minutes=15))
        enabled = _default(r.boolean(item, (*where, "enabled")), True)
        sources.append(SourceSettings(name=name, url=url, kind=kind, interval=interval, enabled=enabled))
    r.unique_names(items, "sources")
    return tuple(sources)


def _slack(table: dict[str, Any], r: _Reader, env_token: str | None) -> SlackSettings:
    token = env_token or r.string(table, ("slack", "token"))
    webhook = r.url(table, ("slack", "webhook_url"), required=False, allow_empty=True)
    api_url = r.url(table, ("slack", "api_url"), required=False) or "https://slack.com/api/"
    return SlackSettings(
        token=Secret(token) if token else None,
        api_url=api_url if api_url.endswith("/") else api_url + "/",
        webhook_url=Secret(webhook) if webhook else None,
    )


def _subscribers(raw: dict[str, Any], r: _Reader) -> tuple[SubscriberSettings, ...]:
    items = r.array_of_tables(raw, "subscribers") if "subscribers" in raw else []
    subscribers = []
    for i, item in enumerate(items):
        where = ("subscribers", i)
        subscribers.append(SubscriberSettings(
            name=r.required_string(item, (*where, "name")),
            slack_channel=r.string(item, (*where, "slack_channel")) or None,
            email=r.string(item, (*where, "email")) or None,
            timezone=_default(r.timezone(item, (*where, "timezone")), "UTC"),
            digest_hour=_default(r.integer(item, (*where, "digest_hour"), 0, 23), 8),
        ))
    r.unique_names(items, "subscribers")
    return tuple(subscribers)


def _http(table: dict[str, Any], r: _Reader) -> HttpConfig:
    d = HttpConfig()

    def seconds(key: str, default: float) -> float:
        return _default(r.number(table, ("http", key), minimum=0.1), default)

    return HttpConfig(
        connect_timeout=seconds("connect_timeout", d.connect_timeout),
        read_timeout=seconds("read_timeout", d.read_timeout),
        total_timeout=seconds("total_timeout", d.total_timeout),
        max_bytes=_default(r.size(table, ("http", "max_bytes")), d.max_bytes),
        max_redirects=_default(r.integer(table, ("http", "max_redirects"), 0, 30), d.max_redirects),
        user_agent=r.string(table, ("http", "user_agent")) or d.user_agent,
    )


# --- the schema and its reader -----------------------------------------------------------------

_SOURCE_KEYS = ("name", "url", "kind", "interval", "enabled")
_SUBSCRIBER_KEYS = ("name", "slack_channel", "email", "timezone", "digest_hour")
SCHEMA: dict[str, Any] = {
    "database": ("url",),
    "sources": [_SOURCE_KEYS],
    "slack": ("token", "api_url", "webhook_url"),
    "subscribers": [_SUBSCRIBER_KEYS],
    "http": ("connect_timeout", "read_timeout", "total_timeout", "max_bytes", "max_redirects", "user_agent"),
    "history": ("baseline",),
    "alerts": ("console",),
    "log": ("level",),
}

TYPE_NAMES = {str: "string", int: "integer", float: "number", bool: "boolean", dict: "table", list: "array",
              dt.datetime: "date-time", dt.date: "date", dt.time: "time"}


@dataclass(frozen=True, slots=True)
class _Reader:
    """Reads values out of the parsed TOML and raises ConfigError that name file, line and key."""

    text: str
    label: str

    # where and how to say it
    def error(self, path: tuple, problem: str, *, as_key: bool = True) -> ConfigError:
        line = key_line(self.text, path)
        where = f"{self.label}, line {line}" if line else self.label
        return ConfigError(f"{where}: {self.describe(path, as_key)}{problem}")

    def describe(self, path: tuple, as_key: bool) -> str:
        """`database.url ` for a table key; `sources[1] "World Desk": interval ` inside an array."""
        if len(path) >= 2 and isinstance(path[1], int):
            item = self._item(path[:2])
            name = item.get("name") if isinstance(item, dict) else None
            head = f"{path[0]}[{path[1]}]" + (f' "{name}"' if isinstance(name, str) else "")
            rest = ".".join(str(p) for p in path[2:])
            return f"{head}: {rest} " if rest and as_key else f"{head}: "
        if as_key:
            return f"{'.'.join(str(p) for p in path)} " if path else ""
        return f"{'.'.join(str(p) for p in path[:-1])}: " if len(path) > 1 else ""

    def _item(self, path: tuple) -> Any:
        value: Any = tomllib.loads(self.text) if self.text else {}
        for part in path:
            value = value[part]
        return value

    # structure
    def check_keys(self, raw: dict[str, Any], schema: dict[str, Any], path: tuple) -> None:
        for key, value in raw.items():
            if key not in schema:
                raise self._unknown(path, key, schema)
            shape = schema[key]
            if isinstance(shape, list):
                if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                    raise self.error((key,), f"must be an array of tables ([[{key}]]), got {self._type(value)}")
                for i, item in enumerate(value):
                    self._check_table(item, shape[0], (key, i))
            else:
                if not isinstance(value, dict):
                    raise self.error((key,), f"must be a table ([{key}]), got {self._type(value)}")
                self._check_table(value, shape, (key,))

    def _check_table(self, table: dict[str, Any], keys: tuple[str, ...], path: tuple) -> None:
        for key in table:
            if key not in keys:
                raise self._unknown(path, key, keys)

    def _unknown(self, path: tuple, key: str, known: Any) -> ConfigError:
        close = difflib.get_close_matches(key, list(known), n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        return self.error((*path, key), f'unknown key "{key}"{hint}', as_key=False)

    def array_of_tables(self, raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
        return raw.get(key, [])

    def unique_names(self, items: list[dict[str, Any]], key: str) -> None:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item["name"] in seen:
                raise self.error((key, i, "name"), f'name "{item["name"]}" is used twice; names must be unique',
                                 as_key=False)
            seen.add(item["name"])

    # typed values
    def _typed(self, table: dict[str, Any], path: tuple, kinds: tuple[type, ...], label: str) -> Any:
        key = path[-1]
        if key not in table:
            return None
        value = table[key]
        if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
            raise self.error(path, f"must be {label}, got {self._type(value)}")
        return value

    def _type(self, value: Any) -> str:
        return next((name for kind, name in TYPE_NAMES.items() if type(value) is kind), type(value).__name__)

    def string(self, table: dict[str, Any], path: tuple) -> str | None:
        return self._typed(table, path, (str,), "a string")

    def required_string(self, table: dict[str, Any], path: tuple) -> str:
        value = self.string(table, path)
        if not value or not value.strip():
            raise self.error(path[:-1], f'"{path[-1]}" is required', as_key=False)
        return value

    def boolean(self, table: dict[str, Any], path: tuple) -> bool | None:
        return self._typed(table, path, (bool,), "true or false")

    def integer(self, table: dict[str, Any], path: tuple, low: int, high: int) -> int | None:
        value = self._typed(table, path, (int,), "a whole number")
        if value is not None and not low <= value <= high:
            raise self.error(path, f"must be between {low} and {high}, got {value}")
        return value

    def number(self, table: dict[str, Any], path: tuple, minimum: float) -> float | None:
        value = self._typed(table, path, (int, float), "a number of seconds")
        if value is not None and value < minimum:
            raise self.error(path, f"must be at least {minimum}, got {value}")
        return None if value is None else float(value)

    def choice(self, table: dict[str, Any], path: tuple, allowed: tuple[str, ...], upper: bool = False) -> str | None:
        value = self.string(table, path)
        if value is None:
            return None
        value = value.upper() if upper else value
        if value not in allowed:
            raise self.error(path, f'"{value}" is not one of: {", ".join(allowed)}')
        return value

    def duration(self, table: dict[str, Any], path: tuple, minimum: dt.timedelta) -> dt.timedelta | None:
        text = self.string(table, path)
        if text is None:
            return None
        value = parse_duration(text)
        if value is None:
            raise self.error(path, f'"{text}" is not a duration (use e.g. "90s", "15m", "1h", "1d", "1h30m")')
        if value < minimum:
            raise self.error(path, f'must be at least {format_duration(minimum)}, got "{text}"')
        return value

    def size(self, table: dict[str, Any], path: tuple) -> int | None:
        value = self._typed(table, path, (int, str), 'a size such as "5MB" or a number of bytes')
        if isinstance(value, str):
            parsed = parse_size(value)
            if parsed is None:
                raise self.error(path, f'"{value}" is not a size (use e.g. "512KB", "5MB")')
            value = parsed
        if value is not None and value < 1024:
            raise self.error(path, f"must be at least 1KB, got {value} bytes")
        return value

    def url(self, table: dict[str, Any], path: tuple, *, required: bool, allow_empty: bool = False) -> str | None:
        value = self.required_string(table, path) if required else self.string(table, path)
        if not value and allow_empty:
            return None
        if value is not None and (urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc):
            shown = value if path[-1] != "webhook_url" else "(hidden)"
            raise self.error(path, f'must be an http(s) URL, got "{shown}"')
        return value

    def timezone(self, table: dict[str, Any], path: tuple) -> str | None:
        value = self.string(table, path)
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise self.error(path, f'"{value}" is not a time zone (use e.g. "Europe/Geneva", "UTC")') from None
        return value

