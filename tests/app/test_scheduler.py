"""The long-running service: one job per source at its interval, back-off respected."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from stancewatch.app import open_app
from stancewatch.config import load_settings
from stancewatch.pipeline import poll_source_if_due
from stancewatch.scheduler import build_scheduler
from store.engine import transaction
from store.tables import Source
from tests.e2e.conftest import rss
from tests.support.http_server import HttpServer

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def app(tmp_path):  # noqa: ANN001, ANN201
    with HttpServer() as web:
        web.route("/feed.xml", rss(), content_type="application/rss+xml")
        (tmp_path / "stancewatch.toml").write_text(
            f'[history]\nbaseline = false\n[[sources]]\nname = "A"\nurl = "{web.url("/feed.xml")}"\ninterval = "5m"\n'
            f'[[sources]]\nname = "B"\nurl = "{web.url("/b.xml")}"\nenabled = false\n')
        application = open_app(load_settings(None, env={}, cwd=tmp_path))
        yield application, web
        application.close()


def test_each_enabled_source_gets_a_job_at_its_interval_and_alerts_have_their_own(app):
    app, _ = app
    scheduler = build_scheduler(app)
    jobs = {job.name: job for job in scheduler.get_jobs()}
    assert set(jobs) == {"poll A", "deliver alerts"}
    assert jobs["poll A"].trigger.interval == dt.timedelta(minutes=5)


def test_a_failing_source_waits_out_its_back_off(app):
    app, web = app
    with transaction(app.engine) as session:
        source = session.exec(select(Source).where(Source.name == "A")).one()
        source.failure_count, source.next_poll_at = 2, dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)
        source_id = source.id
    poll_source_if_due(app, source_id)
    assert web.requests == []
    with transaction(app.engine) as session:
        session.get(Source, source_id).next_poll_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    poll_source_if_due(app, source_id)
    assert [r.path for r in web.requests] == ["/feed.xml"]
