"""`stancewatch run --once` as a user runs it: a feed item in, Slack alerts out, exactly once."""
from __future__ import annotations

import sqlite3

import pytest

from tests.e2e.conftest import DATA, config, rss

pytestmark = pytest.mark.timeout(120)

ARTICLE = (DATA / "rival-statements-2019.html").read_bytes()
STORY = ("Britain leads 23-nation rebuke of China over Xinjiang at UN", "/world/xinjiang-un",
         "Twenty-three countries criticised China's treatment of Uighurs; 54 countries backed Beijing.")


def serve_story(web, link="/world/xinjiang-un"):  # noqa: ANN001, ANN201
    web.route("/feed.xml", rss((STORY[0], web.url(link), STORY[2])), content_type="application/rss+xml",
              headers={"ETag": '"v1"', "Last-Modified": "Wed, 30 Oct 2019 09:00:00 GMT"})
    web.route(link, ARTICLE, content_type="text/html; charset=utf-8")


def sources_of(workdir):  # noqa: ANN001, ANN201
    with sqlite3.connect(workdir.path / "stancewatch.db") as db:
        return {row[0]: row[1:] for row in db.execute("select name, failure_count, last_error from sources")}


def test_a_story_about_rival_statements_posts_both_to_slack_with_counts_leads_and_backers(workdir, web, slack):
    serve_story(web)
    workdir.configure(config({"World Desk": web.url("/feed.xml")}, slack))
    result = workdir.run("run", "--once")
    assert result.code == 0, result.err
    texts = sorted(m.text for m in slack.messages)
    assert texts == [
        "New critical joint statement on Xinjiang: United Kingdom for 23 countries (UNGA Third Committee, 29 Oct 2019)",
        "New supportive joint statement on Xinjiang: Belarus for 54 countries (UNGA Third Committee, 29 Oct 2019)",
    ]
    critical = next(m for m in slack.messages if "critical" in m.text)
    blocks = str(critical.blocks)
    named = next(b["text"]["text"] for b in critical.blocks if "Named so far" in str(b))
    assert named.startswith("Named so far (7 of 23)")
    for name in ("United Kingdom", "United States", "Germany", "France", "Canada", "Japan", "New Zealand"):
        assert name in named
    assert "Saudi Arabia" not in named and "China" not in named
    assert all(m.channel == "#xinjiang-watch" for m in slack.messages)
    assert web.url("/world/xinjiang-un").rsplit("/", 1)[0] in blocks  # the link to the source


def test_a_second_run_posts_nothing_and_asks_the_feed_conditionally(workdir, web, slack):
    serve_story(web)
    workdir.configure(config({"World Desk": web.url("/feed.xml")}, slack))
    assert workdir.run("run", "--once").code == 0
    assert workdir.run("run", "--once").code == 0
    assert len(slack.messages) == 2
    feed_requests = [r for r in web.requests if r.path == "/feed.xml"]
    assert len(feed_requests) == 2
    assert feed_requests[1].headers.get("If-None-Match") == '"v1"'
    assert feed_requests[1].headers.get("If-Modified-Since") == "Wed, 30 Oct 2019 09:00:00 GMT"
    assert len([r for r in web.requests if r.path == "/world/xinjiang-un"]) == 1


