"""Recording extractions: documents, observations, signatures, changes and the outbox."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func
from sqlmodel import Session, select

from parsers.types import Action, ExtractedChange, ExtractedStatement, Extraction, Forum, Stance, StatementRef
from store.changes import detect_changes
from store.documents import save_document
from store.outbox import enqueue_deliveries
from store.specs import SubscriberSpec
from store.statements import record_observations
from store.subscribers import sync_subscribers
from store.tables import Change, Delivery, DocumentVersion, Signature, Statement

XINJIANG = frozenset({"xinjiang"})
DAY = dt.date(2019, 10, 29)


def statement(lead="GBR", stance=Stance.CRITICAL, count=23, names=("GBR", "USA"), complete=False,
              date=DAY, topic="xinjiang") -> ExtractedStatement:
    return ExtractedStatement(
        topic=topic, stance=stance, lead=lead, forum=Forum.UNGA_C3, session=None, date=date,
        stated_count=count, signatories=tuple(names), list_complete=complete,
        evidence=f"{lead} spoke for {count} countries",
    )


def record(session: Session, url: str, text: str, *statements: ExtractedStatement,
           changes: tuple[ExtractedChange, ...] = ()) -> list[Change]:
    saved = save_document(session=session, url=url, text=text)
    if not saved.is_new_version:
        return []
    updates = record_observations(session=session, saved=saved,
                                  extraction=Extraction(tuple(statements), changes), topics=XINJIANG)
    found = detect_changes(session=session, updates=updates)
    enqueue_deliveries(session=session, changes=found)
    return found


def count(session: Session, table) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


def test_the_same_url_with_the_same_text_is_one_document(session):
    first = save_document(session=session, url="http://x/a", text="Some  text\n")
    again = save_document(session=session, url="http://x/a", text="Some text")
    assert again.is_new_version is False and again.version.id == first.version.id


def test_a_changed_text_is_a_new_version_of_the_same_document(session):
    first = save_document(session=session, url="http://x/a", text="one")
    second = save_document(session=session, url="http://x/a", text="two")
    assert second.document.id == first.document.id
    assert (second.is_new_version, second.version.version) == (True, 2)
    assert count(session, DocumentVersion) == 2


def test_two_rival_statements_in_one_story_are_two_new_statements(session):
    found = record(session, "http://x/a", "story",
                   statement(), statement(lead="BLR", stance=Stance.SUPPORTIVE, count=54, names=("BLR", "PAK")))
    assert [c.kind for c in found] == ["new_statement", "new_statement"]
    assert count(session, Statement) == 2


def test_reading_the_same_document_again_changes_nothing(session):
    record(session, "http://x/a", "story", statement())
    assert record(session, "http://x/a", "story", statement()) == []
    assert count(session, Change) == 1


def test_a_second_source_naming_more_backers_adds_them_as_joined(session):
    record(session, "http://x/a", "story", statement(names=("GBR", "USA")))
    found = record(session, "http://gov/b", "full list", statement(names=("GBR", "USA", "DEU", "FRA"), complete=True))
    assert sorted((c.kind, c.country) for c in found) == [("joined", "DEU"), ("joined", "FRA")]
    stored = session.exec(select(Statement)).one()
    assert stored.list_complete is True
    assert count(session, Statement) == 1


def test_a_new_version_of_a_document_with_the_same_facts_changes_nothing(session):
    record(session, "http://x/a", "story v1", statement())
    assert record(session, "http://x/a", "story v2, typo fixed", statement()) == []


def test_a_rising_count_is_a_count_change_and_a_lower_one_is_kept_apart(session):
    record(session, "http://x/a", "story", statement(count=37, names=("PAK",), lead="PAK", stance=Stance.SUPPORTIVE))
    grown = record(session, "http://x/b", "grown", statement(count=50, names=("PAK",), lead="PAK", stance=Stance.SUPPORTIVE))
    assert [(c.kind, c.previous_count, c.new_count) for c in grown] == [("count_changed", 37, 50)]
    assert record(session, "http://x/c", "older", statement(count=44, names=("PAK",), lead="PAK", stance=Stance.SUPPORTIVE)) == []
    assert session.exec(select(Statement)).one().stated_count == 50


def test_a_withdrawal_marks_the_signature_and_is_a_change(session):
    record(session, "http://x/a", "letter", statement(lead="PAK", stance=Stance.SUPPORTIVE, names=("PAK", "QAT")))
    withdrawal = ExtractedChange(country="QAT", action=Action.WITHDREW,
                                 statement=StatementRef(topic="xinjiang", stance=Stance.SUPPORTIVE, lead="PAK"),
                                 evidence="Qatar has withdrawn its signature")
    found = record(session, "http://x/b", "qatar", changes=(withdrawal,))
    assert [(c.kind, c.country) for c in found] == [("withdrew", "QAT")]
    assert session.exec(select(Signature).where(Signature.country == "QAT")).one().status == "withdrawn"


def test_a_later_list_still_carrying_a_withdrawn_name_does_not_bring_it_back(session):
    record(session, "http://x/a", "letter", statement(lead="PAK", stance=Stance.SUPPORTIVE, names=("PAK", "QAT")))
    withdrawal = ExtractedChange(country="QAT", action=Action.WITHDREW,
                                 statement=StatementRef(topic="xinjiang", stance=Stance.SUPPORTIVE, lead="PAK"),
                                 evidence="Qatar has withdrawn its signature")
    record(session, "http://x/b", "qatar", changes=(withdrawal,))
    assert record(session, "http://x/c", "old list", statement(lead="PAK", stance=Stance.SUPPORTIVE, names=("PAK", "QAT"))) == []


def test_statements_on_untracked_topics_are_not_recorded(session):
    assert record(session, "http://x/a", "myanmar", statement(topic="myanmar", stance=Stance.UNKNOWN)) == []
    assert count(session, Statement) == 0


def test_each_change_is_queued_once_per_subscriber_and_channel(session):
    sync_subscribers(session=session, specs=[SubscriberSpec(name="desk", slack_channel="#x", console=True),
                                             SubscriberSpec(name="other", slack_channel="#y")])
    record(session, "http://x/a", "story", statement())
    rows = session.exec(select(Delivery)).all()
    assert sorted((r.subscriber_id, r.channel) for r in rows) == [(1, "console"), (1, "slack"), (2, "slack")]
    record(session, "http://x/a", "story", statement())
    assert count(session, Delivery) == 3


def shift_kinds(changes):
    return sorted((c.kind, c.country) for c in changes if c.kind in ("newly_signed", "dropped_out", "switched_camp"))


def test_a_new_complete_list_is_compared_with_last_years_complete_list(session):
    record(session, "http://gov/2026", "2026", statement(lead="SWE", count=3, names=("SWE", "NRU", "PLW"), complete=True,
                                                          date=dt.date(2026, 10, 20)))
    found = record(session, "http://gov/2027", "2027", statement(lead="JPN", count=3, names=("JPN", "SWE", "GTM"),
                                                                 complete=True, date=dt.date(2027, 10, 19)))
    assert shift_kinds(found) == [("dropped_out", "NRU"), ("dropped_out", "PLW"), ("newly_signed", "GTM"),
                                  ("newly_signed", "JPN")]
    assert all(c.previous_statement_id == 1 for c in found if c.kind != "new_statement")


def test_a_partial_list_waits_for_the_full_one_before_anyone_drops_out(session):
    record(session, "http://gov/2026", "2026", statement(lead="SWE", count=3, names=("SWE", "NRU", "PLW"), complete=True,
                                                          date=dt.date(2026, 10, 20)))
    partial = record(session, "http://news/2027", "news", statement(lead="JPN", count=3, names=("JPN", "SWE"),
                                                                    date=dt.date(2027, 10, 19)))
    assert shift_kinds(partial) == [("newly_signed", "JPN")]
    full = record(session, "http://gov/2027", "full", statement(lead="JPN", count=3, names=("JPN", "SWE", "NRU"),
                                                                complete=True, date=dt.date(2027, 10, 19)))
    assert shift_kinds(full) == [("dropped_out", "PLW")]
    again = record(session, "http://gov/2027b", "mirror", statement(lead="JPN", count=3, names=("JPN", "SWE", "NRU"),
                                                                     complete=True, date=dt.date(2027, 10, 19)))
    assert again == []


def test_the_official_list_wins_over_a_news_story_and_each_keeps_its_figure(session):
    from store.tables import Observation

    record(session, "https://news.example.com/story", "news", statement(lead="GBR", count=52, names=("GBR",),
                                                                        date=dt.date(2023, 10, 18)))
    found = record(session, "https://www.gov.uk/statement", "official",
                   statement(lead="GBR", count=51, names=("GBR", "USA"), complete=True, date=dt.date(2023, 10, 18)))
    assert ("count_changed", 52, 51) in [(c.kind, c.previous_count, c.new_count) for c in found]
    assert session.exec(select(Statement)).one().stated_count == 51
    figures = sorted((o.authority, o.stated_count) for o in session.exec(select(Observation)).all())
    assert figures == [(10, 52), (30, 51)]
    later_news = record(session, "https://other.example.com/x", "more news",
                        statement(lead="GBR", count=53, names=("GBR",), date=dt.date(2023, 10, 18)))
    assert later_news == [] and session.exec(select(Statement)).one().stated_count == 51
