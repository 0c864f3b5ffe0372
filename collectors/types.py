"""Plain values the collectors hand to the application. They never touch the database."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ConditionalState:
    """What the server told us last time, sent back as If-None-Match / If-Modified-Since."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of an RSS/Atom feed."""

    url: str | None  # the item's link, absolute; None when the item has none
    guid: str | None
    title: str
    summary: str  # plain text
    published: dt.datetime | None  # UTC


@dataclass(frozen=True, slots=True)
class FeedPoll:
    """The outcome of polling one feed."""

    url: str  # final URL after redirects
    not_modified: bool  # 304: nothing new, entries is empty
    entries: tuple[FeedEntry, ...]
    state: ConditionalState  # to remember for the next poll
    title: str | None = None


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """One article page, decoded to text whatever its charset."""

    url: str  # canonical URL: <link rel=canonical> when present, else the final URL
    requested_url: str
    html: str  # decoded markup (or plain text when the server sent text/plain)
    content_type: str  # "text/html", "text/plain", ...
    encoding: str  # the charset that was used to decode it
    fetched_at: dt.datetime  # UTC
    title: str | None = None
    headers: dict[str, str] = field(default_factory=dict, compare=False)
