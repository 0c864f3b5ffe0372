"""Fixtures for alert tests: a real fake-Slack server on loopback and example notices."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from alerts.notices import Notice, SourceRef, StatementView
from tests.support.slack_server import SlackServer

TOKEN = "xoxb-1111-2222-secretsecret"
CHANNEL = "#xinjiang-alerts"

UK_2019 = StatementView(
    id=12, topic="xinjiang", stance="critical", lead="GBR", forum="unga_c3", session="UNGA74",
    date=dt.date(2019, 10, 29), stated_count=23,
    signatories=("USA", "DEU", "FRA", "CAN", "JPN", "NZL", "GBR"), list_complete=False,
)
SUPPORTIVE_2019 = StatementView(
    id=13, topic="xinjiang", stance="supportive", lead="BLR", forum="unga_c3", session="UNGA74",
    date=dt.date(2019, 10, 29), stated_count=54, signatories=("BLR", "PAK", "RUS", "EGY", "BOL", "COD", "SRB"),
    list_complete=False,
)
# The July 2019 letter to the HRC President: nobody read it out, so it has no lead.
LETTER_2019 = StatementView(
    id=14, topic="xinjiang", stance="supportive", lead=None, forum="hrc", session="HRC41",
    date=dt.date(2019, 7, 12), stated_count=50, signatories=("PAK", "RUS", "SAU", "QAT", "EGY"),
    list_complete=False,
)
WORLD_DESK = SourceRef(
    url="https://news.example.org/2019/10/30/rival-camps", title="Rival camps face off over Xinjiang at the UN",
    source_name="World Desk", published=dt.date(2019, 10, 30),
    quote="Britain's ambassador read out a statement, backed by 23 countries, that called on China to "
          "uphold its national and international obligations.",
)
DETECTED = dt.datetime(2019, 10, 30, 9, 15, tzinfo=dt.timezone.utc)


def notice(kind: str = "new_statement", statement: StatementView = UK_2019, **changes: object) -> Notice:
    """An example notice; keyword arguments replace fields."""
    values: dict[str, object] = dict(kind=kind, statement=statement, country=None, previous_count=None,
                                      source=WORLD_DESK, detected_at=DETECTED)
    values.update(changes)
    return Notice(**values)  # type: ignore[arg-type]


@pytest.fixture
def slack() -> Iterator[SlackServer]:
    with SlackServer(token=TOKEN, channels={CHANNEL, "C0ALERTS"}) as server:
        yield server
