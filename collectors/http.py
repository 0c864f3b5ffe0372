"""The one HTTP GET every collector goes through.

What it guarantees, so rss.py and pages.py need not care:
- only http(s) URLs, on every hop; redirects are followed here (not by httpx) so each hop is
  checked, loops are caught early and the hop count is ours;
- conditional GET: If-None-Match / If-Modified-Since from a ConditionalState, and a new state
  from ETag / Last-Modified; a 304 comes back as a result, not an error;
- a size cap (Content-Length first, then counted while streaming the decoded body, which also
  stops gzip bombs) and a wall-clock deadline for the whole exchange, checked between chunks,
  so a server dripping a byte a second cannot hold a worker;
- httpx errors become collectors.errors, once, here.

Known limit: the deadline is checked between chunks and each read is bounded by
min(read_timeout, time left when the hop started), so a server that stalls mid-body can
overrun total_timeout by at most one read_timeout.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import logging
import time
from dataclasses import dataclass, field
from importlib import metadata
from typing import NoReturn
from urllib.parse import urljoin, urlsplit

import httpx

from .errors import (
    FetchError,
    HttpStatusError,
    ResponseTooLarge,
    SourceUnavailable,
    TooManyRedirects,
    redact_url,
)
from .types import ConditionalState

__all__ = ["HttpResult", "HttpSettings", "get", "open_client", "parse_retry_after"]

log = logging.getLogger(__name__)

MiB = 1024 * 1024


def _version() -> str:
    try:
        return metadata.version("stancewatch")
    except metadata.PackageNotFoundError:  # running from a checkout that was never installed
        return "0"


DEFAULT_USER_AGENT = f"stancewatch/{_version()} (+https://github.com/stancewatch/stancewatch)"

# Statuses that say "not now" rather than "never": the caller backs off and retries.
_RETRYABLE_4XX = frozenset({408, 425, 429})


@dataclass(frozen=True, slots=True)
class HttpSettings:
    """Limits for one GET. Seconds and bytes."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence between two reads
    total_timeout: float = 60.0  # wall-clock deadline for the whole exchange, redirects included
    max_bytes: int = 5 * MiB
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT


@dataclass(frozen=True, slots=True)
class HttpResult:
    """A successful exchange: 2xx with its body, or 304 with an empty body."""

    status: int
    url: str  # final URL, after redirects
    requested_url: str
    body: bytes
    state: ConditionalState  # remember it for the next conditional GET
    headers: dict[str, str] = field(default_factory=dict, compare=False)  # lower-case names

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def media_type(self) -> str | None:
        """"text/html" from "text/HTML; charset=utf-8"; None without a Content-Type."""
        value = self.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        return value or None

    @property
    def charset(self) -> str | None:
        """The charset parameter of Content-Type, as sent."""
        for param in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset":
                return value.strip().strip("\"'") or None
        return None


def open_client(settings: HttpSettings | None = None) -> httpx.Client:
    """A client to share across fetches (connection pooling). The caller closes it."""
    settings = settings or HttpSettings()
    return httpx.Client(
        headers={"User-Agent": settings.user_agent},
        timeout=_timeouts(settings, remaining=settings.total_timeout),
        follow_redirects=False,  # get() follows them, checking each hop
    )


def get(
    client: httpx.Client,
    url: str,
    *,
    settings: HttpSettings,
    state: ConditionalState | None = None,
    accept: str = "*/*",
) -> HttpResult:
    """GET `url`, following redirects; 2xx or 304, else a collectors.errors.FetchError."""
    deadline = time.monotonic() + settings.total_timeout
    seen: set[str] = set()
    current = url
    for _hop in range(settings.max_redirects + 1):
        _check_scheme(current, requested=url)
        seen.add(current)
        response = _send(client, current, settings=settings, state=state, accept=accept,
                         deadline=deadline)
        try:
            # Not `is_redirect`: in httpx that is any 3xx, 304 included.
            if response.has_redirect_location:
                target = _redirect_target(response, current, requested=url)
                if target in seen:
                    raise TooManyRedirects(url, f"redirect loop back to {redact_url(target)}")
                log.debug("redirect: status=%d from=%s to=%s", response.status_code,
                          redact_url(current), redact_url(target))
                current = target
                continue
            _raise_for_status(response, current)
            body = b"" if response.status_code == 304 else _read_body(
                response, current, settings=settings, deadline=deadline)
            result = HttpResult(
                status=response.status_code,
                url=current,
                requested_url=url,
                body=body,
                state=_next_state(state, response),
                headers=dict(response.headers),
            )
        finally:
            response.close()
        log.debug("fetched: url=%s status=%d bytes=%d", redact_url(current), result.status,
                  len(result.body))
        return result
    raise TooManyRedirects(url, f"more than {settings.max_redirects} redirects")


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP-date; None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT
        when = when.replace(tzinfo=dt.timezone.utc)
    now = now or dt.datetime.now(dt.timezone.utc)
    return max(0.0, (when - now).total_seconds())


# --- one hop -----------------------------------------------------------------------------------


