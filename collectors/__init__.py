"""Fetch feeds and article pages over HTTP and hand back plain values (collectors/types.py).

    client = open_client(settings)
    poll = poll_feed(client, url, settings=settings, state=ConditionalState(etag=..., last_modified=...))
    page = fetch_page(client, url, settings=settings)

Every failure is a CollectorError (collectors/errors.py); SourceUnavailable means "retry later"
and carries `retry_after` when the server said how long to wait.
"""
from __future__ import annotations

from .errors import (
    CollectorError,
    FeedParseError,
    FetchError,
    HttpStatusError,
    ResponseTooLarge,
    SourceUnavailable,
    TooManyRedirects,
    UnsupportedContent,
)
from .http import HttpResult, HttpSettings, open_client
from .pages import fetch_page
from .rss import poll_feed
from .types import ConditionalState, FeedEntry, FeedPoll, FetchedPage

__all__ = [
    "CollectorError",
    "ConditionalState",
    "FeedEntry",
    "FeedParseError",
    "FeedPoll",
    "FetchError",
    "FetchedPage",
    "HttpResult",
    "HttpSettings",
    "HttpStatusError",
    "ResponseTooLarge",
    "SourceUnavailable",
    "TooManyRedirects",
    "UnsupportedContent",
    "fetch_page",
    "open_client",
    "poll_feed",
]
