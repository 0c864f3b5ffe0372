"""Issue 5 end to end: with the shipped history loaded, fabricated future statements fed through
the real pipeline produce exactly the shifts the lists support, and nothing twice."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import DATA, config, rss

pytestmark = pytest.mark.timeout(180)

DOCS = {
    "critical-2026": "2026-critical-japan-16.html",
    "supportive-2026": "2026-supportive-venezuela-7.html",
    "critical-2027-news": "2027-critical-japan-15-news.html",
    "supportive-2027": "2027-supportive-venezuela-8.html",
    "critical-2027-full": "2027-critical-japan-15-full.html",
}


def publish(web, *names: str) -> None:  # noqa: ANN001
    for name in names:
        web.route(f"/{name}", (DATA / DOCS[name.removesuffix("-mirror")]).read_bytes(),
                  content_type="text/html; charset=utf-8")
    items = [(f"Joint statement on Xinjiang ({n})", web.url(f"/{n}"), "Joint statement on Xinjiang at the UN")
             for n in names]
    web.route("/feed.xml", rss(*items), content_type="application/rss+xml")


def shifts(changes: list[dict]) -> list[tuple[str, str]]:
    return sorted((c["kind"], c["country"]) for c in changes if c["kind"] in ("newly_signed", "dropped_out", "switched_camp"))


@pytest.fixture
def history(workdir, web, slack):  # noqa: ANN001, ANN201
    workdir.configure(config({"Ministries": web.url("/feed.xml")}, slack, baseline=True))
    return workdir


def test_loading_the_history_alerts_nobody(history, slack):
    assert history.run("run", "--once").code == 0
    assert len(history.run("statements", "--json").json()) >= 26
    assert history.run("changes", "--json").json() == []
    assert slack.messages == []


def test_new_statements_are_compared_with_the_record_and_only_supported_claims_are_made(history, web, slack):
    publish(web, "critical-2026", "supportive-2026")
    assert history.run("run", "--once").code == 0
    first = history.run("changes", "--json").json()
    # Japan 2026 (complete) against the United States' complete 2025 list; Venezuela 2026 against
    # Pakistan's 2024 list, which names only two countries: nobody "newly signed" against it.
    assert shifts(first) == [("dropped_out", "PLW"), ("newly_signed", "GTM"), ("newly_signed", "SWZ")]
    assert all(c["previous_statement_id"] for c in first if c["kind"] != "new_statement")
    assert len(slack.messages) == 3
    shifted = next(m for m in slack.messages if m.text.startswith("Positions shifted"))
    assert "Dropped out (1): Palau" in str(shifted.blocks) and "Newly signed (2)" in str(shifted.blocks)

    publish(web, "critical-2026", "supportive-2026", "critical-2027-news", "supportive-2027")
    assert history.run("run", "--once").code == 0
    second = history.run("changes", "--json").json()[len(first):]
    # Eswatini signed the critical statement in 2026 and the supportive one in 2027; Japan's 2027
    # list is still partial, so nobody has dropped out of it yet.
    assert shifts(second) == [("switched_camp", "SWZ")]
    switched = next(m for m in slack.messages if "last year it signed the critical one" in m.text)
    assert switched.text == "Eswatini signed the supportive statement on Xinjiang; last year it signed the critical one"

    publish(web, "critical-2026", "supportive-2026", "critical-2027-news", "supportive-2027", "critical-2027-full")
    assert history.run("run", "--once").code == 0
    third = history.run("changes", "--json").json()[len(first) + len(second):]
    assert shifts(third) == [("dropped_out", "GTM"), ("dropped_out", "SWZ"), ("newly_signed", "DNK")]
    statements = history.run("statements", "--json").json()
    assert len([s for s in statements if s["date"] == "2027-10-19" and s["stance"] == "critical"]) == 1

    sent = len(slack.messages)
    publish(web, "critical-2026", "supportive-2026", "critical-2027-news", "supportive-2027", "critical-2027-full",
            "critical-2027-full-mirror")
    assert history.run("run", "--once").code == 0
    assert history.run("changes", "--json").json()[len(first) + len(second) + len(third):] == []
    assert len(slack.messages) == sent


def test_the_shifts_command_answers_from_the_history_alone(history):
    history.run("run", "--once")
    rows = history.run("shifts", "--since", "2022", "--json").json()
    assert rows and all(r["year"] >= 2022 for r in rows)
    assert {r["kind"] for r in rows} <= {"newly_signed", "dropped_out", "switched_camp"}