def test_statements_and_changes_list_what_the_run_found(workdir, web, slack):
    serve_story(web)
    workdir.configure(config({"World Desk": web.url("/feed.xml")}, slack))
    workdir.run("run", "--once")
    table = workdir.run("statements")
    assert table.code == 0 and "United Kingdom" in table.out and "Belarus" in table.out
    statements = workdir.run("statements", "--json").json()
    assert sorted((s["lead"], s["stance"], s["stated_count"], s["forum"], s["date"]) for s in statements) == [
        ("BLR", "supportive", 54, "unga_c3", "2019-10-29"), ("GBR", "critical", 23, "unga_c3", "2019-10-29")]
    british = next(s for s in statements if s["lead"] == "GBR")
    assert set(british["signatories"]) == {"GBR", "USA", "DEU", "FRA", "CAN", "JPN", "NZL"}
    assert british["list_complete"] is False and british["topic"] == "xinjiang"
    changes = workdir.run("changes", "--json").json()
    assert [c["kind"] for c in changes] == ["new_statement", "new_statement"]
    assert {c["statement_id"] for c in changes} == {s["id"] for s in statements}
    assert all(c["document_url"].endswith("/world/2019/10/30/xinjiang-un-rival-statements") for c in changes)
    assert all(c["country"] is None and c["detected_at"].endswith("Z") for c in changes)
    assert workdir.run("changes", "--since", "2999-01-01", "--json").json() == []


def test_slack_rate_limiting_once_still_delivers_each_alert_exactly_once(workdir, web, slack):
    serve_story(web)
    workdir.configure(config({"World Desk": web.url("/feed.xml")}, slack))
    slack.fail_next("ratelimited", retry_after=1)
    assert workdir.run("run", "--once").code == 0
    assert workdir.run("run", "--once").code == 0
    assert len(slack.messages) == 2
    assert len({m.text for m in slack.messages}) == 2


def test_a_slack_outage_leaves_alerts_pending_until_the_next_cycle(workdir, web, slack):
    serve_story(web)
    workdir.configure(config({"World Desk": web.url("/feed.xml")}, slack))
    slack.fail_next(status=500)
    assert workdir.run("run", "--once").code == 0
    assert slack.messages == []
    with sqlite3.connect(workdir.path / "stancewatch.db") as db:
        rows = db.execute("select status, attempts, last_error from deliveries order by id").fetchall()
    # The first failure pauses Slack for the rest of the pass: the second alert is not even tried.
    assert [status for status, _, _ in rows] == ["pending", "pending"]
    assert rows[0][1] == 1 and "500" in rows[0][2]
    assert workdir.run("run", "--once").code == 0
    assert len(slack.messages) == 2
    assert workdir.run("run", "--once").code == 0
    assert len(slack.messages) == 2


def test_a_feed_server_that_is_down_is_recorded_and_the_cycle_goes_on(workdir, web, slack):
    serve_story(web)
    workdir.configure(config({"Dead": "http://127.0.0.1:9/feed.xml", "World Desk": web.url("/feed.xml")}, slack))
    result = workdir.run("run", "--once")
    assert result.code == 0
    failures, error = sources_of(workdir)["Dead"]
    assert failures == 1 and "127.0.0.1:9" in error
    assert len(slack.messages) == 2


def test_an_http_500_and_malformed_xml_are_recorded_on_their_sources(workdir, web, slack):
    web.route("/broken.xml", "oops", status=500)
    web.route("/garbage.xml", "<rss><channel><item><title>unclosed", content_type="application/rss+xml")
    workdir.configure(config({"Broken": web.url("/broken.xml"), "Garbage": web.url("/garbage.xml")}, slack))
    assert workdir.run("run", "--once").code == 0
    sources = sources_of(workdir)
    assert sources["Broken"][0] == 1 and "500" in sources["Broken"][1]
    assert sources["Garbage"][0] == 1 and sources["Garbage"][1]
    assert slack.messages == []


def test_a_windows_1252_page_without_a_charset_is_read_correctly(workdir, web, slack):
    web.route("/feed.xml", rss(("Canada and 49 others rebuke China over Xinjiang", web.url("/canada"),
                                "Joint statement at the Third Committee")), content_type="application/rss+xml")
    web.route("/canada", (DATA / "canada-50-2022-cp1252.html").read_bytes(), content_type="text/html")
    workdir.configure(config({"Wire": web.url("/feed.xml")}, slack))
    assert workdir.run("run", "--once").code == 0
    statements = workdir.run("statements", "--json").json()
    canada = next(s for s in statements if s["lead"] == "CAN")
    assert canada["stated_count"] == 50 and {"TUR", "CZE", "GTM", "LTU"} <= set(canada["signatories"])
    assert any("Türkiye" in str(m.blocks) for m in slack.messages)


