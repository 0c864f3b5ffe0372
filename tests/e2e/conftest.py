"""End-to-end: the real `stancewatch` command against a local feed server, a local Slack Web
API and a real SQLite file in a temporary working directory."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.http_server import HttpServer
from tests.support.slack_server import SlackServer

DATA = Path(__file__).parent / "data"
TOKEN = "xoxb-e2e-test-token"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):  # noqa: ANN201
        return json.loads(self.out)


@dataclass
class Workdir:
    path: Path
    env: dict[str, str]

    def configure(self, text: str) -> None:
        (self.path / "stancewatch.toml").write_text(text, encoding="utf-8")

    def run(self, *args: str, timeout: float = 60) -> Result:
        done = subprocess.run([sys.executable, "-m", "stancewatch", *args], cwd=self.path, env=self.env,
                              capture_output=True, text=True, timeout=timeout)
        return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def workdir(tmp_path: Path) -> Workdir:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STANCEWATCH_")}
    env["STANCEWATCH_SLACK_TOKEN"] = TOKEN
    return Workdir(tmp_path, env)


@pytest.fixture
def web() -> Iterator[HttpServer]:
    with HttpServer() as server:
        yield server


@pytest.fixture
def slack() -> Iterator[SlackServer]:
    with SlackServer(token=TOKEN) as server:
        yield server


def rss(*items: tuple[str, str, str], title: str = "World Desk") -> str:
    """An RSS 2.0 feed; items are (title, link, summary)."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid><description>{summary}</description>"
        f"<pubDate>Wed, 30 Oct 2019 09:00:00 GMT</pubDate></item>"
        for t, link, summary in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link><description>news</description>{body}</channel></rss>")


def config(feeds: dict[str, str], slack: SlackServer | None, channel: str = "#xinjiang-watch",
           baseline: bool = False) -> str:
    """A configuration for the servers of a test. Without the shipped history by default, so that
    the 2019 statements of the seed story are news to it."""
    parts = ['[database]\nurl = "sqlite:///stancewatch.db"\n', f"[history]\nbaseline = {str(baseline).lower()}\n"]
    for name, url in feeds.items():
        parts.append(f'[[sources]]\nname = "{name}"\nurl = "{url}"\ninterval = "15m"\n')
    if slack is not None:
        parts.append(f'[slack]\napi_url = "{slack.api_url}"\n')
        parts.append(f'[[subscribers]]\nname = "desk"\nslack_channel = "{channel}"\n')
    parts.append('[http]\nconnect_timeout = 2\nread_timeout = 3\ntotal_timeout = 5\n')
    return "\n".join(parts)
