"""The loopback server itself: what the collectors and e2e tests rely on."""
from __future__ import annotations

import threading
import time

import httpx
import pytest

from tests.support.http_server import HttpServer

pytestmark = pytest.mark.timeout(30)


def test_if_modified_since_not_older_than_last_modified_gets_304_without_body():
    with HttpServer() as web:
        web.route("/f", "body", headers={"Last-Modified": "Wed, 30 Oct 2019 09:00:00 GMT"})
        fresh = httpx.get(web.url("/f"), headers={"If-Modified-Since": "Wed, 30 Oct 2019 09:00:00 GMT"})
        stale = httpx.get(web.url("/f"), headers={"If-Modified-Since": "Tue, 29 Oct 2019 09:00:00 GMT"})
    assert fresh.status_code == 304 and fresh.content == b""
    assert fresh.headers["last-modified"] == "Wed, 30 Oct 2019 09:00:00 GMT"
    assert stale.status_code == 200 and stale.text == "body"


def test_if_none_match_wins_over_if_modified_since_and_understands_weak_tags():
    with HttpServer() as web:
        web.route("/f", "body", headers={"ETag": '"v2"', "Last-Modified": "Wed, 30 Oct 2019 09:00:00 GMT"})
        other = httpx.get(web.url("/f"), headers={"If-None-Match": '"v1"',
                                                  "If-Modified-Since": "Wed, 30 Oct 2019 09:00:00 GMT"})
        weak = httpx.get(web.url("/f"), headers={"If-None-Match": 'W/"v1", W/"v2"'})
    assert other.status_code == 200 and weak.status_code == 304


def test_rerouting_a_path_replaces_it_and_requests_are_recorded_in_order():
    with HttpServer() as web:
        web.route("/p?x=1", "with query")
        web.route("/p", "one", status=503, content_type=None)
        first = httpx.get(web.url("/p"))
        web.route("/p", "two")
        second = httpx.get(web.url("/p"))
        third = httpx.get(web.url("/p?x=1"))
    assert (first.status_code, first.text, first.headers.get("content-type")) == (503, "one", None)
    assert (second.status_code, second.text, third.text) == (200, "two", "with query")
    assert [(r.method, r.path, r.target) for r in web.requests] == [
        ("GET", "/p", "/p"), ("GET", "/p", "/p"), ("GET", "/p", "/p?x=1")]


def test_stopping_is_fast_while_clients_hang_or_download_slowly():
    web = HttpServer().start()
    web.route("/hang", "late", hang=30)
    web.route("/drip", b"x" * 100_000, drip=10)
    outcomes: list[object] = []

    def fetch(path: str) -> None:
        try:
            outcomes.append(httpx.get(web.url(path), timeout=20).status_code)
        except httpx.HTTPError as exc:
            outcomes.append(exc)

    threads = [threading.Thread(target=fetch, args=(p,)) for p in ("/hang", "/drip")]
    for t in threads:
        t.start()
    time.sleep(0.3)
    started = time.monotonic()
    web.stop()
    assert time.monotonic() - started < 1
    for t in threads:
        t.join(timeout=5)
    assert len(outcomes) == 2 and all(isinstance(o, httpx.HTTPError) for o in outcomes)
