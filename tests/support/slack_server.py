"""A fake Slack Web API on loopback, for tests that send real HTTP through slack-sdk.

    from tests.support.slack_server import SlackServer

    with SlackServer(token="xoxb-test", channels={"#alerts"}) as slack:
        sender = SlackSender(token="xoxb-test", api_url=slack.api_url, timeout=1.0)
        receipt = sender.send("#alerts", slack_message(notice))
        assert slack.messages[0].text.startswith("New critical joint statement")
        assert slack.messages[0].ts == receipt.ts

        slack.fail_next("ratelimited", retry_after=1)  # HTTP 429 + Retry-After: 1
        slack.fail_next(status=500)                    # HTTP 500, plain-text body
        slack.fail_next("channel_not_found")           # HTTP 200 {"ok": false, ...}
        slack.fail_next("internal_error", status=503)  # HTTP 503 {"ok": false, ...}
        slack.hang_next(5.0)                           # next message answered after 5 s
        WebhookClient(slack.webhook_url).send(text="hi")  # incoming webhook, answers "ok"

Endpoints:
    POST /api/chat.postMessage   JSON or form body (slack-sdk sends JSON; form `blocks` is a JSON
                                 string). Token checked (Bearer header, else a `token` body
                                 argument): missing -> not_authed, wrong -> invalid_auth. `channels` given and channel not in it ->
                                 channel_not_found. Limits checked like Slack (`strict=True`):
                                 > 50 blocks, header > 150, section > 3000 -> invalid_blocks;
                                 text > 40,000 -> msg_too_long; neither text nor blocks -> no_text.
                                 Success: {"ok": true, "channel": <id>, "ts": <increasing>,
                                 "message": {...}}; <id> is the channel itself when it looks like
                                 an id ("C0ABC"), else "C0123".
    POST /api/auth.test          {"ok": true, "user_id": "U0123", "team_id": "T000", ...}
    POST /services/T000/B000/XXXX  incoming webhook: JSON body, answers "ok" (text/plain);
                                 errors in plain text as Slack does ("channel_not_found", 404).

Scripted failures are queued and consumed one per *message* request (chat.postMessage or the
webhook; auth.test never consumes them), in the order they were queued. A hang sleeps before
answering (interruptible: closing the server ends it at once); the message is still recorded,
as Slack would have posted it, which is what makes a timeout an at-least-once problem.

Attributes: `messages` (list of ReceivedMessage, appended under a lock; read it via the property,
which returns a copy), `requests` (paths in order), `api_url` (ends with "/api/"),
`webhook_url`, `token`.
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

WEBHOOK_PATH = "/services/T000/B000/XXXX"
_WEBHOOK_STATUS = {"ratelimited": 429, "invalid_token": 403, "action_prohibited": 403,
                   "channel_not_found": 404, "no_service": 404, "channel_is_archived": 410}


@dataclass(frozen=True, slots=True)
class ReceivedMessage:
    channel: str | None
    text: str | None
    blocks: list[dict] | None
    thread_ts: str | None
    ts: str | None  # the ts we answered with (None for webhooks)
    via: str  # "api" | "webhook"
    body: dict[str, Any] = field(default_factory=dict)  # everything the client sent


@dataclass(frozen=True, slots=True)
class _Failure:
    error: str | None
    status: int
    retry_after: float | None
    hang: float = 0.0


class SlackServer:
    def __init__(self, token: str = "xoxb-test-token", channels: set[str] | None = None, strict: bool = True) -> None:
        self.token = token
        self.channels = channels
        self.strict = strict
        self._lock = threading.Lock()
        self._messages: list[ReceivedMessage] = []
        self.requests: list[str] = []
        self._script: deque[_Failure] = deque()
        self._closing = threading.Event()
        self._ts_base = int(time.time())
        self._ts_count = 0
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False  # a hung handler must not hold up close()
        # A short poll interval: shutdown() waits up to one interval, once per test.
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="fake-slack", daemon=True)

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> SlackServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self._closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> SlackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what tests use -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    @property
    def webhook_url(self) -> str:
        return f"{self.base_url}{WEBHOOK_PATH}"

    @property
    def messages(self) -> list[ReceivedMessage]:
        with self._lock:
            return list(self._messages)

    def fail_next(self, error: str | None = None, *, status: int | None = None,
                  retry_after: float | None = None) -> None:
        """Queue one failure. `error` alone: HTTP 200 with ok=false (429 for "ratelimited"), as
        Slack does; `status` alone: that HTTP status with a plain-text body (a proxy's 5xx)."""
        if error is None and status is None:
            raise ValueError("fail_next needs an error code or an HTTP status")
        if status is None:
            status = 429 if error == "ratelimited" else 200
        with self._lock:
            self._script.append(_Failure(error, status, retry_after))

    def hang_next(self, seconds: float) -> None:
        """Answer the next message only after `seconds` (then normally)."""
        with self._lock:
            self._script.append(_Failure(None, 200, None, hang=seconds))

    # -- inside the handler --------------------------------------------------------------------

    def _next_script(self) -> _Failure | None:
        with self._lock:
            return self._script.popleft() if self._script else None

    def _record(self, message: ReceivedMessage) -> None:
        with self._lock:
            self._messages.append(message)

    def _new_ts(self) -> str:
        with self._lock:
            self._ts_count += 1
            return f"{self._ts_base}.{self._ts_count:06d}"

    def _hang(self, seconds: float) -> None:
        self._closing.wait(seconds)


def _handler_for(server: SlackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_SlackHandler):
        slack = server
    return Handler


class _SlackHandler(BaseHTTPRequestHandler):
    slack: SlackServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test output clean

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        path = self.path.split("?", 1)[0]
        with self.slack._lock:
            self.slack.requests.append(path)
        body = self._body()
        if path == "/api/chat.postMessage":
            self._post_message(body)
        elif path == "/api/auth.test":
            self._auth_test(body)
        elif path == WEBHOOK_PATH:
            self._webhook(body)
        elif path.startswith("/api/"):
            self._json(200, {"ok": False, "error": "unknown_method"})
        else:
            self._plain(404, "no_service")

    # -- endpoints ------------------------------------------------------------------------------

    def _post_message(self, body: dict[str, Any]) -> None:
        denied = self._auth_error(body)
        if denied:
            self._json(200, {"ok": False, "error": denied})
            return
        failure = self.slack._next_script()
        if failure is not None and self._fail_api(failure):
            return
        channel = body.get("channel")
        blocks = _parse_blocks(body.get("blocks"))
        problem = self._message_problem(channel, body.get("text"), blocks, api=True)
        if problem:
            self._json(200, {"ok": False, "error": problem})
            return
        ts = self.slack._new_ts()
        self.slack._record(ReceivedMessage(channel=channel, text=body.get("text"), blocks=blocks,
                                           thread_ts=body.get("thread_ts"), ts=ts, via="api", body=body))
        channel_id = channel if re.fullmatch(r"[CGD][A-Z0-9]{2,}", channel or "") else "C0123"
        message = {"type": "message", "bot_id": "B0123", "text": body.get("text"), "ts": ts}
        if blocks:
            message["blocks"] = blocks
        if body.get("thread_ts"):
            message["thread_ts"] = body["thread_ts"]
        self._json(200, {"ok": True, "channel": channel_id, "ts": ts, "message": message})

    def _auth_test(self, body: dict[str, Any]) -> None:
        denied = self._auth_error(body)
        if denied:
            self._json(200, {"ok": False, "error": denied})
            return
        self._json(200, {"ok": True, "url": "https://example.slack.com/", "team": "Test", "user": "stancewatch",
                         "team_id": "T000", "user_id": "U0123", "bot_id": "B0123"})

    def _webhook(self, body: dict[str, Any]) -> None:
        failure = self.slack._next_script()
        if failure is not None and failure.hang:
            self.slack._hang(failure.hang)
        elif failure is not None:
            status = failure.status if failure.status != 200 else _WEBHOOK_STATUS.get(failure.error or "", 400)
            self._plain(status, failure.error or "internal_error", failure.retry_after)
            return
        blocks = _parse_blocks(body.get("blocks"))
        problem = self._message_problem(None, body.get("text"), blocks, api=False)
        if problem:
            self._plain(400, "invalid_blocks" if problem == "invalid_blocks" else problem)
            return
        self.slack._record(ReceivedMessage(channel=body.get("channel"), text=body.get("text"), blocks=blocks,
                                           thread_ts=body.get("thread_ts"), ts=None, via="webhook", body=body))
        self._plain(200, "ok")

    # -- helpers --------------------------------------------------------------------------------

    def _fail_api(self, failure: _Failure) -> bool:
        """Apply a scripted failure; True when the request has been answered."""
        if failure.hang:
            self.slack._hang(failure.hang)
            return False  # then answer normally (the client has probably given up)
        if failure.error is None:
            self._plain(failure.status, f"{failure.status} upstream error", failure.retry_after)
        else:
            self._json(failure.status, {"ok": False, "error": failure.error}, failure.retry_after)
        return True

    def _auth_error(self, body: dict[str, Any]) -> str | None:
        header = self.headers.get("Authorization", "")
        # Slack also takes the token as a `token` body argument (old clients, curl -d).
        given = header[7:].strip() if header.startswith("Bearer ") else str(body.get("token") or "")
        if not given:
            return "not_authed"
        return None if given == self.slack.token else "invalid_auth"

    def _message_problem(self, channel: str | None, text: Any, blocks: list[dict] | None, *, api: bool) -> str | None:
        if api:  # a webhook is bound to its channel and ignores this field
            if not channel:
                return "channel_not_found"
            if self.slack.channels is not None and channel not in self.slack.channels:
                return "channel_not_found"
        if blocks is None and not text:
            return "no_text"
        if not self.slack.strict:
            return None
        if isinstance(text, str) and len(text) > 40000:
            return "msg_too_long"
        if blocks is not None and not _blocks_valid(blocks):
            return "invalid_blocks"
        return None

    def _body(self) -> dict[str, Any]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        kind = self.headers.get("Content-Type", "")
        if "json" in kind:
            try:
                data = json.loads(raw or b"{}")
            except ValueError:
                return {}
            return data if isinstance(data, dict) else {}
        # application/x-www-form-urlencoded (slack-sdk's params=, curl -d)
        return {k: v[-1] for k, v in parse_qs(raw.decode("utf-8"), keep_blank_values=True).items()}

    def _json(self, status: int, payload: dict[str, Any], retry_after: float | None = None) -> None:
        self._answer(status, json.dumps(payload).encode(), "application/json; charset=utf-8", retry_after)

    def _plain(self, status: int, text: str, retry_after: float | None = None) -> None:
        self._answer(status, text.encode(), "text/plain; charset=utf-8", retry_after)

    def _answer(self, status: int, data: bytes, content_type: str, retry_after: float | None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            if retry_after is not None:
                self.send_header("Retry-After", f"{retry_after:g}")
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client timed out and left; nothing to tell it


def _parse_blocks(blocks: Any) -> list[dict] | None:
    if blocks is None or blocks == "":
        return None
    if isinstance(blocks, str):
        try:
            blocks = json.loads(blocks)
        except ValueError:
            return [{"type": "unparseable", "raw": blocks}]
    return blocks if isinstance(blocks, list) else [{"type": "unparseable", "raw": blocks}]


def _blocks_valid(blocks: list[dict]) -> bool:
    """The Block Kit limits our renderer can break (api.slack.com/reference/block-kit/blocks)."""
    if len(blocks) > 50:
        return False
    for block in blocks:
        kind = block.get("type") if isinstance(block, dict) else None
        if kind == "header":
            text = block.get("text") or {}
            if text.get("type") != "plain_text" or not 0 < len(text.get("text") or "") <= 150:
                return False
        elif kind == "section":
            text = (block.get("text") or {}).get("text")
            if text is not None and not 0 < len(text) <= 3000:
                return False
            if len(block.get("fields") or []) > 10:
                return False
        elif kind == "context":
            elements = block.get("elements") or []
            if not 0 < len(elements) <= 10:
                return False
            if any(len(e.get("text") or "") > 3000 for e in elements if isinstance(e, dict)):
                return False
        elif kind not in ("divider", "actions", "image", "rich_text"):
            return False
    return True
