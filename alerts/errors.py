"""Send failures that say whether to try again.

The outbox decides what to do with a failed delivery from the type alone: a
`TransientSendError` is retried later (at `retry_after` seconds when the channel said so), a
`PermanentSendError` becomes a dead letter until someone fixes the configuration. Messages are
written for logs and the delivery's `last_error` column, so they never carry a token or a
webhook URL.
"""
from __future__ import annotations


class AlertError(Exception):
    """Anything that went wrong while turning a change into an alert."""


class SendError(AlertError):
    """A channel did not accept a message."""


class TransientSendError(SendError):
    """Worth retrying: rate limits, 5xx, timeouts, dropped connections, Slack's own hiccups."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    def __reduce__(self) -> tuple[type, tuple[str, float | None]]:
        # Keep retry_after when the error crosses a process boundary (pickling).
        return (type(self), (str(self), self.retry_after))


class PermanentSendError(SendError):
    """Retrying cannot help until a person changes something (token, channel, message)."""
