"""The shipped baseline: the packaged file, and importing it as history without alerting anyone."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from importlib import resources

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from parsers.countries import un_states
from parsers.types import Action, ExtractedChange, Extraction, ExtractedStatement, Forum, Stance, StatementRef
from stancewatch.baseline import BaselineError, load_baseline, parse_baseline
from store.authority import BASELINE
from store.baseline import BaselineImport, import_baseline
from store.documents import save_document
from store.statements import record_observations
from store.tables import Change, Delivery, Document, DocumentVersion, Observation, Signature, Statement


def count(session: Session, table) -> int:
    return session.exec(select(func.count()).select_from(table)).one()


def by_key(session: Session, key: str) -> Statement:
    return session.exec(select(Statement).where(Statement.baseline_key == key)).one()


def signatures(session: Session, statement: Statement) -> dict[str, Signature]:
    rows = session.exec(select(Signature).where(Signature.statement_id == statement.id)).all()
    return {row.country: row for row in rows}


def raw_file() -> dict:
    return json.loads(resources.files("stancewatch").joinpath("data/baseline.json").read_text(encoding="utf-8"))


# -- the packaged file ------------------------------------------------------------------------


def test_the_baseline_has_26_statements_and_leaves_the_vote_out():
    records = load_baseline()
    assert len(records) == 26
    assert all(r.kind in ("joint_statement", "joint_letter") for r in records)
    assert "2022-hrc51-vote-debate" not in {r.key for r in records}
    assert "vote" in raw_file()["_about"]


def test_the_hong_kong_statement_is_kept_for_context():
    (hong_kong,) = [r for r in load_baseline() if r.topic != "xinjiang"]
    assert (hong_kong.key, hong_kong.topic, hong_kong.stated_count) == ("2020-unga75-c3-pak-hk", "hong_kong", 55)


def test_sessions_are_normalised_and_every_code_is_a_un_state():
    states = set(un_states())
    for record in load_baseline():
        assert record.session.startswith(("UNGA", "HRC")) and " " not in record.session
        assert set(record.signatories) <= states


def test_the_reference_caveats_ship_as_uncertain_notes():
    records = {r.key: r for r in load_baseline()}
    assert len(records["2019-hrc41-letter-supportive"].uncertain) == 3
    assert "first 34 names" in records["2021-hrc47-can"].uncertain[0]


def test_the_qatar_withdrawal_is_read_with_its_date():
    letter = next(r for r in load_baseline() if r.key == "2019-hrc41-letter-supportive")
    (qatar,) = letter.withdrawals
    assert (qatar.country, qatar.date) == ("QAT", dt.date(2019, 7, 18))


@pytest.mark.parametrize("field, value, message", [
    ("signatories", ["GBR", "XXK"], "not UN states"),
    ("date", "2019-02-30", "day is out of range"),
    ("session", "UNGA 74", "not like UNGA74"),
    ("kind", "vote", "votes are not statements"),
])
def test_a_malformed_record_is_refused_naming_it(field, value, message):
    data = raw_file()
    entry = next(e for e in data["statements"] if e["id"] == "2019-unga74-c3-gbr")
    entry[field] = value
    with pytest.raises(BaselineError, match=f"2019-unga74-c3-gbr.*{message}"):
        parse_baseline(data)


# -- importing --------------------------------------------------------------------------------


def test_a_second_import_changes_nothing_and_nobody_is_alerted(session):
    first = import_baseline(session=session, records=load_baseline())
    rows = {t: count(session, t) for t in (Statement, Signature, Document, DocumentVersion, Observation)}
    second = import_baseline(session=session, records=load_baseline())
    assert first == BaselineImport(created=26, updated=0, unchanged=0)
    assert second == BaselineImport(created=0, updated=0, unchanged=26)
    assert {t: count(session, t) for t in rows} == rows
    assert count(session, Change) == 0 and count(session, Delivery) == 0


def test_the_qatar_2019_withdrawal_is_a_withdrawn_signature(session):
    import_baseline(session=session, records=load_baseline())
    letter = by_key(session, "2019-hrc41-letter-supportive")
    signed = signatures(session, letter)
    assert signed["QAT"].status == "withdrawn" and "withdrew on 2019-07-18" in signed["QAT"].quote
    assert sum(s.status == "signed" for s in signed.values()) == 49 and letter.stated_count == 50


def test_each_statement_carries_its_baseline_document_as_evidence(session):
    import_baseline(session=session, records=load_baseline())
    uk = by_key(session, "2019-unga74-c3-gbr")
    assert (uk.origin, uk.year, uk.session, uk.lead, uk.stated_count, uk.list_complete) == (
        "baseline", 2019, "UNGA74", "GBR", 23, True)
    document = session.exec(select(Document).where(Document.url == "urn:stancewatch:baseline:2019-unga74-c3-gbr")).one()
    assert document.title == "stancewatch baseline: United Kingdom for 23, UNGA Third Committee, 29 Oct 2019"
    assert document.published_at.date() == dt.date(2019, 10, 29)
    (observation,) = session.exec(select(Observation).where(Observation.statement_id == uk.id)).all()
    assert observation.authority == BASELINE and len(observation.signatories) == 23
    assert observation.evidence.startswith("UK FCO, 'UN Joint Statement on Xinjiang'") and "; https://" in observation.evidence
    assert signatures(session, uk)["FRA"].quote.startswith("Baseline record 2019-unga74-c3-gbr: UK FCO")
    assert signatures(session, uk)["FRA"].document_id == document.id


def test_a_corrected_record_updates_its_row_and_only_its_row(session):
    records = load_baseline()
    import_baseline(session=session, records=records)
    corrected = [
        dataclasses.replace(r, stated_count=24, signatories=tuple(c for c in r.signatories if c != "ALB"))
        if r.key == "2019-unga74-c3-gbr" else r
        for r in records
    ]
    result = import_baseline(session=session, records=corrected)
    uk = by_key(session, "2019-unga74-c3-gbr")
    assert result == BaselineImport(created=0, updated=1, unchanged=25)
    assert uk.stated_count == 24 and "ALB" not in signatures(session, uk)
    (observation,) = session.exec(select(Observation).where(Observation.statement_id == uk.id)).all()
    assert observation.stated_count == 24 and len(observation.signatories) == 22
    assert count(session, Change) == 0


def test_a_statement_already_read_from_the_news_takes_the_baseline_key_instead_of_a_twin(session):
    saved = save_document(session=session, url="https://news.example/uk-23", text="UK for 23")
    news = ExtractedStatement(
        topic="xinjiang", stance=Stance.CRITICAL, lead="GBR", forum=Forum.UNGA_C3, session=None,
        date=dt.date(2019, 10, 29), stated_count=23, signatories=("GBR", "USA", "FRA"), list_complete=False,
        evidence="Britain's ambassador read out a statement, backed by 23 countries",
    )
    (update,) = record_observations(session=session, saved=saved, extraction=Extraction((news,), ()),
                                    topics=frozenset({"xinjiang"}))
    import_baseline(session=session, records=load_baseline())
    uk = by_key(session, "2019-unga74-c3-gbr")
    assert uk.id == update.statement.id and uk.origin == "extracted"
    assert count(session, Statement) == 26
    signed = signatures(session, uk)
    assert len(signed) == 23 and signed["USA"].document_id == saved.document.id  # first evidence kept
    assert uk.list_complete is True
    assert count(session, Observation) == 27


# -- loading again on every start keeps what the pipeline learnt since -----------------------------


def record_news(session: Session, url: str, *statements: ExtractedStatement, changes=()) -> None:
    saved = save_document(session=session, url=url, text=url)
    record_observations(session=session, saved=saved, extraction=Extraction(tuple(statements), tuple(changes)),
                        topics=frozenset({"xinjiang"}))


def test_an_official_count_read_later_survives_the_next_start(session):
    import_baseline(session=session, records=load_baseline())
    official = ExtractedStatement(
        topic="xinjiang", stance=Stance.CRITICAL, lead="CAN", forum=Forum.HRC, session="HRC47",
        date=dt.date(2021, 6, 22), stated_count=43, signatories=("CAN",), list_complete=False,
        evidence="Canada, on behalf of 43 countries",
    )
    record_news(session, "https://www.international.gc.ca/hrc47-joint-statement", official)
    assert by_key(session, "2021-hrc47-can").stated_count == 43  # the official figure beats the baseline's 44
    again = import_baseline(session=session, records=load_baseline())
    assert again == BaselineImport(created=0, updated=0, unchanged=26)
    assert by_key(session, "2021-hrc47-can").stated_count == 43


def test_a_withdrawal_read_in_the_news_survives_the_next_start(session):
    import_baseline(session=session, records=load_baseline())
    ref = StatementRef(topic="xinjiang", stance=Stance.CRITICAL, lead="USA", forum=Forum.UNGA_C3,
                       date=dt.date(2025, 11, 21))
    record_news(session, "https://news.example/albania-withdraws",
                changes=[ExtractedChange("ALB", Action.WITHDREW, ref, "Albania withdrew its signature")])
    statement = by_key(session, "2025-unga80-c3-usa")
    assert signatures(session, statement)["ALB"].status == "withdrawn"
    assert import_baseline(session=session, records=load_baseline()).updated == 0
    assert signatures(session, statement)["ALB"].status == "withdrawn"
