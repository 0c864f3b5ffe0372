"""Shifts between years, in words a reader understands on a phone."""
from __future__ import annotations

import datetime as dt

from alerts.notices import Notice, ShiftItem, SourceRef, StatementView
from alerts.render import console_text, slack_message


def view(id, stance="critical", lead="JPN", count=45, day=(2027, 10, 19), names=("JPN",), complete=True):
    return StatementView(id=id, topic="xinjiang", stance=stance, lead=lead, forum="unga_c3", session=None,
                         date=dt.date(*day), stated_count=count, signatories=names, list_complete=complete)


LAST_YEAR = view(1, lead="SWE", count=47, day=(2026, 10, 20))
RIVAL = view(2, stance="supportive", lead="VEN", count=70, day=(2026, 10, 20))
SOURCE = SourceRef(url="https://www.mofa.go.jp/x", title="Joint statement", source_name="MOFA", published=None, quote=None)


def notice(*items, statement=None):  # noqa: ANN001, ANN201
    return Notice(kind=items[0].kind, statement=statement or view(3), country=items[0].country, previous_count=None,
                  source=SOURCE, detected_at=dt.datetime(2027, 10, 19, tzinfo=dt.UTC), shifts=tuple(items))


def test_a_country_that_dropped_out_is_told_in_one_sentence():
    message = slack_message(notice(ShiftItem("dropped_out", "TUR", LAST_YEAR)))
    assert message.text == "Türkiye did not sign this year's critical statement on Xinjiang; it signed in 2026"


def test_a_country_that_switched_camp_is_told_against_last_year():
    supportive = view(4, stance="supportive", lead="VEN", count=72)
    text = slack_message(notice(ShiftItem("switched_camp", "SWZ", LAST_YEAR), statement=supportive)).text
    assert text == "Eswatini signed the supportive statement on Xinjiang; last year it signed the critical one"


def test_a_burst_of_shifts_is_one_message_with_a_section_per_kind():
    message = slack_message(notice(ShiftItem("dropped_out", "NRU", LAST_YEAR), ShiftItem("dropped_out", "PLW", LAST_YEAR),
                                   ShiftItem("newly_signed", "GTM", LAST_YEAR)))
    assert message.text == "Positions shifted on the critical statement on Xinjiang (UNGA Third Committee 2027): 2 dropped out, 1 newly signed"
    body = str(message.blocks)
    assert "Positions shifted: critical statement on Xinjiang" in body
    assert "compared with Sweden for 47 countries (20 Oct 2026)" in body
    assert "Dropped out (2): Nauru, Palau" in body and "Newly signed (1): Guatemala" in body


def test_an_incomplete_list_says_less_and_promises_the_comparison():
    partial = view(3, names=("JPN", "GTM"), complete=False)
    text = console_text(notice(ShiftItem("newly_signed", "GTM", LAST_YEAR), statement=partial))
    assert "Named so far: 2 of 45" in text and "full list is published" in text
