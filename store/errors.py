"""Errors of the store package: what the caller does next is in the class."""
from __future__ import annotations


class StoreError(Exception):
    """Base of all store/ errors."""


class DatabaseUnavailable(StoreError):
    """The database could not be opened or migrated; the message says which and why."""
