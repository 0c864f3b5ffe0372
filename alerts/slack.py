"""Posting a rendered message to Slack, and saying whether a failure is worth retrying.

Two ways in: a bot token (Web API `chat.postMessage`, which returns the message's `ts` so that
later news can go into its thread) or an incoming webhook (no ts, no threads). The outbox owns
retries, so slack-sdk's own retry handlers are switched off: a sleeping retry inside a send
would hold a drain pass and hide the failure from the delivery row.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from http.client import HTTPException
from typing import Any
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.webhook import WebhookClient

from alerts.errors import PermanentSendError, SendError, TransientSendError
from alerts.render import SlackMessage

# Slack's error codes that mean "its side, try later". Every other error code (invalid_auth,
# channel_not_found, not_in_channel, is_archived, invalid_blocks, msg_too_long, ...) needs a
# person to change something first, so it is permanent: retrying would only repeat it.
TRANSIENT_ERRORS = frozenset({
    "ratelimited", "rate_limited", "fatal_error", "service_unavailable", "internal_error",
    "request_timeout",
})
# What a person should do about a permanent error: the delivery row shows it (ux.md: errors
# say what, where and what to do).
_TOKEN_HINT = "check [slack] token or STANCEWATCH_SLACK_TOKEN"
_WEBHOOK_HINT = "check [slack] webhook_url or STANCEWATCH_SLACK_WEBHOOK_URL"
HINTS = {
    "invalid_auth": _TOKEN_HINT, "not_authed": _TOKEN_HINT, "token_revoked": _TOKEN_HINT,
    "token_expired": _TOKEN_HINT, "account_inactive": _TOKEN_HINT,
    "missing_scope": "give the Slack app the chat:write scope and reinstall it",
    "channel_not_found": "check the subscriber's slack_channel, and invite the bot if it is private",
    "not_in_channel": "invite the bot to the channel (/invite @your-bot)",
    "is_archived": "unarchive the channel or choose another slack_channel",
    "invalid_token": _WEBHOOK_HINT, "no_service": _WEBHOOK_HINT, "no_active_hooks": _WEBHOOK_HINT,
    "channel_is_archived": "unarchive the channel or make a new incoming webhook",
    "action_prohibited": "an admin has restricted this webhook; make a new one",
}
ERROR_TEXT_MAX = 200
DEFAULT_API_URL = "https://slack.com/api/"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SentReceipt:
    channel: str | None  # the channel id Slack posted to (None for webhooks)
    ts: str | None  # the message's timestamp, its id for threads (None for webhooks)


class SlackSender:
    def __init__(
        self, token: str | None, api_url: str = DEFAULT_API_URL, webhook_url: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        if not token and not webhook_url:
            raise ValueError("SlackSender needs a bot token or an incoming-webhook URL")
        self._token = token or None
        self._webhook_url = webhook_url or None
        self._api_url = api_url
        self.timeout = timeout
        # retry_handlers=[]: slack-sdk would otherwise retry connection errors in-process.
        self._client = WebClient(token=token, base_url=api_url, timeout=timeout, retry_handlers=[]) \
            if self._token else None
        self._webhook = WebhookClient(self._webhook_url, timeout=timeout, retry_handlers=[],
                                      logger=_redacting_logger(self._webhook_url)) \
            if self._webhook_url else None

    def send(self, channel: str | None, message: SlackMessage, thread_ts: str | None = None) -> SentReceipt:
        """Post `message`; raise TransientSendError (retry) or PermanentSendError."""
        try:
            receipt = self._send(channel, message, thread_ts)
        except SendError as exc:
            log.warning("slack send failed: target=%s error=%s", self.redacted(channel), exc)
            raise
        log.debug("slack message posted: target=%s ts=%s", self.redacted(channel), receipt.ts)
        return receipt

    def _send(self, channel: str | None, message: SlackMessage, thread_ts: str | None) -> SentReceipt:
        try:
            # With both configured, a subscriber without a channel of its own gets the webhook's.
            if self._uses_api(channel):
                return self._post(channel, message, thread_ts)
            return self._post_webhook(message, thread_ts)
        except SendError:
            raise
        except SlackApiError as exc:
            # `from None`: the original carries the request, Authorization header included.
            raise self._api_error("chat.postMessage", exc) from None
        except SlackClientError as exc:  # slack-sdk refused to build the request (bad URL, ...)
            raise PermanentSendError(self._scrub(f"Slack request could not be made: {_describe(exc)}")) from None
        except (OSError, HTTPException) as exc:  # timeouts, refused/reset connections, TLS, URLError
            raise TransientSendError(self._scrub(f"Slack unreachable: {_describe(exc)}")) from None
        except ValueError as exc:  # a malformed URL in the configuration
            raise PermanentSendError(self._scrub(f"Slack request could not be made: {_describe(exc)}")) from None

    def redacted(self, channel: str | None = None) -> str:
        """Where a message to `channel` goes, fit for a log line or a delivery row:
        'slack:#alerts via token xoxb-…redacted', 'slack:webhook https://hooks.slack.com/…redacted'."""
        if self._uses_api(channel):
            assert self._token is not None
            kind = self._token.split("-", 1)[0] if self._token.startswith("xox") else "token"
            where = f"slack:{_one_line(channel) if channel else '(no channel)'} via token {kind}-…redacted"
            # A non-default API URL is worth seeing (a test server, an enterprise proxy); it holds no secret.
            return where if self._api_url == DEFAULT_API_URL else f"{where} at {self._api_url}"
        return f"slack:webhook {_redact_url(self._webhook_url or '')}"

    def __repr__(self) -> str:
        return f"SlackSender({self.redacted()})"

    def _uses_api(self, channel: str | None) -> bool:
        return self._client is not None and (bool(channel) or self._webhook is None)

    # -----------------------------------------------------------------------------------------

    def _post(self, channel: str | None, message: SlackMessage, thread_ts: str | None) -> SentReceipt:
        if not channel:
            raise PermanentSendError("no Slack channel set for this subscriber (set slack_channel)")
        assert self._client is not None
        response = self._client.chat_postMessage(
            channel=channel, text=message.text, blocks=message.blocks or None, thread_ts=thread_ts,
            # An alert links to its source; Slack's preview of that page would bury the facts.
            unfurl_links=False, unfurl_media=False,
        )
        return SentReceipt(channel=response.get("channel"), ts=response.get("ts"))

    def _post_webhook(self, message: SlackMessage, thread_ts: str | None) -> SentReceipt:
        assert self._webhook is not None
        body: dict[str, Any] = {"text": message.text, "unfurl_links": False, "unfurl_media": False}
        if message.blocks:
            body["blocks"] = message.blocks
        if thread_ts:
            body["thread_ts"] = thread_ts
        response = self._webhook.send_dict(body)
        if response.status_code == 200:
            return SentReceipt(channel=None, ts=None)
        # Webhooks answer errors in plain text: "invalid_token", "channel_not_found", ...
        error = (response.body or "").strip()
        raise self._error_for("webhook", response.status_code, error, response.headers or {})

    def _api_error(self, method: str, exc: SlackApiError) -> SendError:
        response = exc.response
        data = response.data if isinstance(response.data, dict) else {}
        error = str(data.get("error") or "")
        return self._error_for(method, int(response.status_code), error, response.headers or {})

    def _error_for(self, where: str, status: int, error: str, headers: Mapping[str, Any]) -> SendError:
        retry_after = retry_after_seconds(headers)
        what = self._scrub(error[:ERROR_TEXT_MAX]) or "no error given"
        text = f"Slack {where} failed: {what} (HTTP {status}"
        text += f", retry after {retry_after:g}s)" if retry_after is not None else ")"
        if status == 429 or status >= 500 or error in TRANSIENT_ERRORS:
            return TransientSendError(text, retry_after=retry_after)
        hint = HINTS.get(error)
        return PermanentSendError(f"{text}: {hint}" if hint else text)

    def _scrub(self, text: str) -> str:
        """Belt and braces: no secret survives into an error message, whatever a library put there."""
        for secret in (self._webhook_url, self._token):
            if secret:
                text = text.replace(secret, _redact_url(secret) if "://" in secret else "…redacted")
        return text


def retry_after_seconds(headers: Mapping[str, Any]) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date; None when absent or unreadable."""
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    if value is None:
        return None
    value = str(value).strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


class _RedactSecret(logging.Filter):
    """Rewrites any record that mentions `secret` so that it no longer does."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self._secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self._secret in message:
            record.msg, record.args = message.replace(self._secret, _redact_url(self._secret)), ()
        return True


def _redacting_logger(webhook_url: str) -> logging.Logger:
    """A logger for slack-sdk's WebhookClient, which logs its URL (the webhook's secret) at DEBUG.

    Built outside the logging manager so that its filter stays with this sender (a shared named
    logger would pile up one filter per sender); its records still reach our handlers through
    its parent.
    """
    logger = logging.Logger(f"{__name__}.webhook")
    logger.parent = log
    logger.addFilter(_RedactSecret(webhook_url))
    return logger


def _redact_url(url: str) -> str:
    """Scheme and host only: an incoming webhook's path is its secret."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/…redacted" if parts.netloc else "…redacted"


def _one_line(text: str) -> str:
    # A channel name comes from configuration; keep a log line one line whatever it holds.
    return " ".join(text.split())[:80]


def _describe(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)  # URLError wraps the real cause
    if isinstance(reason, BaseException):
        exc = reason
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
