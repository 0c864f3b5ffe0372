"""parsers: pure functions from documents to the statements they report. No I/O.

Public API (the pipeline and the CLI call exactly these):
    extract(document, *, reference_date=None) -> Extraction
    main_text(html) -> str
    decode_document(data) -> str
    is_relevant(title, summary) -> bool
"""
from __future__ import annotations

from parsers.decode import decode_document
from parsers.errors import DocumentTooLarge, ParserError, UndecodableDocument
from parsers.extract import extract
from parsers.markup import main_text
from parsers.relevance import is_relevant

__all__ = [
    "DocumentTooLarge",
    "ParserError",
    "UndecodableDocument",
    "decode_document",
    "extract",
    "is_relevant",
    "main_text",
]
