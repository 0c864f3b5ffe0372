"""Reading the position history: a country's record, a statement's evidence and conflicts, the export."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session, select

from parsers.countries import un_states
from stancewatch.baseline import load_baseline
from store.authority import NEWS, OFFICIAL
from store.baseline import import_baseline
from store.clock import utcnow
from store.documents import save_document
from store.history import (
    CountryRecord, CountryStatement, StatementNotFound, country_record, export_rows, statement_detail,
)
from store.tables import Observation, Statement

XINJIANG = frozenset({"xinjiang"})


@pytest.fixture
def history(session: Session) -> Session:
    import_baseline(session=session, records=load_baseline())
    return session


def key_id(session: Session, key: str) -> int:
    return session.exec(select(Statement.id).where(Statement.baseline_key == key)).one()


def observe(session: Session, statement_id: int, url: str, *, authority: int, stated_count: int | None,
            complete: bool = False, published: dt.date | None = None, names: tuple[str, ...] = ()) -> None:
    """An observation as the pipeline records one, with the authority it would give the source."""
    at = dt.datetime.combine(published, dt.time(), tzinfo=dt.UTC) if published else None
    saved = save_document(session=session, url=url, text=f"{url} says {stated_count}", title=f"Report at {url}",
                          published_at=at)
    session.add(Observation(statement_id=statement_id, document_id=saved.document.id,
                            document_version_id=saved.version.id, stated_count=stated_count,
                            signatories=list(names), list_complete=complete, authority=authority,
                            evidence="…", observed_at=utcnow()))
    session.flush()


# -- a country's record -------------------------------------------------------------------------


def test_every_un_state_has_a_record_that_agrees_with_the_baseline(history):
    records = load_baseline()
    for code in un_states():
        record = country_record(session=history, code=code)
        expected = sorted((r.date, r.key) for r in records if code in r.signatories)
        assert [(s.date, s.baseline_key) for s in record.statements] == expected, code
        assert record.name and record.code == code
        assert {s.status for s in record.statements} <= {"signed", "withdrawn"}


def test_north_macedonia_reads_as_in_the_ux_example(history):
    record = country_record(session=history, code="mkd", topics=XINJIANG)
    assert record.name == "North Macedonia"
    assert [(s.year, s.forum, s.session, s.lead, s.stated_count, s.status) for s in record.statements] == [
        (2020, "unga_c3", "UNGA75", "DEU", 39, "signed"),
        (2022, "hrc", "HRC50", "NLD", 47, "signed"),
        (2022, "unga_c3", "UNGA77", "CAN", 50, "signed"),
        (2023, "unga_c3", "UNGA78", "GBR", 51, "signed"),
        (2025, "unga_c3", "UNGA80", "USA", 15, "signed"),
    ]
    assert record.camps() == {2020: "critical", 2022: "critical", 2023: "critical", 2025: "critical"}


def test_qatar_withdrew_from_the_2019_letter_and_so_sits_in_no_camp_that_year(history):
    record = country_record(session=history, code="QAT")
    assert [(s.baseline_key, s.status, s.named_count) for s in record.statements] == [
        ("2019-hrc41-letter-supportive", "withdrawn", 49)]
    assert record.camps() == {}


def test_the_hong_kong_statement_is_left_out_when_only_xinjiang_is_asked_for(history):
    everything = country_record(session=history, code="PAK")
    xinjiang = country_record(session=history, code="PAK", topics=XINJIANG)
    assert len(everything.statements) == len(xinjiang.statements) + 1
    assert all(s.topic == "xinjiang" for s in xinjiang.statements)


def test_a_country_that_signed_nothing_has_an_empty_record(history):
    signed = {c for r in load_baseline() for c in r.signatories}
    never = next(c for c in un_states() if c not in signed)
    assert country_record(session=history, code=never).statements == ()


def test_a_year_with_both_camps_is_both():
    def signed(stance: str, year: int) -> CountryStatement:
        return CountryStatement(statement_id=1, baseline_key=None, topic="xinjiang", kind="joint_statement",
                                date=dt.date(year, 10, 1), year=year, forum="unga_c3", session=None, stance=stance,
                                lead=None, stated_count=None, status="signed", named_count=1, list_complete=False)

    record = CountryRecord("SWZ", "Eswatini", (signed("critical", 2026), signed("supportive", 2027),
                                               signed("critical", 2027)))
    assert record.camps() == {2026: "critical", 2027: "both"}


# -- one statement --------------------------------------------------------------------------------


def test_a_statement_shows_its_signatories_with_evidence_and_its_withdrawals(history):
    detail = statement_detail(session=history, statement_id="2019-hrc41-letter-supportive")
    assert (detail.statement.stated_count, detail.named_count) == (50, 49)
    assert [w.country for w in detail.withdrawn] == ["QAT"]
    first = detail.signatories[0]
    assert first.country == "DZA"  # Algeria: by name, not by code
    assert first.document_url == "urn:stancewatch:baseline:2019-hrc41-letter-supportive"
    assert first.document_title.startswith("stancewatch baseline: joint letter of 50")
    assert detail.conflicts == ()


def test_two_sources_disagreeing_on_the_count_is_a_conflict_the_better_source_wins(history):
    canada = key_id(history, "2021-hrc47-can")  # the baseline says 44
    observe(history, canada, "https://news.example/40", authority=NEWS, stated_count=40, published=dt.date(2021, 6, 23))
    detail = statement_detail(session=history, statement_id=canada)
    (conflict,) = detail.conflicts
    assert conflict.field == "stated_count"
    assert [(c.document_url, conflict.value_of(c)) for c in conflict.claims] == [
        ("urn:stancewatch:baseline:2021-hrc47-can", 44), ("https://news.example/40", 40)]
    assert conflict.winner.document_url.startswith("urn:stancewatch:baseline:")


def test_an_official_list_outranks_the_baseline(history):
    canada = key_id(history, "2021-hrc47-can")
    observe(history, canada, "https://www.international.gc.ca/hrc47", authority=OFFICIAL, stated_count=43)
    (conflict,) = statement_detail(session=history, statement_id=canada).conflicts
    assert (conflict.winner.document_url, conflict.value_of(conflict.winner)) == (
        "https://www.international.gc.ca/hrc47", 43)


def test_among_equal_sources_a_complete_list_wins_then_the_larger_count_as_the_store_keeps_it(history):
    france = key_id(history, "2021-unga76-c3-fra")
    observe(history, france, "https://a.example/old", authority=NEWS, stated_count=42, published=dt.date(2021, 10, 21))
    observe(history, france, "https://b.example/new", authority=NEWS, stated_count=41, published=dt.date(2021, 10, 22))
    observe(history, france, "https://c.example/list", authority=NEWS, stated_count=40, complete=True,
            published=dt.date(2021, 10, 20))
    (conflict,) = statement_detail(session=history, statement_id=france).conflicts
    assert [c.document_url for c in conflict.claims] == [
        "urn:stancewatch:baseline:2021-unga76-c3-fra", "https://c.example/list", "https://a.example/old",
        "https://b.example/new"]


def test_among_equal_sources_the_latest_wins_a_disagreement_on_the_date(history):
    france = key_id(history, "2021-unga76-c3-fra")
    for url, day, published in [("https://a.example/old", 20, 21), ("https://b.example/new", 22, 23)]:
        saved = save_document(session=history, url=url, text=url, published_at=dt.datetime(2021, 10, published,
                                                                                              tzinfo=dt.UTC))
        history.add(Observation(statement_id=france, document_id=saved.document.id, document_version_id=saved.version.id,
                                date=dt.date(2021, 10, day), authority=OFFICIAL, evidence="…", observed_at=utcnow()))
    history.flush()
    (conflict,) = statement_detail(session=history, statement_id=france).conflicts
    assert conflict.field == "date"
    assert [(c.document_url, c.date.day) for c in conflict.claims] == [
        ("https://b.example/new", 22), ("https://a.example/old", 20), ("urn:stancewatch:baseline:2021-unga76-c3-fra", 21)]


def test_an_unknown_statement_is_an_error_naming_it(history):
    with pytest.raises(StatementNotFound, match='"9999"'):
        statement_detail(session=history, statement_id=9999)
    with pytest.raises(StatementNotFound, match='"2030-nowhere"'):
        statement_detail(session=history, statement_id="2030-nowhere")


# -- the export -----------------------------------------------------------------------------------


def test_the_export_has_one_row_per_statement_and_signatory(history):
    rows = export_rows(session=history)
    assert len(rows) == sum(len(r.signatories) for r in load_baseline()) == 487
    assert [r.date for r in rows] == sorted(r.date for r in rows)
    qatar = next(r for r in rows if r.country == "QAT")
    assert (qatar.status, qatar.country_name, qatar.baseline_key) == ("withdrawn", "Qatar", "2019-hrc41-letter-supportive")
    assert qatar.evidence_url == "urn:stancewatch:baseline:2019-hrc41-letter-supportive"