def test_an_article_that_fails_to_download_is_tried_again_next_cycle(workdir, web, slack):
    web.route("/feed.xml", rss((STORY[0], web.url("/world/xinjiang-un"), STORY[2])), content_type="application/rss+xml")
    web.route("/world/xinjiang-un", "busy", status=503)
    workdir.configure(config({"World Desk": web.url("/feed.xml")}, slack))
    assert workdir.run("run", "--once").code == 0
    assert slack.messages == []
    web.route("/world/xinjiang-un", ARTICLE, content_type="text/html; charset=utf-8")
    assert workdir.run("run", "--once").code == 0
    assert len(slack.messages) == 2


def test_without_slack_alerts_are_printed_on_the_console(workdir, web):
    serve_story(web)
    del workdir.env["STANCEWATCH_SLACK_TOKEN"]
    workdir.configure(config({"World Desk": web.url("/feed.xml")}, None))
    result = workdir.run("run", "--once")
    assert result.code == 0
    assert "United Kingdom for 23 countries" in result.out and "Belarus for 54 countries" in result.out
    assert workdir.run("run", "--once").out.strip() == ""


def test_a_crash_mid_cycle_loses_nothing_and_sends_nothing_twice(workdir, web, slack):
    import signal
    import subprocess
    import sys
    import time

    web.route("/feed.xml", rss((STORY[0], web.url("/world/xinjiang-un"), STORY[2]),
                               ("Canada and 49 others rebuke China over Xinjiang", web.url("/canada"), "Third Committee")),
              content_type="application/rss+xml", headers={"ETag": '"v1"'})
    web.route("/world/xinjiang-un", ARTICLE, content_type="text/html; charset=utf-8")
    web.route("/canada", (DATA / "canada-50-2022-cp1252.html").read_bytes(), content_type="text/html", hang=30)
    workdir.configure(config({"World Desk": web.url("/feed.xml")}, slack).replace("total_timeout = 5", "total_timeout = 60")
                      .replace("read_timeout = 3", "read_timeout = 60"))
    process = subprocess.Popen([sys.executable, "-m", "stancewatch", "run", "--once"], cwd=workdir.path, env=workdir.env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not any(r.path == "/canada" for r in web.requests) and time.monotonic() < deadline:
        time.sleep(0.1)
    process.send_signal(signal.SIGKILL)  # mid-cycle: the first article is stored, the second mid-download
    process.wait(10)
    assert slack.messages == []
    web.route("/canada", (DATA / "canada-50-2022-cp1252.html").read_bytes(), content_type="text/html")
    assert workdir.run("run", "--once").code == 0
    assert workdir.run("run", "--once").code == 0
    texts = [m.text for m in slack.messages]
    assert len(texts) == 4 and len(set(texts)) == 4
    assert len([r for r in web.requests if r.path == "/world/xinjiang-un"]) == 1


POSTGRES_URL = __import__("os").environ.get("STANCEWATCH_TEST_POSTGRES_URL")


@pytest.mark.skipif(not POSTGRES_URL, reason="CI starts PostgreSQL and sets STANCEWATCH_TEST_POSTGRES_URL")
def test_the_same_cycle_runs_on_postgresql(workdir, web, slack):
    from sqlalchemy import text

    from store.engine import make_engine

    engine = make_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    serve_story(web)
    workdir.env["STANCEWATCH_DATABASE_URL"] = POSTGRES_URL
    workdir.configure(config({"World Desk": web.url("/feed.xml")}, slack, baseline=True))
    assert workdir.run("run", "--once").code == 0
    assert workdir.run("run", "--once").code == 0
    # With the shipped history the 2019 statements are known: nothing new to announce.
    assert slack.messages == []
    assert len(workdir.run("statements", "--json").json()) == 26
    assert not (workdir.path / "stancewatch.db").exists()
