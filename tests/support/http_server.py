"""A scriptable web server on loopback, for collectors tests and end-to-end runs.

    from tests.support.http_server import HttpServer

    with HttpServer() as web:                 # ThreadingHTTPServer on 127.0.0.1, ephemeral port
        web.route("/feed.xml", rss_text, content_type="application/rss+xml",
                  headers={"ETag": '"v1"', "Last-Modified": "Wed, 30 Oct 2019 09:00:00 GMT"})
        web.route("/page", b"<html>...", content_type="text/html")  # same path again: replaced
        web.route("/down", "busy", status=503, headers={"Retry-After": "120"})
        web.route("/raw", b"...", content_type=None)  # no Content-Type header at all
        web.redirect("/old", "/new", status=302)      # Location as given (relative or absolute)
        web.redirect_chain("/r", hops=3, to="/new")   # /r -> /r/1 -> /r/2 -> /new
        web.redirect_loop("/loop")                    # /loop -> /loop/again -> /loop -> ...
        web.route("/slow", body, drip=200)            # 200 bytes per second
        web.route("/hang", body, hang=5.0)            # sleep 5 s before the status line
        web.route("/cut", body, close_after=100)      # full Content-Length, 100 bytes, then close
        web.route("/nolen", body, content_length=False)  # no Content-Length: ends at close
        web.huge("/big", 50 * 1024 * 1024)            # streamed, never held in memory
        web.url("/feed.xml")                          # "http://127.0.0.1:PORT/feed.xml"
        web.requests                                  # copies of RequestRecord, in arrival order
        web.requests[0].headers.get("If-None-Match")  # case-insensitive
        web.requests_to("/feed.xml")                  # only those for one path

In pytest, import the fixture into your conftest.py (a fresh server per test, stopped after):

    from tests.support.http_server import web  # noqa: F401

Routes:
- `body` is bytes or str (str is sent as UTF-8; no charset is added to `content_type`).
- `content_type` defaults to "text/html"; None sends no Content-Type.
- Conditional GET: when a 200 route has an ETag and the request's If-None-Match matches it
  (a list, W/ weak tags and "*" too), or, without If-None-Match, has a Last-Modified and the
  request's If-Modified-Since is not older, the answer is 304 with no body and the route's
  ETag/Last-Modified (unless `validators_on_304=False`).
- Routing is by path; a query string is ignored unless a route was added with it.
- Unknown paths answer 404 "not found".

Each answer closes its connection (HTTP/1.0 style), so one request is one connection.
Hangs and drips wait on an event that `stop()` sets, so exiting the `with` is fast (well under a
second) even while a client is mid-download.
"""
from __future__ import annotations

import email.utils
import socket
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

__all__ = ["HttpServer", "RequestRecord", "Route", "web"]

_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class RequestRecord:
    method: str
    path: str  # without the query string
    target: str  # as sent: path and query
    headers: Any  # http.client.HTTPMessage: case-insensitive .get()


@dataclass(frozen=True, slots=True)
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html"
    headers: Mapping[str, str] = field(default_factory=dict)
    drip: float | None = None  # bytes per second
    hang: float = 0.0  # seconds before the status line
    close_after: int | None = None  # bytes of body sent before closing the connection
    content_length: bool = True
    validators_on_304: bool = True
    size: int | None = None  # huge(): generated body of this many bytes instead of `body`


