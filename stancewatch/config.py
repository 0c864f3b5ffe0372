"""Configuration: one frozen `Settings` from `stancewatch.toml`, then the environment.

Order: built-in defaults < the TOML file < environment secrets. Nothing else in the application
reads the environment: the CLI passes `os.environ` in, tests pass a dict. Every problem is one
ConfigError naming the file, the line and the key (array items numbered from 0, with their
name: `sources[1] "World Desk"`), so that a bad file never starts anything.

Secrets (`STANCEWATCH_SLACK_TOKEN`, `STANCEWATCH_SLACK_WEBHOOK_URL`, `STANCEWATCH_DATABASE_URL`,
`STANCEWATCH_SMTP_PASSWORD`) may also be given as `NAME_FILE`, the path of a file holding the
value (the Docker and Kubernetes secrets convention). They live in `Secret`, whose repr is masked.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from stancewatch.config_reader import ConfigReader, Table, is_web_url
from stancewatch.errors import ConfigError

__all__ = [
    "BUILT_IN_SOURCES", "ConfigError", "HttpConfig", "Secret", "Settings", "SlackSettings",
    "SourceSettings", "SubscriberSettings", "load_settings", "redact_url",
]

DEFAULT_FILE = "stancewatch.toml"
DEFAULT_DATABASE_URL = "sqlite:///stancewatch.db"
DEFAULT_SLACK_API_URL = "https://slack.com/api/"
SLACK_TOKEN, SLACK_WEBHOOK = "STANCEWATCH_SLACK_TOKEN", "STANCEWATCH_SLACK_WEBHOOK_URL"
DATABASE_URL, SMTP_PASSWORD = "STANCEWATCH_DATABASE_URL", "STANCEWATCH_SMTP_PASSWORD"
SECRET_VARIABLES = (SLACK_TOKEN, SLACK_WEBHOOK, DATABASE_URL, SMTP_PASSWORD)
MIN_INTERVAL = dt.timedelta(minutes=1)
SOURCE_KINDS = ("rss",)  # "html" listing pages come in a later issue
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DATABASE_BACKENDS = ("sqlite", "postgresql")
DATABASE_EXAMPLES = '(use e.g. "sqlite:///stancewatch.db" or "postgresql://user@host/stancewatch")'


class Secret:
    """A value that never shows itself in a repr, a log line or an error message; `.reveal()` it
    only where it is used (the Slack client, the engine)."""

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
    """A feed to poll. `name` identifies it in the database and in messages."""

    name: str
    url: str
    kind: str = "rss"
    interval: dt.timedelta = dt.timedelta(minutes=15)
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class SlackSettings:
    """A bot token (posts to each subscriber's channel) and/or an incoming webhook (one channel)."""

    token: Secret | None = None
    api_url: str = DEFAULT_SLACK_API_URL  # tests point it at a server on loopback
    webhook_url: Secret | None = None

    @property
    def configured(self) -> bool:
        return self.token is not None or self.webhook_url is not None


@dataclass(frozen=True, slots=True)
class SubscriberSettings:
    """Who gets alerts where. No channel at all is allowed: email digests come later."""

    name: str
    slack_channel: str | None = None
    email: str | None = None
    timezone: str = "UTC"  # a valid zoneinfo key
    digest_hour: int = 8  # 0-23, in `timezone`


@dataclass(frozen=True, slots=True)
class HttpConfig:
    """Plain numbers for the HTTP client; the app maps them to collectors.HttpSettings."""

    connect_timeout: float = 10.0  # seconds
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 5 * 1024 * 1024  # "5MB"
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
    """Everything the application is told, read once at start and passed down."""

    database_url: Secret  # absolute for SQLite, so a later chdir does not move the database
    sources: tuple[SourceSettings, ...] = BUILT_IN_SOURCES
    slack: SlackSettings = field(default_factory=SlackSettings)  # `.configured` False: no Slack
    subscribers: tuple[SubscriberSettings, ...] = ()
    http: HttpConfig = field(default_factory=HttpConfig)
    history_baseline: bool = True  # load the shipped history of statements
    console_alerts: bool = True  # print alerts; default: when no Slack is configured
    log_level: str = "INFO"
    smtp_password: Secret | None = None  # for the email digest (a later issue)
    topics: frozenset[str] = frozenset({"xinjiang"})
    config_path: Path | None = None  # absolute; None when running on defaults

    def redacted_database_url(self) -> str:
        """For logs and `db upgrade` output: `postgresql://user:***@host/db`."""
        return redact_url(self.database_url.reveal())


def redact_url(url: str) -> str:
    """A database URL with its password hidden, in the user part or the query string."""
    try:
        parsed = make_url(url)
        if "password" in parsed.query:
            parsed = parsed.update_query_dict({"password": "***"})
        return parsed.render_as_string(hide_password=True).replace("%2A%2A%2A", "***")
    except (ArgumentError, ValueError):  # reported when loading; never echo it whole
        return "<unparsable database URL>"


# --- loading -----------------------------------------------------------------------------------

SCHEMA: dict[str, Any] = {
    "database": ("url",),
    "sources": [("name", "url", "kind", "interval", "enabled")],
    "slack": ("token", "api_url", "webhook_url"),
    "subscribers": [("name", "slack_channel", "email", "timezone", "digest_hour")],
    "http": ("connect_timeout", "read_timeout", "total_timeout", "max_bytes", "max_redirects", "user_agent"),
    "history": ("baseline",),
    "alerts": ("console",),
    "log": ("level",),
}


def load_settings(
    path: Path | str | None = None, *, env: Mapping[str, str] | None = None, cwd: Path | None = None
) -> Settings:
    """Settings from `path` (or ./stancewatch.toml if present, else built-in defaults), then the
    secrets in `env`, which win over the file. `env=None` means no environment, not os.environ."""
    env = env if env is not None else {}
    cwd = (cwd or Path.cwd()).resolve()
    label = DEFAULT_FILE
    if path is None and (cwd / DEFAULT_FILE).is_file():
        path = DEFAULT_FILE
    raw: Table = {}
    text = ""
    full: Path | None = None
    if path is not None:
        label = str(path)  # messages name the file as the user gave it
        full = cwd / path  # an absolute `path` stays itself
        text = _read(full, label)
        raw = _parse(text, label)
    reader = ConfigReader(text=text, label=label)
    reader.check_keys(raw, SCHEMA)
    return _settings(raw, reader, secrets=_secrets_from_env(env, cwd), cwd=cwd, path=full)


def _read(full: Path, label: str) -> str:
    try:
        # utf-8-sig: Windows editors put a byte-order mark first, which TOML does not allow.
        return full.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{label}: no such configuration file") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{label}: not UTF-8 text; save the file as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{label}: cannot read it ({exc.strerror})") from None


