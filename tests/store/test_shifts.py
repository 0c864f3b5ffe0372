"""Shifts between a camp's successive statements, decided from what the data supports."""
from __future__ import annotations

import datetime as dt

from store.shifts import CampStatement, compare, latest_before, shifts_of, successors


def camp(id, stance="critical", day=(2026, 10, 20), signed=(), complete=True, forum="unga_c3", topic="xinjiang"):
    date = dt.date(*day) if day else None
    return CampStatement(id=id, topic=topic, stance=stance, forum=forum, date=date, year=date.year if date else None,
                         signed=frozenset(signed), list_complete=complete)


def kinds(shifts):
    return sorted((s.kind, s.country, s.previous_statement_id) for s in shifts)


def test_complete_lists_give_newly_signed_and_dropped_out():
    before = camp(1, day=(2026, 10, 20), signed={"SWE", "NRU", "PLW", "JPN"})
    now = camp(2, day=(2027, 10, 19), signed={"SWE", "JPN", "GTM"})
    assert kinds(compare(now, before, None)) == [
        ("dropped_out", "NRU", 1), ("dropped_out", "PLW", 1), ("newly_signed", "GTM", 1)]


def test_an_incomplete_new_list_says_nobody_dropped_out():
    before = camp(1, day=(2026, 10, 20), signed={"SWE", "NRU"})
    now = camp(2, day=(2027, 10, 19), signed={"SWE", "GTM"}, complete=False)
    assert kinds(compare(now, before, None)) == [("newly_signed", "GTM", 1)]


def test_an_incomplete_previous_list_says_nobody_newly_signed():
    before = camp(1, day=(2026, 10, 20), signed={"SWE"}, complete=False)
    now = camp(2, day=(2027, 10, 19), signed={"SWE", "GTM"})
    assert [s.kind for s in compare(now, before, None)] == []


def test_a_country_on_the_other_camps_last_statement_switched_camp_and_is_not_also_newly_signed():
    critical_2026 = camp(1, day=(2026, 10, 20), signed={"SWZ", "SWE"})
    supportive_2026 = camp(2, "supportive", day=(2026, 10, 20), signed={"VEN", "CUB"})
    supportive_2027 = camp(3, "supportive", day=(2027, 10, 19), signed={"VEN", "CUB", "SWZ"})
    found = shifts_of([critical_2026, supportive_2026, supportive_2027], supportive_2027)
    assert kinds(found) == [("switched_camp", "SWZ", 1)]


def test_a_rival_delivered_the_same_day_is_not_a_predecessor():
    critical_2027 = camp(1, day=(2027, 10, 19), signed={"SWZ"})
    supportive_2027 = camp(2, "supportive", day=(2027, 10, 19), signed={"SWZ"})
    assert latest_before([critical_2027, supportive_2027], supportive_2027, "critical") is None


def test_the_answer_does_not_depend_on_arrival_order():
    a = camp(1, day=(2025, 10, 1), signed={"SWE", "NRU"})
    b = camp(2, day=(2026, 10, 1), signed={"SWE"})
    c = camp(3, day=(2027, 10, 1), signed={"SWE", "NRU"})
    assert kinds(shifts_of([c, b, a], c)) == kinds(shifts_of([a, b, c], c)) == [("newly_signed", "NRU", 2)]


def test_statements_in_another_forum_are_compared_only_across_forums_on_request():
    hrc = camp(1, day=(2027, 6, 1), signed={"SWE", "NRU"}, forum="hrc")
    c3 = camp(2, day=(2027, 10, 1), signed={"SWE"})
    assert shifts_of([hrc, c3], c3) == []
    assert kinds(shifts_of([hrc, c3], c3, across_forums=True)) == [("dropped_out", "NRU", 1)]


def test_a_late_arriving_older_statement_names_the_next_ones_to_recompute():
    old = camp(1, day=(2026, 10, 1))
    later_same = camp(2, day=(2027, 10, 1))
    later_rival = camp(3, "supportive", day=(2027, 10, 2))
    much_later = camp(4, day=(2028, 10, 1))
    assert [s.id for s in successors([old, later_same, later_rival, much_later], old)] == [2, 3]
