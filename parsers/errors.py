"""Errors raised by parsers/: one root, by what the caller does next."""
from __future__ import annotations


class ParserError(Exception):
    """Base of all parsers/ errors: the document cannot be read; skip it, keep polling."""


class UndecodableDocument(ParserError):
    """The bytes are not text (binary data: NUL bytes, mostly control characters)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class DocumentTooLarge(ParserError):
    """The document passes the size cap; no news page or statement comes near it."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"document of {size} bytes/characters exceeds the {limit} limit")
        self.size = size
        self.limit = limit