def _parse(text: str, label: str) -> Table:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's error has no lineno attribute; its message ends "(at line N, column M)".
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = getattr(exc, "lineno", None) or (int(found.group(1)) if found else None)
        message = getattr(exc, "msg", None) or re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        where = f"{label}, line {line}" if line else label
        raise ConfigError(f"{where}: not valid TOML: {message}") from None


def _settings(raw: Table, r: ConfigReader, *, secrets: dict[str, str], cwd: Path, path: Path | None) -> Settings:
    slack = _slack(raw.get("slack", {}), r, secrets)
    console = r.boolean(raw.get("alerts", {}), ("alerts", "console"))
    return Settings(
        database_url=Secret(_database_url(raw.get("database", {}), r, secrets, cwd)),
        sources=_sources(raw, r) if "sources" in raw else BUILT_IN_SOURCES,
        slack=slack,
        subscribers=_subscribers(raw, r),
        http=_http(raw.get("http", {}), r),
        history_baseline=_default(r.boolean(raw.get("history", {}), ("history", "baseline")), True),
        console_alerts=_default(console, not slack.configured),
        log_level=_default(r.choice(raw.get("log", {}), ("log", "level"), LOG_LEVELS, upper=True), "INFO"),
        smtp_password=Secret(secrets[SMTP_PASSWORD]) if SMTP_PASSWORD in secrets else None,
        config_path=path,
    )


def _default(value: Any, default: Any) -> Any:
    return default if value is None else value


# --- secrets from the environment --------------------------------------------------------------


def _secrets_from_env(env: Mapping[str, str], cwd: Path) -> dict[str, str]:
    """NAME or NAME_FILE for each secret. An empty value counts as unset: compose files often
    carry `STANCEWATCH_SLACK_TOKEN=` as a placeholder."""
    found: dict[str, str] = {}
    for name in SECRET_VARIABLES:
        direct, file_name = env.get(name) or None, env.get(f"{name}_FILE") or None
        if direct is not None and file_name is not None:
            raise ConfigError(f"both {name} and {name}_FILE are set; set only one")
        if file_name is not None:
            found[name] = _read_secret_file(f"{name}_FILE", cwd / file_name)
        elif direct is not None:
            found[name] = direct
    return found


def _read_secret_file(variable: str, file: Path) -> str:
    """The file's text less one trailing newline; errors name the variable and file, never the text."""
    try:
        value = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{variable}: cannot read {file} (not UTF-8 text)") from None
    except OSError as exc:
        raise ConfigError(f"{variable}: cannot read {file} ({exc.strerror or type(exc).__name__})") from None
    value = value.removesuffix("\n").removesuffix("\r")
    if not value:
        raise ConfigError(f"{variable}: {file} is empty")
    return value


# --- the parts ---------------------------------------------------------------------------------


