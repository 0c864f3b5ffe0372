"""The failure paths every collector shares, through poll_feed and fetch_page."""
from __future__ import annotations

import dataclasses
import gzip
import time

import pytest

from collectors import (
    FetchError,
    HttpStatusError,
    ResponseTooLarge,
    SourceUnavailable,
    TooManyRedirects,
    fetch_page,
    poll_feed,
)
from collectors.http import get, parse_retry_after
from tests.collectors.conftest import SETTINGS

pytestmark = pytest.mark.timeout(30)

PAGE = b"<html><head><title>t</title></head><body><p>ok</p></body></html>"


def test_a_refused_connection_is_a_source_that_is_unavailable(client, closed_port):
    url = f"http://127.0.0.1:{closed_port}/feed.xml"
    with pytest.raises(SourceUnavailable, match="could not connect") as caught:
        poll_feed(client, url, settings=SETTINGS)
    assert f"127.0.0.1:{closed_port}" in str(caught.value) and caught.value.retry_after is None


@pytest.mark.parametrize("status", [500, 502, 503])
def test_a_server_error_is_a_source_that_is_unavailable(web, client, status):
    web.route("/feed.xml", "oops", status=status)
    with pytest.raises(SourceUnavailable, match=f"HTTP {status}"):
        poll_feed(client, web.url("/feed.xml"), settings=SETTINGS)


def test_too_many_requests_says_when_to_come_back(web, client):
    web.route("/feed.xml", "slow down", status=429, headers={"Retry-After": "120"})
    with pytest.raises(SourceUnavailable, match="retry after 120 s") as caught:
        poll_feed(client, web.url("/feed.xml"), settings=SETTINGS)
    assert caught.value.retry_after == 120.0


def test_a_retry_after_date_becomes_seconds_from_now():
    import datetime as dt
    now = dt.datetime(2019, 10, 30, 9, 0, tzinfo=dt.timezone.utc)
    assert parse_retry_after("Wed, 30 Oct 2019 09:01:30 GMT", now=now) == 90.0
    assert parse_retry_after("soon", now=now) is None and parse_retry_after(None) is None


def test_a_missing_page_is_a_status_error_with_the_status(web, client):
    with pytest.raises(HttpStatusError, match="HTTP 404") as caught:
        fetch_page(client, web.url("/gone"), settings=SETTINGS)
    assert caught.value.status == 404


def test_a_body_declared_too_large_is_refused_before_reading_it(web, client):
    web.huge("/big", 50 * 1024 * 1024)
    started = time.monotonic()
    with pytest.raises(ResponseTooLarge, match="Content-Length 50 MB"):
        fetch_page(client, web.url("/big"), settings=SETTINGS)
    assert time.monotonic() - started < 1


def test_a_body_without_content_length_is_cut_off_at_the_limit(web, client):
    web.huge("/big", 50 * 1024 * 1024, content_length=False)
    started = time.monotonic()
    with pytest.raises(ResponseTooLarge, match="exceeds 64 KB"):
        fetch_page(client, web.url("/big"), settings=SETTINGS)
    assert time.monotonic() - started < 1


def test_a_server_dripping_bytes_is_abandoned_at_the_total_deadline(web, client):
    web.route("/slow", b"x" * 10_000, content_type="text/plain", drip=200)
    settings = dataclasses.replace(SETTINGS, total_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(SourceUnavailable, match="longer than 1 s in total"):
        fetch_page(client, web.url("/slow"), settings=settings)
    assert time.monotonic() - started < 1.6


def test_a_server_that_never_answers_times_out(web, client):
    web.route("/hang", PAGE, hang=10)
    settings = dataclasses.replace(SETTINGS, read_timeout=0.5)
    started = time.monotonic()
    with pytest.raises(SourceUnavailable, match="timed out after 0.5 s reading"):
        fetch_page(client, web.url("/hang"), settings=settings)
    assert time.monotonic() - started < 1.5


def test_a_connection_closed_mid_body_is_a_source_that_is_unavailable(web, client):
    web.route("/cut", PAGE * 100, close_after=100)
    with pytest.raises(SourceUnavailable, match="closed or broke the connection"):
        fetch_page(client, web.url("/cut"), settings=SETTINGS)


def test_redirects_are_followed_to_the_final_url(web, client):
    web.redirect("/old", "/middle", status=301)
    web.redirect("/middle", web.url("/new"), status=308)
    web.route("/new", PAGE)
    result = get(client, web.url("/old"), settings=SETTINGS)
    assert result.url == web.url("/new") and result.requested_url == web.url("/old")
    assert [r.path for r in web.requests] == ["/old", "/middle", "/new"]


def test_a_redirect_loop_stops_at_the_first_repeat(web, client):
    web.redirect_loop("/a")
    with pytest.raises(TooManyRedirects, match="redirect loop"):
        poll_feed(client, web.url("/a"), settings=SETTINGS)
    assert len(web.requests) == 2


def test_a_redirect_chain_longer_than_the_limit_is_refused(web, client):
    web.redirect_chain("/r", hops=5, to="/end")
    web.route("/end", PAGE)
    with pytest.raises(TooManyRedirects, match="more than 3 redirects"):
        fetch_page(client, web.url("/r"), settings=SETTINGS)
    assert web.requests_to("/end") == []


def test_a_redirect_chain_within_the_limit_is_followed(web, client):
    web.redirect_chain("/r", hops=3, to="/end")
    web.route("/end", PAGE)
    assert fetch_page(client, web.url("/r"), settings=SETTINGS).url == web.url("/end")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed.xml",
                                 "data:text/html,hi", "http:///no-host"])
def test_only_http_and_https_urls_are_fetched(client, url):
    with pytest.raises(FetchError) as caught:
        get(client, url, settings=SETTINGS)
    assert type(caught.value) is FetchError


def test_a_compressed_body_is_capped_by_its_decoded_size(web, client):
    # 2 MB of zeros gzip to about 2 KB: Content-Length alone would let it through.
    web.route("/gz", gzip.compress(b"0" * 2 * 1024 * 1024), content_type="text/plain",
              headers={"Content-Encoding": "gzip"})
    with pytest.raises(ResponseTooLarge, match="exceeds 64 KB"):
        fetch_page(client, web.url("/gz"), settings=SETTINGS)


def test_a_redirect_to_another_scheme_is_refused(web, client):
    web.redirect("/ftp", "ftp://example.org/file")
    with pytest.raises(Exception, match="only http and https"):
        fetch_page(client, web.url("/ftp"), settings=SETTINGS)


def test_requests_carry_our_user_agent(web, client):
    web.route("/p", PAGE)
    fetch_page(client, web.url("/p"), settings=SETTINGS)
    assert web.requests[0].headers.get("user-agent") == "stancewatch-tests"


def test_a_redirect_to_a_broken_location_is_a_status_error(web, client):
    web.redirect("/r", "http://[broken/x")
    with pytest.raises(HttpStatusError, match="invalid Location") as caught:
        fetch_page(client, web.url("/r"), settings=SETTINGS)
    assert caught.value.status == 302


def test_credentials_in_a_url_never_reach_the_message(client, closed_port):
    with pytest.raises(SourceUnavailable) as caught:
        poll_feed(client, f"http://user:s3cret@127.0.0.1:{closed_port}/f", settings=SETTINGS)
    assert "s3cret" not in str(caught.value) and "s3cret" not in caught.value.url