class HttpServer:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self._routes: dict[str, Route] = {}
        self._requests: list[RequestRecord] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = _Server((host, 0), _handler_for(self))
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="test-http-server", daemon=True)
        self.host, self.port = self._server.server_address[:2]

    # --- lifecycle ---

    def start(self) -> HttpServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._stopping.is_set():
            return
        self._stopping.set()  # wakes hangs and drips
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.close_clients()
        self._server.server_close()
        self._thread.join(timeout=2)

    def __enter__(self) -> HttpServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- scripting ---

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str, body: bytes | str = b"", *, status: int = 200,
              content_type: str | None = "text/html", headers: Mapping[str, str] | None = None,
              drip: float | None = None, hang: float = 0.0, close_after: int | None = None,
              content_length: bool = True, validators_on_304: bool = True) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        self._set(path, Route(status=status, body=data, content_type=content_type,
                              headers=dict(headers or {}), drip=drip, hang=hang,
                              close_after=close_after, content_length=content_length,
                              validators_on_304=validators_on_304))

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self._set(path, Route(status=status, body=b"", content_type=None,
                              headers={"Location": to}))

    def redirect_chain(self, path: str, *, hops: int, to: str, status: int = 302) -> None:
        """`hops` redirects in all: path -> path/1 -> ... -> path/<hops-1> -> `to`."""
        stops = [path] + [f"{path.rstrip('/')}/{n}" for n in range(1, hops)]
        for here, there in zip(stops, stops[1:] + [to]):
            self.redirect(here, there, status=status)

    def redirect_loop(self, path: str, *, status: int = 302) -> None:
        """path -> path/again -> path -> ... for ever."""
        again = f"{path.rstrip('/')}/again"
        self.redirect(path, again, status=status)
        self.redirect(again, path, status=status)

    def huge(self, path: str, size: int, *, content_length: bool = True,
             content_type: str | None = "text/html") -> None:
        self._set(path, Route(size=size, content_type=content_type,
                              content_length=content_length))

    @property
    def requests(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._requests)

    def requests_to(self, path: str) -> list[RequestRecord]:
        """Recorded requests for `path` (compared without the query string unless it has one)."""
        if "?" in path:
            return [r for r in self.requests if r.target == path]
        return [r for r in self.requests if r.path == path]

    # --- used by the handler ---

    def _set(self, path: str, route: Route) -> None:
        with self._lock:
            self._routes[path] = route

    def _lookup(self, target: str) -> Route | None:
        with self._lock:
            return self._routes.get(target) or self._routes.get(urlsplit(target).path)

    def _record(self, record: RequestRecord) -> None:
        with self._lock:
            self._requests.append(record)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._clients: set[socket.socket] = set()
        self._clients_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._clients_lock:
            self._clients.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._clients_lock:
            self._clients.discard(request)
        super().shutdown_request(request)

    def close_clients(self) -> None:
        """Unblock handlers stuck writing to a client that stopped reading."""
        with self._clients_lock:
            clients = list(self._clients)
        for sock in clients:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hang up on purpose in these tests (size caps, timeouts)


def _handler_for(web: HttpServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"
        timeout = 30  # a socket no one reads from cannot hold a thread forever

        def do_GET(self) -> None:  # noqa: N802
            self._answer(send_body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(send_body=False)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            self._answer(send_body=True)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def _answer(self, *, send_body: bool) -> None:
            web._record(RequestRecord(self.command, urlsplit(self.path).path, self.path,
                                      self.headers))
            route = web._lookup(self.path)
            if route is None:
                route = Route(status=404, body=b"not found", content_type="text/plain")
            if route.hang and web._stopping.wait(route.hang):
                return
            if route.status == 200 and _not_modified(route, self.headers):
                self._send_304(route)
                return
            self._send(route, send_body=send_body)

        def _send_304(self, route: Route) -> None:
            self.send_response(304)
            if route.validators_on_304:
                for name, value in route.headers.items():
                    if name.lower() in ("etag", "last-modified"):
                        self.send_header(name, value)
            self.end_headers()

        def _send(self, route: Route, *, send_body: bool) -> None:
            length = route.size if route.size is not None else len(route.body)
            self.send_response(route.status)
            if route.content_type is not None:
                self.send_header("Content-Type", route.content_type)
            if route.content_length:
                self.send_header("Content-Length", str(length))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if send_body:
                self._write_body(route)

        def _write_body(self, route: Route) -> None:
            limit = route.close_after
            sent = 0
            for chunk in _chunks(route):
                if limit is not None and sent + len(chunk) >= limit:
                    self.wfile.write(chunk[: limit - sent])
                    break
                self.wfile.write(chunk)
                sent += len(chunk)
                if route.drip and web._stopping.wait(len(chunk) / route.drip):
                    break
                if web._stopping.is_set():
                    break
            self.wfile.flush()

    return Handler


def _chunks(route: Route) -> Iterator[bytes]:
    if route.size is not None:
        block = b"x" * _CHUNK
        left = route.size
        while left > 0:
            yield block[:left]
            left -= _CHUNK
        return
    # A drip sends about 20 pieces a second, so a client sees steady progress.
    step = max(1, int(route.drip / 20)) if route.drip else _CHUNK
    for start in range(0, len(route.body), step):
        yield route.body[start:start + step]


def _not_modified(route: Route, request: Any) -> bool:
    headers = {k.lower(): v for k, v in route.headers.items()}
    etag = headers.get("etag")
    if_none_match = request.get("If-None-Match")
    if if_none_match is not None:
        # RFC 9110 13.1.2: weak comparison; If-Modified-Since is then ignored.
        tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
        return etag is not None and ("*" in tags or etag.removeprefix("W/") in tags)
    last_modified = headers.get("last-modified")
    since = request.get("If-Modified-Since")
    if last_modified is None or since is None:
        return False
    try:
        return email.utils.parsedate_to_datetime(last_modified) <= \
            email.utils.parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


try:  # the fixture, for suites that have pytest; the server itself needs only the stdlib
    import pytest
except ImportError:  # pragma: no cover
    pass
else:

    @pytest.fixture
    def web() -> Iterator[HttpServer]:
        """A fresh HttpServer per test, stopped afterwards even if the test fails."""
        with HttpServer() as server:
            yield server
