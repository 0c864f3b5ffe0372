"""Errors of collectors/, grouped by what the caller does next.

    CollectorError
    └── FetchError(url, message)        give up on this URL for this cycle
        ├── SourceUnavailable           retry later (timeout, refused/reset, 5xx, 429); .retry_after
        ├── ResponseTooLarge            the body passed HttpSettings.max_bytes
        ├── TooManyRedirects            a loop or a chain longer than max_redirects
        ├── UnsupportedContent          binary / not text (PDF, images, ...)
        ├── HttpStatusError             any other 4xx (or an unusable 3xx); .status
        └── FeedParseError              fetched fine, but not an RSS/Atom feed

httpx exceptions are translated once, in collectors.http, and chained (`raise ... from exc`).
Every message carries a URL without its credentials (see `redact_url`).
"""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "CollectorError",
    "FetchError",
    "FeedParseError",
    "HttpStatusError",
    "ResponseTooLarge",
    "SourceUnavailable",
    "TooManyRedirects",
    "UnsupportedContent",
    "redact_url",
]


def redact_url(url: str) -> str:
    """The URL without user:password@, so it can go into messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable URL>"
    if "@" not in parts.netloc:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=host))


class CollectorError(Exception):
    """Base of all collectors/ errors."""


class FetchError(CollectorError):
    """Fetching or reading one URL failed. `url` never carries credentials."""

    def __init__(self, url: str, message: str) -> None:
        self.url = redact_url(url)
        self.message = message
        super().__init__(f"{message}: {self.url}")


class SourceUnavailable(FetchError):
    """Temporary: try again later, no sooner than `retry_after` seconds when the server said so."""

    def __init__(self, url: str, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(url, message)
        self.retry_after = retry_after


class ResponseTooLarge(FetchError):
    """The response passed the size cap; retrying will not help."""


class TooManyRedirects(FetchError):
    """A redirect loop, or more hops than HttpSettings.max_redirects."""


class UnsupportedContent(FetchError):
    """The body is not text we can read (PDF, image, other binary)."""

    def __init__(self, url: str, message: str, *, content_type: str | None = None) -> None:
        super().__init__(url, message)
        self.content_type = content_type


class HttpStatusError(FetchError):
    """The server answered with a status that retrying will not fix (404, 410, 403, ...)."""

    def __init__(self, url: str, message: str, *, status: int) -> None:
        super().__init__(url, message)
        self.status = status


class FeedParseError(FetchError):
    """The body is not an RSS/Atom feed; keep polling, the source may recover."""
