from __future__ import annotations

import datetime as dt

import pytest

from store.reconcile import StatementFacts, best_match, can_found_statement, session_year


def facts(id=None, lead=None, forum="unga_c3", year=2019, date=None, count=None, names=()) -> StatementFacts:
    return StatementFacts(id=id, lead=lead, forum=forum, year=year, date=date, stated_count=count,
                          signatories=frozenset(names))


@pytest.mark.parametrize(("session", "year"), [
    ("UNGA74", 2019), ("UNGA 78", 2023), ("HRC41", 2019), ("HRC44", 2020), ("HRC46", 2021),
    ("HRC47", 2021), ("HRC50", 2022), ("HRC51", 2022), ("HRC 52", 2023), (None, None), ("COP28", None),
])
def test_a_session_is_placed_in_the_year_its_statements_are_made(session, year):
    assert session_year(session) == year


def test_the_same_lead_in_the_same_year_is_the_same_statement():
    known = [facts(1, lead="GBR", count=23), facts(2, lead="GBR", year=2023, count=51)]
    assert best_match(known, facts(lead="GBR", count=23, names=["USA"])) == 1


def test_a_different_lead_is_never_the_same_statement_even_with_the_same_names():
    known = [facts(1, lead="GBR", names=["USA", "DEU", "FRA", "JPN"])]
    assert best_match(known, facts(lead="CAN", names=["USA", "DEU", "FRA", "JPN"])) is None


def test_strongly_overlapping_names_in_the_same_year_match_without_a_lead():
    known = [facts(1, lead="GBR", names=["GBR", "USA", "DEU", "FRA", "JPN", "CAN"])]
    assert best_match(known, facts(names=["USA", "DEU", "FRA", "JPN"])) == 1


def test_a_statement_of_another_year_does_not_match_on_overlap():
    known = [facts(1, lead="GBR", year=2022, names=["USA", "DEU", "FRA", "JPN"])]
    assert best_match(known, facts(year=2023, names=["USA", "DEU", "FRA", "JPN"])) is None


def test_dates_a_day_apart_are_one_statement_but_weeks_apart_are_two():
    known = [facts(1, date=dt.date(2019, 10, 29), count=23)]
    assert best_match(known, facts(date=dt.date(2019, 10, 30), count=23)) == 1
    assert best_match(known, facts(date=dt.date(2019, 12, 2), count=23)) is None


def test_a_tie_between_two_statements_is_no_match():
    known = [facts(1, lead=None, forum="hrc"), facts(2, lead=None, forum="hrc")]
    assert best_match(known, facts(forum="hrc")) is None


def test_an_undated_mention_cannot_found_a_statement():
    assert not can_found_statement(facts(lead="GBR", year=None, count=23))
    assert can_found_statement(facts(lead="GBR", year=2019))
    assert not can_found_statement(facts(year=2019, names=["USA"]))
