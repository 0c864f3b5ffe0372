"""Poll one RSS/Atom feed: a conditional GET through collectors.http, then feedparser on the bytes.

feedparser never sees a URL (it would fetch it itself, bypassing our limits); it gets the body
and the response headers, so it can read the charset from Content-Type.
"""
from __future__ import annotations

import calendar
import datetime as dt
import io
import logging
import re
import time
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx
from bs4 import BeautifulSoup

from .errors import FeedParseError, redact_url
from .http import HttpResult, HttpSettings, get
from .types import ConditionalState, FeedEntry, FeedPoll

__all__ = ["poll_feed"]

log = logging.getLogger(__name__)

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, "
               "text/xml;q=0.9, */*;q=0.1")

_SPACES = re.compile(r"\s+")
_BLOCK_TAGS = ["address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
               "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
               "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr",
               "ul"]


def poll_feed(
    client: httpx.Client,
    url: str,
    *,
    settings: HttpSettings,
    state: ConditionalState | None = None,
) -> FeedPoll:
    """Poll `url`; a 304 gives not_modified=True and no entries. Raises collectors errors."""
    result = get(client, url, settings=settings, state=state, accept=FEED_ACCEPT)
    if result.not_modified:
        log.debug("feed not modified: url=%s", redact_url(result.url))
        return FeedPoll(url=result.url, not_modified=True, entries=(), state=result.state)
    parsed = _parse(result)
    entries = tuple(e for e in (_entry(raw, base=result.url) for raw in parsed.entries)
                    if e is not None)
    if parsed.bozo and not entries:
        raise FeedParseError(url, f"not an RSS/Atom feed: {_bozo_reason(parsed)}") \
            from parsed.get("bozo_exception")
    if not parsed.version and not entries:
        # Well-formed XML/HTML that is not a feed (an error page, a home page) is not bozo.
        raise FeedParseError(url, "not an RSS/Atom feed: no <rss>, <feed> or RDF root element")
    if parsed.bozo:
        log.info("feed is malformed, keeping what could be read: url=%s entries=%d reason=%s",
                 redact_url(result.url), len(entries), _bozo_reason(parsed))
    title = _plain(parsed.feed.get("title_detail"), parsed.feed.get("title")) or None
    return FeedPoll(url=result.url, not_modified=False, entries=entries, state=result.state,
                    title=title)


def _parse(result: HttpResult) -> Any:
    # A stream, never a str: feedparser fetches strings that look like URLs or file names.
    # No base URL is given on purpose: feedparser would then also rewrite relative guids, and
    # a guid must stay what the publisher wrote. Links are made absolute in _absolute_http().
    return feedparser.parse(io.BytesIO(result.body), response_headers=dict(result.headers))


def _bozo_reason(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return "unknown error"
    line = getattr(exc, "getLineNumber", None)
    where = f" (line {line()})" if callable(line) else ""
    return f"{getattr(exc, 'getMessage', lambda: str(exc))() or type(exc).__name__}{where}"


def _entry(raw: Any, *, base: str) -> FeedEntry | None:
    link = _absolute_http(raw.get("link"), base=base)
    guid = (raw.get("id") or "").strip() or None
    title = _plain(raw.get("title_detail"), raw.get("title"))
    summary = _plain(raw.get("summary_detail"), raw.get("summary"))
    if not (link or guid or title or summary):
        # feedparser's lenient mode turns broken markup into empty entries; they carry nothing.
        return None
    return FeedEntry(url=link, guid=guid, title=title, summary=summary,
                     published=_published(raw))


def _absolute_http(link: str | None, *, base: str) -> str | None:
    if not link or not link.strip():
        return None
    try:
        absolute = urljoin(base, link.strip())
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        # javascript:, mailto:, data: ... are not pages we can fetch.
        return None
    return absolute


def _plain(detail: Any, value: str | None) -> str:
    """Plain text, whitespace collapsed. Only HTML content is run through bs4: a plain-text
    title like "fewer than <5 states" must keep its "<"."""
    if not value:
        return ""
    kind = (detail or {}).get("type", "text/html")
    if "html" in kind and ("<" in value or "&" in value):
        value = html_to_text(value)
    return _SPACES.sub(" ", value).strip()


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment. Block elements and <br> become spaces; inline ones do not, so
    "Türk<em>iye</em>" stays one word while "<p>Chile</p><p>Cuba</p>" stays two."""
    soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before(" ")
        tag.insert_after(" ")
    return soup.get_text()


def _published(raw: Any) -> dt.datetime | None:
    parsed: time.struct_time | None = raw.get("published_parsed") or raw.get("updated_parsed")
    if parsed is None:
        return None
    try:
        # feedparser normalises to UTC in a struct_time; timegm reads it as UTC.
        return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.timezone.utc)
    except (OverflowError, ValueError, OSError):
        return None