def _check_scheme(url: str, *, requested: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FetchError(requested, f"invalid URL ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https"):
        where = "" if url == requested else f" (redirected to {redact_url(url)})"
        raise FetchError(requested, f"only http and https URLs can be fetched{where}")
    if not parts.hostname:
        raise FetchError(requested, "URL has no host")


def _redirect_target(response: httpx.Response, current: str, *, requested: str) -> str:
    location = response.headers["location"]
    try:
        return urljoin(current, location.strip())
    except ValueError as exc:  # "http://[broken" and the like
        raise HttpStatusError(requested, f"HTTP {response.status_code} with an invalid Location "
                              f"{location[:100]!r}", status=response.status_code) from exc


def _timeouts(settings: HttpSettings, *, remaining: float) -> httpx.Timeout:
    # Never wait on one step longer than the whole exchange has left.
    remaining = max(remaining, 0.001)
    return httpx.Timeout(
        connect=min(settings.connect_timeout, remaining),
        read=min(settings.read_timeout, remaining),
        write=min(settings.read_timeout, remaining),
        pool=min(settings.connect_timeout, remaining),
    )


def _send(
    client: httpx.Client,
    url: str,
    *,
    settings: HttpSettings,
    state: ConditionalState | None,
    accept: str,
    deadline: float,
) -> httpx.Response:
    headers = {"Accept": accept}
    if state is not None and state.etag:
        headers["If-None-Match"] = state.etag
    if state is not None and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise SourceUnavailable(url, f"took longer than {_secs(settings.total_timeout)} s in total")
    try:
        request = client.build_request("GET", url, headers=headers,
                                       timeout=_timeouts(settings, remaining=remaining))
        # Explicit: a client not made by open_client() may follow redirects itself, unchecked.
        return client.send(request, stream=True, follow_redirects=False)
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        _translate(exc, url, settings=settings, deadline=deadline)


def _read_body(response: httpx.Response, url: str, *, settings: HttpSettings,
               deadline: float) -> bytes:
    limit = f"response exceeds {_size(settings.max_bytes)} limit"
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise ResponseTooLarge(url, f"{limit} (Content-Length {_size(int(declared))})")
    body = bytearray()
    try:
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > settings.max_bytes:
                raise ResponseTooLarge(url, limit)
            if time.monotonic() > deadline:
                raise SourceUnavailable(
                    url, f"took longer than {_secs(settings.total_timeout)} s in total "
                         f"({_size(len(body))} received)")
    except httpx.HTTPError as exc:
        _translate(exc, url, settings=settings, deadline=deadline)
    return bytes(body)


def _raise_for_status(response: httpx.Response, url: str) -> None:
    status = response.status_code
    if 200 <= status < 300 or status == 304:
        return
    what = f"HTTP {status} {response.reason_phrase}".rstrip()
    if status >= 500 or status in _RETRYABLE_4XX:
        retry_after = parse_retry_after(response.headers.get("retry-after"))
        hint = f" (retry after {_secs(retry_after)} s)" if retry_after is not None else ""
        raise SourceUnavailable(url, f"{what}{hint}", retry_after=retry_after)
    if 300 <= status < 400:
        raise HttpStatusError(url, f"{what} without a usable Location", status=status)
    raise HttpStatusError(url, what, status=status)


def _next_state(previous: ConditionalState | None, response: httpx.Response) -> ConditionalState:
    etag = response.headers.get("etag")
    last_modified = response.headers.get("last-modified")
    if response.status_code == 304 and previous is not None:
        # A 304 may omit the validators; what we sent is still valid.
        return ConditionalState(etag=etag or previous.etag,
                                last_modified=last_modified or previous.last_modified)
    return ConditionalState(etag=etag, last_modified=last_modified)


def _translate(exc: Exception, url: str, *, settings: HttpSettings, deadline: float) -> NoReturn:
    """Turn an httpx error into ours, with the number that matters. The one place that does."""
    if isinstance(exc, httpx.TimeoutException):
        if time.monotonic() >= deadline - 0.01:
            raise SourceUnavailable(
                url, f"took longer than {_secs(settings.total_timeout)} s in total") from exc
        if isinstance(exc, httpx.ConnectTimeout):
            raise SourceUnavailable(
                url, f"timed out after {_secs(settings.connect_timeout)} s connecting") from exc
        if isinstance(exc, httpx.PoolTimeout):
            raise SourceUnavailable(
                url, f"timed out after {_secs(settings.connect_timeout)} s waiting for a "
                     "connection") from exc
        verb = "sending" if isinstance(exc, httpx.WriteTimeout) else "reading"
        raise SourceUnavailable(
            url, f"timed out after {_secs(settings.read_timeout)} s {verb}") from exc
    if isinstance(exc, httpx.ConnectError):
        raise SourceUnavailable(url, f"could not connect ({_reason(exc)})") from exc
    if isinstance(exc, httpx.RemoteProtocolError):
        raise SourceUnavailable(
            url, f"server closed or broke the connection ({_reason(exc)})") from exc
    if isinstance(exc, (httpx.ReadError, httpx.WriteError, httpx.ProxyError)):
        raise SourceUnavailable(url, f"connection lost ({_reason(exc)})") from exc
    if isinstance(exc, httpx.DecodingError):
        raise FetchError(url, f"could not decode the compressed body ({_reason(exc)})") from exc
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        raise FetchError(url, f"invalid URL ({_reason(exc)})") from exc
    raise FetchError(url, f"request failed ({type(exc).__name__}: {_reason(exc)})") from exc


# --- formatting for messages -------------------------------------------------------------------


def _reason(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def _secs(seconds: float) -> str:
    return f"{seconds:g}"


def _size(n: int) -> str:
    if n >= MiB:
        return f"{n / MiB:.3g} MB"
    if n >= 1024:
        return f"{n / 1024:.3g} KB"
    return f"{n} bytes"
