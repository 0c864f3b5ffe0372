"""Bytes read from disk to text: BOM, then valid UTF-8, then <meta charset>, else windows-1252."""
from __future__ import annotations

import codecs
import re

from parsers.errors import DocumentTooLarge, UndecodableDocument

# 64 MB: the largest real UN page is under 2 MB; a cap 30x larger never cuts a real document
# yet stops a runaway download from pinning the worker's memory.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
# Control bytes that never occur in text (tab, LF, FF, CR and ESC are fine).
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_SAMPLE = 65536


def decode_document(data: bytes) -> str:
    """Decode a file's bytes; raises UndecodableDocument for binary data."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentTooLarge(len(data), MAX_DOCUMENT_BYTES)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding)
    _refuse_binary(data)
    try:
        # Valid UTF-8 with non-ASCII bytes is almost never an accident, so it beats a
        # declared single-byte charset (a stale "iso-8859-1" meta is common).
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data[:4096])
    if declared is not None:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("windows-1252", errors="replace")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UndecodableDocument(f"bytes after the {encoding} byte-order mark are not {encoding}") from exc


def _refuse_binary(data: bytes) -> None:
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        raise UndecodableDocument("binary data: NUL bytes")
    if sample and len(_BINARY_BYTES.findall(sample)) > len(sample) * 0.05:
        raise UndecodableDocument("binary data: mostly control characters")


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    # WHATWG: pages labelled latin-1/ascii are decoded as windows-1252.
    if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"}:
        return "windows-1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
