"""Configuration: defaults, the environment, and errors that name the file, line and key."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stancewatch.config import BUILT_IN_SOURCES, ConfigError, Secret, load_settings
from stancewatch.units import parse_duration, parse_size

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


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "stancewatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str, **kwargs) -> str:
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, text), cwd=tmp_path, **kwargs)
    return str(caught.value).replace(str(tmp_path) + "/", "")


def test_no_file_at_all_means_sqlite_here_built_in_sources_and_the_console(tmp_path):
    settings = load_settings(None, env={}, cwd=tmp_path)
    assert settings.database_url.reveal() == f"sqlite:///{tmp_path.resolve()}/stancewatch.db"
    assert settings.sources == BUILT_IN_SOURCES
    assert settings.console_alerts is True and not settings.slack.configured
    assert settings.subscribers == ()


def test_the_file_in_the_working_directory_is_read_without_being_named(tmp_path):
    write(tmp_path, GOOD)
    settings = load_settings(None, env={}, cwd=tmp_path)
    assert [s.name for s in settings.sources] == ["UN News"]
    assert settings.sources[0].interval == dt.timedelta(minutes=5)
    assert settings.slack.api_url == "http://127.0.0.1:9/api/"
    assert settings.subscribers[0].slack_channel == "#xinjiang-watch"
    assert settings.console_alerts is False  # Slack is configured


def test_a_named_file_that_does_not_exist_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_settings(tmp_path / "nope.toml", env={}, cwd=tmp_path)


def test_an_unknown_key_is_named_with_its_line_and_a_suggestion(tmp_path):
    text = GOOD.replace('interval = "5m"', 'interval = "5m"\n\n[[sources]]\nname = "World Desk"\nurl = "https://w.example/rss"\nintervall = "15m"')
    assert error_of(tmp_path, text) == \
        'stancewatch.toml, line 12: sources[1] "World Desk": unknown key "intervall" (did you mean "interval"?)'


@pytest.mark.parametrize(("text", "message"), [
    ('[database]\nurl = 5\n', "stancewatch.toml, line 2: database.url must be a string, got integer"),
    ('[[sources]]\nname = "UN News"\nurl = "https://x.example/"\ninterval = "15x"\n',
     'stancewatch.toml, line 4: sources[0] "UN News": interval "15x" is not a duration (use e.g. "90s", "15m", "1h", "1d", "1h30m")'),
    ('[[sources]]\nname = "UN News"\nurl = "https://x.example/"\ninterval = "0s"\n',
     'stancewatch.toml, line 4: sources[0] "UN News": interval must be at least 1m, got "0s"'),
    ('[database\nurl = "x"\n', "stancewatch.toml, line 1: not valid TOML: Expected ']' at the end of a table declaration"),
    ('datbase = 1\n', 'stancewatch.toml, line 1: unknown key "datbase" (did you mean "database"?)'),
    ('[slack]\ntokn = "x"\n', 'stancewatch.toml, line 2: slack: unknown key "tokn" (did you mean "token"?)'),
    ('[[subscribers]]\nslack_channel = "#x"\n', 'stancewatch.toml, line 1: subscribers[0]: "name" is required'),
    ('[[sources]]\nname = "A"\nurl = "ftp://x.example/"\n', 'stancewatch.toml, line 3: sources[0] "A": url must be an http(s) URL, got "ftp://x.example/"'),
    ('[[sources]]\nname = "A"\nurl = "https://x.example/"\nkind = "atom"\n', 'stancewatch.toml, line 4: sources[0] "A": kind "atom" is not one of: rss'),
    ('[[sources]]\nname = "A"\nurl = "https://x/"\n[[sources]]\nname = "A"\nurl = "https://y/"\n',
     'stancewatch.toml, line 5: sources[1] "A": name "A" is used twice; names must be unique'),
    ('[history]\nbaseline = "no"\n', "stancewatch.toml, line 2: history.baseline must be true or false, got string"),
    ('[http]\nmax_redirects = true\n', "stancewatch.toml, line 2: http.max_redirects must be a whole number, got boolean"),
    ('[[subscribers]]\nname = "a"\ntimezone = "Mars/Olympus"\n', 'stancewatch.toml, line 3: subscribers[0] "a": timezone "Mars/Olympus" is not a time zone (use e.g. "Europe/Geneva", "UTC")'),
    ('sources = 3\n', "stancewatch.toml, line 1: sources must be an array of tables ([[sources]]), got integer"),
])
def test_each_mistake_gets_one_message_naming_line_and_key(tmp_path, text, message):
    assert error_of(tmp_path, text) == message


def test_secrets_from_the_environment_win_over_the_file(tmp_path):
    settings = load_settings(write(tmp_path, GOOD), cwd=tmp_path, env={
        "STANCEWATCH_SLACK_TOKEN": "xoxb-env", "STANCEWATCH_DATABASE_URL": "postgresql://u:pw@db/x"})
    assert settings.slack.token.reveal() == "xoxb-env"
    assert settings.database_url.reveal() == "postgresql://u:pw@db/x"
    assert settings.redacted_database_url() == "postgresql://u:***@db/x"


def test_a_secret_can_come_from_a_file_named_by_NAME_FILE(tmp_path):
    (tmp_path / "token").write_text("xoxb-from-file\n")
    settings = load_settings(None, cwd=tmp_path, env={"STANCEWATCH_SLACK_TOKEN_FILE": str(tmp_path / "token")})
    assert settings.slack.token.reveal() == "xoxb-from-file"
    assert settings.slack.configured and settings.console_alerts is False


def test_both_a_secret_and_its_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="both STANCEWATCH_SLACK_TOKEN and STANCEWATCH_SLACK_TOKEN_FILE"):
        load_settings(None, cwd=tmp_path, env={"STANCEWATCH_SLACK_TOKEN": "a", "STANCEWATCH_SLACK_TOKEN_FILE": "b"})


def test_an_unreadable_secret_file_names_the_variable_not_the_content(tmp_path):
    with pytest.raises(ConfigError, match=r"STANCEWATCH_DATABASE_URL_FILE: cannot read .*missing"):
        load_settings(None, cwd=tmp_path, env={"STANCEWATCH_DATABASE_URL_FILE": str(tmp_path / "missing")})


def test_secrets_never_show_in_a_repr_or_an_error(tmp_path):
    settings = load_settings(write(tmp_path, GOOD), cwd=tmp_path, env={"STANCEWATCH_DATABASE_URL": "postgresql://u:hunter2@db/x"})
    text = repr(settings) + str(settings)
    assert "xoxb-file-token" not in text and "hunter2" not in text
    assert repr(Secret("x")) == "'**********'"
    message = error_of(tmp_path, '[slack]\ntoken = "xoxb-secret"\nwebhook_url = "not a url"\n')
    assert "not a url" not in message and "xoxb-secret" not in message


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("15m", 900), ("1h", 3600), ("1d", 86400), ("1h30m", 5400), ("15x", None), ("", None), ("m", None)])
def test_durations_are_read_as_people_write_them(text, seconds):
    value = parse_duration(text)
    assert (None if value is None else value.total_seconds()) == seconds


@pytest.mark.parametrize(("text", "size"), [("5MB", 5_000_000), ("512KiB", 524288), ("1000", 1000), ("5 mb", 5_000_000), ("lots", None)])
def test_sizes_are_read_as_people_write_them(text, size):
    assert parse_size(text) == size


def test_the_example_configuration_in_deploy_loads_cleanly(tmp_path):
    example = Path(__file__).parents[2] / "deploy" / "stancewatch.example.toml"
    settings = load_settings(example, env={}, cwd=tmp_path)
    assert settings.sources and settings.subscribers
