"""What the application asks the store to keep in step with its configuration.

Plain values, so that store/ never imports the application's configuration.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SourceSpec:
    name: str
    url: str
    kind: str = "rss"
    interval_seconds: int = 900
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class SubscriberSpec:
    name: str
    slack_channel: str | None = None
    email: str | None = None
    console: bool = False
    timezone: str = "UTC"
    digest_hour: int = 8