def _database_url(table: Table, r: ConfigReader, secrets: dict[str, str], cwd: Path) -> str:
    """The environment's URL, else the file's, else SQLite in the working directory. Problems are
    described without the URL itself: it may hold a password."""
    from_file = r.string(table, ("database", "url"))
    url = secrets.get(DATABASE_URL) or from_file or DEFAULT_DATABASE_URL
    try:
        return _normalise_database_url(url, cwd)
    except ValueError as exc:
        if DATABASE_URL in secrets:
            raise ConfigError(f"{DATABASE_URL} {exc}") from None
        raise r.error(("database", "url"), str(exc)) from None


def _normalise_database_url(url: str, cwd: Path) -> str:
    """postgres:// (Heroku, many PaaS) becomes postgresql://; a relative SQLite path becomes
    absolute from `cwd`, so the run does not depend on a later chdir."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        raise ValueError(f"is not a database URL {DATABASE_EXAMPLES}") from None
    backend = parsed.get_backend_name()
    if backend not in DATABASE_BACKENDS:
        raise ValueError(f'uses "{backend}", which stancewatch does not support; use sqlite or postgresql')
    if backend == "sqlite" and _is_relative_sqlite_file(parsed):
        return parsed.set(database=str((cwd / str(parsed.database)).resolve())).render_as_string(hide_password=False)
    return url


def _is_relative_sqlite_file(url: URL) -> bool:
    database = url.database
    return bool(database) and database != ":memory:" and not database.startswith("file:") \
        and not Path(database).is_absolute()


def _sources(raw: Table, r: ConfigReader) -> tuple[SourceSettings, ...]:
    """Declaring [[sources]] replaces the built-in list, so that a deployment chooses its feeds."""
    items: list[Table] = raw["sources"]
    sources = []
    for i, item in enumerate(items):
        where = ("sources", i)
        sources.append(SourceSettings(
            name=r.required_string(item, (*where, "name")),
            url=str(r.web_url(item, (*where, "url"), required=True)),
            kind=_default(r.choice(item, (*where, "kind"), SOURCE_KINDS, hint=" (rss reads RSS and Atom feeds)"),
                          "rss"),
            interval=_default(r.duration(item, (*where, "interval"), minimum=MIN_INTERVAL), dt.timedelta(minutes=15)),
            enabled=_default(r.boolean(item, (*where, "enabled")), True),
        ))
    r.unique(items, "sources", "name")
    r.unique(items, "sources", "url")
    return tuple(sources)


def _slack(table: Table, r: ConfigReader, secrets: dict[str, str]) -> SlackSettings:
    token = r.string(table, ("slack", "token"))
    webhook = r.web_url(table, ("slack", "webhook_url"), required=False, secret=True)
    api_url = r.web_url(table, ("slack", "api_url"), required=False) or DEFAULT_SLACK_API_URL
    if SLACK_WEBHOOK in secrets:
        webhook = secrets[SLACK_WEBHOOK]
        if not is_web_url(webhook):
            raise ConfigError(f"{SLACK_WEBHOOK} must be an http(s) URL (not shown: it holds a secret)")
    token = secrets.get(SLACK_TOKEN) or token
    return SlackSettings(
        token=Secret(token) if token else None,
        api_url=api_url if api_url.endswith("/") else api_url + "/",
        webhook_url=Secret(webhook) if webhook else None,
    )


def _subscribers(raw: Table, r: ConfigReader) -> tuple[SubscriberSettings, ...]:
    items: list[Table] = raw.get("subscribers", [])
    subscribers = []
    for i, item in enumerate(items):
        where = ("subscribers", i)
        name = r.required_string(item, (*where, "name"))
        if name.startswith("("):  # the app's own subscribers are "(console)", "(webhook)"
            raise r.error((*where, "name"), f'"{name}" is reserved: names in parentheses are the app\'s own')
        subscribers.append(SubscriberSettings(
            name=name,
            slack_channel=r.slack_channel(item, (*where, "slack_channel")),
            email=r.email(item, (*where, "email")),
            timezone=_default(r.timezone(item, (*where, "timezone")), "UTC"),
            digest_hour=_default(r.integer(item, (*where, "digest_hour"), 0, 23), 8),
        ))
    r.unique(items, "subscribers", "name")
    return tuple(subscribers)


def _http(table: Table, r: ConfigReader) -> HttpConfig:
    d = HttpConfig()

    def seconds(key: str, default: float) -> float:
        return _default(r.seconds(table, ("http", key), minimum=0.1), default)

    return HttpConfig(
        connect_timeout=seconds("connect_timeout", d.connect_timeout),
        read_timeout=seconds("read_timeout", d.read_timeout),
        total_timeout=seconds("total_timeout", d.total_timeout),
        max_bytes=_default(r.size(table, ("http", "max_bytes"), minimum=1024), d.max_bytes),
        max_redirects=_default(r.integer(table, ("http", "max_redirects"), 0, 30), d.max_redirects),
        user_agent=r.header_value(table, ("http", "user_agent")) or d.user_agent,
    )
