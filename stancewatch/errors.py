"""Errors of the application, with messages a user can act on."""
from __future__ import annotations


class StancewatchError(Exception):
    """Base of the application's errors."""


class ConfigError(StancewatchError):
    """The configuration is unusable; nothing is started (the CLI exits with 2)."""
