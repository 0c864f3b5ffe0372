"""The command line's contracts: extract's JSON lines, configuration errors, --help."""
from __future__ import annotations

import json

import pytest

from tests.e2e.conftest import DATA

pytestmark = pytest.mark.timeout(60)


def test_extract_prints_one_json_line_per_file_and_keeps_going_past_an_unreadable_one(workdir):
    story = workdir.path / "story.html"
    story.write_bytes((DATA / "rival-statements-2019.html").read_bytes())
    result = workdir.run("extract", str(story), "missing.txt", str(story))
    assert result.code == 1
    lines = [json.loads(line) for line in result.out.splitlines()]
    assert [line["file"] for line in lines] == [str(story), "missing.txt", str(story)]
    assert lines[1]["error"] and lines[1]["statements"] == [] and lines[1]["changes"] == []
    leads = sorted(s["lead"] for s in lines[0]["statements"])
    assert leads == ["BLR", "GBR"]
    assert not (workdir.path / "stancewatch.db").exists()  # pure: no database


def test_extract_of_a_binary_file_is_an_error_line(workdir):
    blob = workdir.path / "image.png"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = workdir.run("extract", str(blob))
    assert result.code == 1 and json.loads(result.out)["error"]


def test_a_configuration_mistake_exits_2_naming_the_line_and_starts_nothing(workdir):
    workdir.configure('[[sources]]\nname = "World Desk"\nurl = "https://x.example/rss"\nintervall = "15m"\n')
    result = workdir.run("run", "--once")
    assert result.code == 2
    assert result.err.strip() == (
        'Error: stancewatch.toml, line 4: sources[0] "World Desk": unknown key "intervall" (did you mean "interval"?)')
    assert not (workdir.path / "stancewatch.db").exists()


def test_a_configuration_error_never_shows_the_token(workdir):
    workdir.env["STANCEWATCH_SLACK_TOKEN"] = "xoxb-very-secret-value"
    workdir.configure('[slack]\napi_url = 5\n')
    result = workdir.run("run", "--once")
    assert result.code == 2 and "xoxb-very-secret-value" not in result.out + result.err


def test_every_command_has_help(workdir):
    for command in (["--help"], ["run", "--help"], ["extract", "--help"], ["statements", "--help"],
                    ["changes", "--help"], ["db", "upgrade", "--help"]):
        result = workdir.run(*command)
        assert result.code == 0 and "Usage" in result.out


def test_db_upgrade_creates_the_database_and_says_where(workdir):
    result = workdir.run("db", "upgrade")
    assert result.code == 0, result.err
    assert (workdir.path / "stancewatch.db").exists() and "stancewatch.db" in result.out


def test_changes_since_a_date_that_is_not_a_date_exits_2(workdir):
    result = workdir.run("changes", "--since", "last tuesday")
    assert result.code == 2 and "YYYY-MM-DD" in result.err
