"""The history commands, run as the real `stancewatch` command on a SQLite file in a temp directory."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from sqlmodel import select

from stancewatch.baseline import load_baseline
from store.authority import NEWS
from store.clock import utcnow
from store.documents import save_document
from store.engine import make_engine, transaction
from store.tables import Observation, Statement
from tests.e2e.conftest import Workdir, workdir  # noqa: F401  (the fixture)

pytestmark = pytest.mark.timeout(120)

SIGNATURES = sum(len(r.signatories) for r in load_baseline())


@pytest.fixture
def loaded(workdir: Workdir) -> Workdir:  # noqa: F811
    """A working directory whose database has the baseline, loaded by the command under test:
    loading on start is switched off, so that `history import` is what fills it."""
    workdir.configure('[history]\nbaseline = false\n')
    result = workdir.run("history", "import")
    assert result.code == 0, result.err
    assert result.out.strip() == "Baseline: 26 statements (26 new, 0 updated, 0 unchanged)"
    return workdir


def test_a_second_history_import_changes_nothing_and_alerts_nobody(loaded):
    again = loaded.run("history", "import")
    assert again.out.strip() == "Baseline: 26 statements (0 new, 0 updated, 26 unchanged)"
    assert loaded.run("changes", "--json").json() == []


def test_country_reads_north_macedonia_as_in_the_ux_example(loaded):
    result = loaded.run("country", "north macedonia")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "North Macedonia (MKD)"
    assert lines[1].split() == ["Year", "Forum", "Camp", "Statement", "Status"]
    assert re.split(r"\s{2,}", lines[4].strip()) == [
        "2022", "UNGA C3", "critical", "Canada for 50 (31 Oct 2022)", "signed"]
    assert len(lines) == 7


@pytest.mark.parametrize("name", ["Turkey", "Türkiye", "TUR"])
def test_country_accepts_any_name_or_code_of_a_state(loaded, name):
    result = loaded.run("country", name, "--json")
    assert result.code == 0, result.err
    record = result.json()
    assert (record["country"], record["name"]) == ("TUR", "Türkiye")
    assert [(s["date"], s["lead"], s["stated_count"], s["status"]) for s in record["statements"]] == [
        ("2021-10-21", "FRA", 43, "signed"), ("2022-10-31", "CAN", 50, "signed")]
    assert record["camps"] == {"2021": "critical", "2022": "critical"}


def test_country_json_shows_qatar_withdrawn_and_in_no_camp(loaded):
    record = loaded.run("country", "Qatar", "--json").json()
    assert [(s["statement_id"] > 0, s["session"], s["stance"], s["status"]) for s in record["statements"]] == [
        (True, "HRC41", "supportive", "withdrawn")]
    assert record["camps"] == {}


def test_a_country_that_signed_nothing_is_told_so(loaded):
    result = loaded.run("country", "IND")
    assert result.code == 0
    assert result.out.strip() == "India (IND) has signed no joint statement on Xinjiang that stancewatch knows of."


def test_an_unknown_country_exits_2_naming_it(loaded):
    narnia = loaded.run("country", "Narnia")
    assert (narnia.code, narnia.err.strip()) == (2, 'Error: unknown country "Narnia"')
    typo = loaded.run("country", "Norwey")
    assert (typo.code, typo.err.strip()) == (2, 'Error: unknown country "Norwey" (did you mean "Norway"?)')


def test_export_csv_and_json_have_one_row_per_statement_and_signatory(loaded):
    as_csv = list(csv.DictReader(io.StringIO(loaded.run("history", "export", "--format", "csv").out)))
    as_json = loaded.run("history", "export", "--format", "json").json()
    assert len(as_csv) == len(as_json) == SIGNATURES
    qatar = next(r for r in as_csv if r["country"] == "QAT")
    assert (qatar["status"], qatar["date"], qatar["list_complete"]) == ("withdrawn", "2019-07-12", "true")
    assert as_json[0]["baseline_key"] == "2019-hrc41-letter-critical" and as_json[0]["lead"] is None


def test_statement_shows_stated_and_named_apart_and_where_sources_disagree(loaded):
    engine = make_engine(f"sqlite:///{loaded.path / 'stancewatch.db'}")
    with transaction(engine) as session:
        canada = session.exec(select(Statement).where(Statement.baseline_key == "2021-hrc47-can")).one()
        saved = save_document(session=session, url="https://news.example/hrc47", text="Canada for 40 countries",
                              title="Forty countries press China", published_at=dt.datetime(2021, 6, 22, tzinfo=dt.UTC))
        session.add(Observation(statement_id=canada.id, document_id=saved.document.id,
                                document_version_id=saved.version.id, stated_count=40, signatories=["CAN"],
                                authority=NEWS, evidence="Canada for 40 countries", observed_at=utcnow()))
    engine.dispose()
    text = loaded.run("statement", "2021-hrc47-can")
    assert text.code == 0, text.err
    assert text.out.startswith("Critical joint statement on Xinjiang: Canada for 44 countries\n")
    assert "44 stated (Canada included), 34 named (partial list)" in text.out
    assert "Sources disagree:" in text.out and "stated count: 44 (baseline" in text.out and "-> 44 kept" in text.out
    detail = loaded.run("statement", str(canada.id), "--json").json()
    (conflict,) = detail["conflicts"]
    assert [c["value"] for c in conflict["claims"]] == [44, 40] and conflict["winner"]["value"] == 44
    assert (detail["stated_count"], detail["named_count"], len(detail["sources"])) == (44, 34, 2)


def test_statement_lists_withdrawn_countries_apart(loaded):
    detail = loaded.run("statement", "2023-unga78-c3-gbr", "--json").json()
    assert [w["name"] for w in detail["withdrawn"]] == ["Fiji"]
    assert detail["named_count"] == 50 and detail["withdrawn"][0]["quote"].startswith("Baseline record 2023-unga78")


def test_an_unknown_statement_exits_2_with_a_clear_message(loaded):
    result = loaded.run("statement", "9999")
    assert result.code == 2
    assert result.err.strip() == 'Error: no statement "9999"; `stancewatch statements` lists them'


@pytest.mark.parametrize("command", [("history", "import"), ("history", "export"), ("country",), ("statement",)])
def test_every_history_command_has_help(workdir, command):  # noqa: F811
    result = workdir.run(*command, "--help")
    assert result.code == 0 and "--config" in result.out
