"""Configuration: defaults, the file, the environment, and errors that name the file, line and key."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from stancewatch.config import (
    BUILT_IN_SOURCES,
    ConfigError,
    HttpConfig,
    Secret,
    Settings,
    SourceSettings,
    load_settings,
    redact_url,
)
from stancewatch.toml_lines import key_line
from stancewatch.units import format_duration, parse_duration, parse_size

EXAMPLE = Path(__file__).parents[2] / "deploy" / "stancewatch.example.toml"

GOOD = """\
[database]
url = "sqlite:///watch.db"

[[sources]]
name = "UN News"
url = "https://news.example.org/rss.xml"
interval = "5m"

[slack]
token = "xoxb-file-token"
api_url = "http://127.0.0.1:9/api"

[[subscribers]]
name = "desk"
slack_channel = "#xinjiang-watch"
"""


def write(tmp_path: Path, text: str, name: str = "stancewatch.toml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> str:
    """The message for `text` saved as ./stancewatch.toml and found without being named."""
    write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(None, env=env or {}, cwd=tmp_path)
    return str(caught.value)


def env_error(tmp_path: Path, env: dict[str, str]) -> str:
    with pytest.raises(ConfigError) as caught:
        load_settings(None, env=env, cwd=tmp_path)
    return str(caught.value)


# --- where settings come from ------------------------------------------------------------------


def test_no_file_at_all_means_sqlite_here_built_in_sources_and_the_console(tmp_path):
    settings = load_settings(None, env={}, cwd=tmp_path)
    assert settings.database_url.reveal() == f"sqlite:///{tmp_path.resolve()}/stancewatch.db"
    assert settings.sources == BUILT_IN_SOURCES
    assert [s.interval for s in settings.sources] == [dt.timedelta(minutes=m) for m in (15, 15, 30)]
    assert settings.console_alerts is True and not settings.slack.configured
    assert settings.subscribers == () and settings.config_path is None
    assert settings.http == HttpConfig() and settings.history_baseline and settings.log_level == "INFO"


def test_the_file_in_the_working_directory_is_read_without_being_named(tmp_path):
    write(tmp_path, GOOD)
    settings = load_settings(None, env={}, cwd=tmp_path)
    assert settings.sources == (SourceSettings("UN News", "https://news.example.org/rss.xml",
                                               interval=dt.timedelta(minutes=5)),)
    assert settings.slack.api_url == "http://127.0.0.1:9/api/"
    assert settings.subscribers[0].slack_channel == "#xinjiang-watch"
    assert settings.console_alerts is False  # Slack is configured
    assert settings.config_path == tmp_path.resolve() / "stancewatch.toml"


def test_a_relative_path_is_read_from_the_working_directory_and_named_as_given(tmp_path):
    write(tmp_path, "[log]\nlevel = 3\n", name="conf/watch.toml")
    with pytest.raises(ConfigError) as caught:
        load_settings(Path("conf/watch.toml"), env={}, cwd=tmp_path)
    assert str(caught.value) == "conf/watch.toml, line 2: log.level must be a string, got integer"


def test_a_named_file_that_does_not_exist_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match=r"^nope.toml: no such configuration file$"):
        load_settings(Path("nope.toml"), env={}, cwd=tmp_path)


def test_a_relative_sqlite_path_is_fixed_at_start_and_other_urls_are_kept(tmp_path):
    def url(value: str) -> str:
        return load_settings(None, env={"STANCEWATCH_DATABASE_URL": value}, cwd=tmp_path).database_url.reveal()

    assert url("sqlite:///data/w.db?mode=ro") == f"sqlite:///{tmp_path.resolve()}/data/w.db?mode=ro"
    assert url("sqlite:////var/lib/w.db") == "sqlite:////var/lib/w.db"
    assert url("sqlite:///:memory:") == "sqlite:///:memory:"
    assert url("postgres://u:pw@db/x") == "postgresql://u:pw@db/x"


def test_declared_sources_replace_the_built_in_ones_and_get_defaults(tmp_path):
    write(tmp_path, '[[sources]]\nname = "Mission"\nurl = "http://mission.example/feed"\n')
    (source,) = load_settings(None, env={}, cwd=tmp_path).sources
    assert (source.kind, source.interval, source.enabled) == ("rss", dt.timedelta(minutes=15), True)


def test_console_alerts_can_be_kept_beside_slack(tmp_path):
    write(tmp_path, GOOD + "\n[alerts]\nconsole = true\n")
    assert load_settings(None, env={}, cwd=tmp_path).console_alerts is True


def test_settings_are_frozen(tmp_path):
    settings = load_settings(None, env={}, cwd=tmp_path)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.log_level = "DEBUG"  # type: ignore[misc]


def test_a_byte_order_mark_from_a_windows_editor_is_not_an_error(tmp_path):
    (tmp_path / "stancewatch.toml").write_bytes(b"\xef\xbb\xbf[log]\nlevel = 'debug'\n")
    assert load_settings(None, env={}, cwd=tmp_path).log_level == "DEBUG"


def test_the_example_configuration_in_deploy_loads_cleanly_and_shows_the_defaults(tmp_path):
    settings = load_settings(EXAMPLE, env={}, cwd=tmp_path)
    assert settings.sources == BUILT_IN_SOURCES
    assert settings.http == HttpConfig()
    assert settings.subscribers[0].name == "desk" and settings.subscribers[0].digest_hour == 8
    assert settings.history_baseline is True and settings.log_level == "INFO"
    assert settings.console_alerts is True  # no token in the example: Slack is off


# --- errors: one message, naming file, line and key ---------------------------------------------


UX_EXAMPLES = [
    ('[[sources]]\nname = "UN News"\nurl = "https://news.un.org/feed"\n'
     '[[sources]]\nname = "World Desk"\nurl = "https://world.example/rss"\nintervall = "15m"\n',
     'stancewatch.toml, line 7: sources[1] "World Desk": unknown key "intervall" (did you mean "interval"?)'),
    ("# stancewatch\n[database]\nurl = 5\n",
     "stancewatch.toml, line 3: database.url must be a string, got integer"),
    ('[database]\nurl = "sqlite:///w.db"\n\n[slack]\ntoken = "xoxb-1"\n\n[[subscribers]]\nname = "desk"\n\n'
     '[[sources]]\nname = "UN News"\ninterval = "15x"\nurl = "https://news.un.org/feed"\n',
     'stancewatch.toml, line 12: sources[0] "UN News": interval "15x" is not a duration '
     '(use e.g. "90s", "15m", "1h", "1d", "1h30m")'),
    ('[[sources]]\nname = "A"\nurl = "https://a.example/"\n[[sources]]\nname = "B"\nurl = "https://b.example/"\n'
     '[[sources]]\nname = "UN News"\ninterval = "0s"\nurl = "https://news.un.org/feed"\n',
     'stancewatch.toml, line 9: sources[2] "UN News": interval must be at least 1m, got "0s"'),
    ('[database]\nurl = "sqlite:///w.db"\n\n[slack\n',
     "stancewatch.toml, line 4: not valid TOML: Expected ']' at the end of a table declaration"),
]


@pytest.mark.parametrize(("text", "message"), UX_EXAMPLES)
def test_the_examples_in_the_issue_read_exactly_as_written(tmp_path, text, message):
    assert error_of(tmp_path, text) == message


MISTAKES = [
    ('[[subscribers]]\nslack_channel = "#x"\n', 'line 1: subscribers[0]: "name" is required'),
    ('[[sources]]\nname = "A"\n', 'line 1: sources[0] "A": "url" is required'),
    ('[[sources]]\nname = "A"\nurl = "ftp://x.example/"\n',
     'line 3: sources[0] "A": url must be an http(s) URL, got "ftp://x.example/"'),
    ('[[sources]]\nname = "A"\nurl = "http://[::1/"\n',
     'line 3: sources[0] "A": url must be an http(s) URL, got "http://[::1/"'),
    ('[[sources]]\nname = "A"\nurl = "https://x.example/"\nkind = "html"\n',
     'line 4: sources[0] "A": kind "html" is not one of: rss (rss reads RSS and Atom feeds)'),
    ('[[sources]]\nname = "A"\nurl = "https://x.example/"\ninterval = 900\n',
     'line 4: sources[0] "A": interval must be a duration such as "15m" (in quotes), got integer'),
    ('[[sources]]\nname = "A"\nurl = "https://x/"\n[[sources]]\nname = "A"\nurl = "https://y/"\n',
     'line 5: sources[1] "A": name "A" is already used by sources[0]; each name must be unique'),
    ('[[sources]]\nname = "A"\nurl = "https://x/"\n[[sources]]\nname = "B"\nurl = "https://x/"\n',
     'line 6: sources[1] "B": url "https://x/" is already used by sources[0]; each url must be unique'),
    ('[[subscribers]]\nname = "a"\n[[subscribers]]\nname = "a"\n',
     'line 4: subscribers[1] "a": name "a" is already used by subscribers[0]; each name must be unique'),
    ('[[subscribers]]\nname = "(console)"\n',
     'line 2: subscribers[0] "(console)": name "(console)" is reserved: names in parentheses are the app\'s own'),
    ('[[subscribers]]\nname = "a"\ntimezone = "Mars/Olympus"\n',
     'line 3: subscribers[0] "a": timezone "Mars/Olympus" is not a time zone (use e.g. "Europe/Geneva", "UTC")'),
    ('[[subscribers]]\nname = "a"\ndigest_hour = 24\n',
     'line 3: subscribers[0] "a": digest_hour must be between 0 and 23, got 24'),
    ('[[subscribers]]\nname = "a"\ndigest_hour = true\n',
     'line 3: subscribers[0] "a": digest_hour must be a whole number, got boolean'),
    ('[[subscribers]]\nname = "a"\nemail = "desk"\n',
     'line 3: subscribers[0] "a": email "desk" is not an email address'),
    ('[[subscribers]]\nname = "a"\nslack_channel = "#xinjiang watch"\n',
     'line 3: subscribers[0] "a": slack_channel "#xinjiang watch" is not a Slack channel '
     '(use e.g. "#xinjiang-watch" or an ID like "C0123456789")'),
    ("[history]\nbaseline = \"no\"\n", "line 2: history.baseline must be true or false, got string"),
    ("[alerts]\nconsole = 1\n", "line 2: alerts.console must be true or false, got integer"),
    ('[log]\nlevel = "verbose"\n', 'line 2: log.level "verbose" is not one of: DEBUG, INFO, WARNING, ERROR, CRITICAL'),
    ("[http]\nmax_redirects = true\n", "line 2: http.max_redirects must be a whole number, got boolean"),
    ("[http]\nconnect_timeout = true\n", "line 2: http.connect_timeout must be a number of seconds, got boolean"),
    ("[http]\nread_timeout = nan\n", "line 2: http.read_timeout must be a finite number of seconds, got nan"),
    ("[http]\ntotal_timeout = 0\n", "line 2: http.total_timeout must be at least 0.1 seconds, got 0"),
    ('[http]\nmax_bytes = "lots"\n', 'line 2: http.max_bytes "lots" is not a size (use e.g. "512KB", "5MB")'),
    ("[http]\nmax_bytes = 10\n", "line 2: http.max_bytes must be at least 1024 bytes, got 10"),
    ('[http]\nuser_agent = "a\\nb"\n', "line 2: http.user_agent must be one line of printable text"),
    ('[slack]\napi_url = "slack.com/api"\n', 'line 2: slack.api_url must be an http(s) URL, got "slack.com/api"'),
    ('[database]\nurl = "mysql://u@h/db"\n',
     'line 2: database.url uses "mysql", which stancewatch does not support; use sqlite or postgresql'),
    ("sources = 3\n", "line 1: sources must be an array of tables ([[sources]]), got integer"),
    ('[sources]\nname = "A"\n', "line 1: sources must be an array of tables ([[sources]]), got table"),
    ('database = "sqlite:///x.db"\n', "line 1: database must be a table ([database]), got string"),
    ("slack = { token = 5 }\n", "line 1: slack.token must be a string, got integer"),
    ('log.level = 3\n', "line 1: log.level must be a string, got integer"),
]


@pytest.mark.parametrize(("text", "message"), MISTAKES)
def test_each_mistake_gets_one_message_naming_line_and_key(tmp_path, text, message):
    assert error_of(tmp_path, text) == f"stancewatch.toml, {message}"


UNKNOWN_KEYS = [
    ("datbase = 1\n", 'line 1: unknown key "datbase" (did you mean "database"?)'),
    ("[subscriber]\n", 'line 1: unknown key "subscriber" (did you mean "subscribers"?)'),
    ("[[source]]\n", 'line 1: unknown key "source" (did you mean "sources"?)'),
    ("[database]\nuri = 'x'\n", 'line 2: database: unknown key "uri" (did you mean "url"?)'),
    ("[slack]\ntokn = 'x'\n", 'line 2: slack: unknown key "tokn" (did you mean "token"?)'),
    ("[[subscribers]]\nname = 'a'\nchannel = '#x'\n",
     'line 3: subscribers[0] "a": unknown key "channel" (did you mean "slack_channel"?)'),
    ("[http]\nmax_redirect = 3\n", 'line 2: http: unknown key "max_redirect" (did you mean "max_redirects"?)'),
    ("[history]\nbaselin = true\n", 'line 2: history: unknown key "baselin" (did you mean "baseline"?)'),
    ("[alerts]\nconsol = true\n", 'line 2: alerts: unknown key "consol" (did you mean "console"?)'),
    ("[log]\nlevl = 'INFO'\n", 'line 2: log: unknown key "levl" (did you mean "level"?)'),
    ("[log]\ncolour = true\n", 'line 2: log: unknown key "colour"'),
]


@pytest.mark.parametrize(("text", "message"), UNKNOWN_KEYS)
def test_an_unknown_key_at_any_level_is_named_with_a_suggestion(tmp_path, text, message):
    assert error_of(tmp_path, text) == f"stancewatch.toml, {message}"


# --- secrets from the environment --------------------------------------------------------------


def test_secrets_from_the_environment_win_over_the_file(tmp_path):
    settings = load_settings(write(tmp_path, GOOD), cwd=tmp_path, env={
        "STANCEWATCH_SLACK_TOKEN": "xoxb-env", "STANCEWATCH_DATABASE_URL": "postgresql://u:pw@db/x",
        "STANCEWATCH_SMTP_PASSWORD": "smtp-pw", "STANCEWATCH_SLACK_WEBHOOK_URL": "https://hooks.example/T/B/x"})
    assert settings.slack.token.reveal() == "xoxb-env"
    assert settings.slack.webhook_url.reveal() == "https://hooks.example/T/B/x"
    assert settings.database_url.reveal() == "postgresql://u:pw@db/x"
    assert settings.smtp_password.reveal() == "smtp-pw"
    assert settings.redacted_database_url() == "postgresql://u:***@db/x"


def test_an_empty_variable_counts_as_unset(tmp_path):
    settings = load_settings(write(tmp_path, GOOD), cwd=tmp_path, env={"STANCEWATCH_SLACK_TOKEN": ""})
    assert settings.slack.token.reveal() == "xoxb-file-token"


def test_other_variables_are_not_read(tmp_path):
    settings = load_settings(None, cwd=tmp_path, env={"STANCEWATCH_LOG_LEVEL": "DEBUG", "SLACK_TOKEN": "x"})
    assert settings.log_level == "INFO" and not settings.slack.configured


def test_a_secret_can_come_from_a_file_named_by_NAME_FILE_relative_to_the_working_directory(tmp_path):
    write(tmp_path, "xoxb-from-file\n", name="secrets/token")
    write(tmp_path, "pw with trailing blank line\n\n", name="secrets/smtp")
    settings = load_settings(None, cwd=tmp_path, env={"STANCEWATCH_SLACK_TOKEN_FILE": "secrets/token",
                                                      "STANCEWATCH_SMTP_PASSWORD_FILE": str(tmp_path / "secrets/smtp")})
    assert settings.slack.token.reveal() == "xoxb-from-file"
    assert settings.smtp_password.reveal() == "pw with trailing blank line\n"  # only one newline is stripped
    assert settings.slack.configured and settings.console_alerts is False


def test_both_a_secret_and_its_file_is_an_error(tmp_path):
    assert env_error(tmp_path, {"STANCEWATCH_SLACK_TOKEN": "a", "STANCEWATCH_SLACK_TOKEN_FILE": "b"}) == \
        "both STANCEWATCH_SLACK_TOKEN and STANCEWATCH_SLACK_TOKEN_FILE are set; set only one"


def test_an_unreadable_secret_file_names_the_variable_and_the_file(tmp_path):
    missing = tmp_path / "missing"
    assert env_error(tmp_path, {"STANCEWATCH_DATABASE_URL_FILE": str(missing)}) == \
        f"STANCEWATCH_DATABASE_URL_FILE: cannot read {missing} (No such file or directory)"
    write(tmp_path, "", name="empty")
    assert env_error(tmp_path, {"STANCEWATCH_SMTP_PASSWORD_FILE": "empty"}) == \
        f"STANCEWATCH_SMTP_PASSWORD_FILE: {tmp_path.resolve() / 'empty'} is empty"


def test_a_secret_file_that_is_not_text_is_named_but_never_shown(tmp_path):
    (tmp_path / "binary").write_bytes(b"xoxb-\xff\xfe-hunter2")
    message = env_error(tmp_path, {"STANCEWATCH_SLACK_TOKEN_FILE": "binary"})
    assert message.startswith("STANCEWATCH_SLACK_TOKEN_FILE: cannot read ") and "hunter2" not in message


def test_secrets_never_show_in_a_repr_or_str(tmp_path):
    settings = load_settings(write(tmp_path, GOOD), cwd=tmp_path, env={
        "STANCEWATCH_DATABASE_URL": "postgresql://u:hunter2@db/x", "STANCEWATCH_SMTP_PASSWORD": "smtp-pw",
        "STANCEWATCH_SLACK_WEBHOOK_URL": "https://hooks.example/T/B/hooksecret"})
    text = repr(settings) + str(settings) + f"{settings.slack}"
    for secret in ("xoxb-file-token", "hunter2", "smtp-pw", "hooksecret"):
        assert secret not in text
    assert repr(Secret("x")) == str(Secret("x")) == f"{Secret('x')}" == "'**********'"


def test_secrets_never_show_in_an_error(tmp_path):
    message = error_of(tmp_path, '[slack]\ntoken = "xoxb-secret"\nwebhook_url = "hooks/not-a-url"\n')
    assert message == \
        "stancewatch.toml, line 3: slack.webhook_url must be an http(s) URL (not shown: it holds a secret)"
    message = error_of(tmp_path, '[database]\nurl = "postgresql//u:hunter2@db"\n')
    assert message == ('stancewatch.toml, line 2: database.url is not a database URL '
                       '(use e.g. "sqlite:///stancewatch.db" or "postgresql://user@host/stancewatch")')
    message = env_error(tmp_path / "elsewhere", {"STANCEWATCH_DATABASE_URL": "postgresql//u:hunter2@db"})
    assert message.startswith("STANCEWATCH_DATABASE_URL is not a database URL") and "hunter2" not in message
    message = env_error(tmp_path / "elsewhere", {"STANCEWATCH_SLACK_WEBHOOK_URL": "hooksecret"})
    assert message == "STANCEWATCH_SLACK_WEBHOOK_URL must be an http(s) URL (not shown: it holds a secret)"


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://user:pw@host/db", "postgresql://user:***@host/db"),
    ("postgresql+psycopg://user:pw@host:5433/db?sslmode=require",
     "postgresql+psycopg://user:***@host:5433/db?sslmode=require"),
    ("postgresql://user@host/db?password=pw", "postgresql://user@host/db?password=***"),
    ("sqlite:////tmp/w.db", "sqlite:////tmp/w.db"),
    ("not a url", "<unparsable database URL>"),
])
def test_the_redacted_database_url_hides_the_password_wherever_it_is(url, shown):
    assert redact_url(url) == shown
    assert Settings(database_url=Secret(url)).redacted_database_url() == shown


# --- the small parsers -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "seconds"), [
    ("90s", 90), ("15m", 900), ("1h", 3600), ("1d", 86400), ("1h30m", 5400), ("1h 30m", 5400), ("0s", 0),
    ("3650d", 3650 * 86400), ("15x", None), ("", None), ("m", None), ("15", None), ("15M", None),
    ("30m1h", None), ("1m1m", None), ("-5m", None), ("3651d", None), ("99999999999999999d", None),
])
def test_durations_are_read_as_people_write_them(text, seconds):
    value = parse_duration(text)
    assert (None if value is None else value.total_seconds()) == seconds


@pytest.mark.parametrize(("seconds", "text"), [(0, "0s"), (60, "1m"), (5400, "1h30m"), (90061, "1d1h1m1s")])
def test_durations_are_written_back_the_same_way(seconds, text):
    assert format_duration(dt.timedelta(seconds=seconds)) == text


@pytest.mark.parametrize(("text", "size"), [
    ("5MB", 5 * 1024**2), ("512KB", 512 * 1024), ("512KiB", 512 * 1024), ("1000", 1000), ("5 mb", 5 * 1024**2),
    ("1G", 1024**3), ("lots", None), ("5 TB", None), ("", None),
])
def test_sizes_are_read_as_people_write_them(text, size):
    assert parse_size(text) == size


KEY_LINES_TEXT = """\
top = 1
log.level = "x"
[database]  # comment
url = "x"
[[sources]]
name = "a"
[[ sources ]]
"name" = "b"
interval = "1m"
inline = [{ name = "c" }]
"""


@pytest.mark.parametrize(("path", "line"), [
    (("top",), 1), (("log", "level"), 2), (("database",), 3), (("database", "url"), 4),
    (("sources", 0), 5), (("sources", 0, "name"), 6), (("sources", 1, "name"), 8),
    (("sources", 1, "interval"), 9), (("sources", 1, "missing"), 7), (("nowhere", "key"), None),
    (("sources", 5, "name"), None),
])
def test_key_lines_are_found_by_scanning_the_text(path, line):
    assert key_line(KEY_LINES_TEXT, path) == line
