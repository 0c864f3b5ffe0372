"""Fetch one article page and decode it to text, whatever charset it was served in.

Decoding order (first that applies and decodes cleanly wins):
  1. charset in the Content-Type header (if Python knows the label),
  2. a byte-order mark,
  3. <meta charset> / http-equiv / <?xml encoding?> (bs4's EncodingDetector finds it),
  4. UTF-8, if the bytes are valid UTF-8,
  5. windows-1252 (what browsers assume for legacy Western pages; "Côte d’Ivoire" with 0x92).
Like browsers (WHATWG Encoding), "iso-8859-1" and "ascii" labels mean windows-1252.

We return the decoded markup; extracting the article text is the parsers' job.
"""
from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import httpx
from bs4 import BeautifulSoup, SoupStrainer
from bs4.dammit import EncodingDetector

from .errors import UnsupportedContent, redact_url
from .http import HttpResult, HttpSettings, get
from .types import FetchedPage

__all__ = ["fetch_page"]

log = logging.getLogger(__name__)

PAGE_ACCEPT = "text/html, application/xhtml+xml, text/plain;q=0.8, */*;q=0.1"

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_TEXT_TYPES = frozenset({"text/plain"})
# Servers label unknown files with these; look at the bytes instead of trusting the label.
_SNIFF_TYPES = frozenset({"application/octet-stream", "application/unknown", "unknown/unknown",
                          "binary/octet-stream"})

# Signatures of binary formats a news site links to (WHATWG MIME Sniffing, plus zip/gzip).
_BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04",
                 b"\x1f\x8b", b"RIFF", b"II*\x00", b"MM\x00*", b"\xd0\xcf\x11\xe0", b"OggS",
                 b"ID3", b"\x00\x00\x01\x00", b"wOFF", b"wOF2")
# Control bytes that never occur in text (WHATWG "binary data byte").
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_MARKUP_START = re.compile(
    rb"\s*(?:<!doctype\s+html|<html|<head|<body|<title|<meta|<script|<style|<div|<p[\s>]"
    rb"|<h1|<table|<a\s|<br|<!--|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html))",
    re.IGNORECASE)
# WHATWG maps these labels to windows-1252; real servers mean 1252 when they say latin-1.
_AS_WINDOWS_1252 = frozenset({"latin-1", "iso8859-1", "ascii"})
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid"})
_SPACES = re.compile(r"\s+")


def fetch_page(client: httpx.Client, url: str, *, settings: HttpSettings) -> FetchedPage:
    """GET an article page; decoded markup (or plain text), its canonical URL and title."""
    result = get(client, url, settings=settings, accept=PAGE_ACCEPT)
    media_type = _media_type(result)
    text, encoding = decode(result.body, header_charset=result.charset,
                            is_html=media_type != "text/plain")
    page_url, title = _canonical_and_title(text, result.url) if media_type != "text/plain" \
        else (clean_url(result.url), None)
    log.debug("page fetched: url=%s type=%s encoding=%s chars=%d", redact_url(page_url), media_type,
              encoding, len(text))
    return FetchedPage(
        url=page_url,
        requested_url=url,
        html=text,
        content_type=media_type,
        encoding=encoding,
        fetched_at=dt.datetime.now(dt.timezone.utc),
        title=title,
        headers=dict(result.headers),
    )


# --- what kind of body -------------------------------------------------------------------------


def _media_type(result: HttpResult) -> str:
    """The media type we will treat the body as; UnsupportedContent if it is not text."""
    declared = result.media_type
    head = result.body[:1024]
    if head.startswith(_BINARY_MAGIC):
        # A PDF labelled text/html is still a PDF; no text format starts with these bytes.
        raise UnsupportedContent(result.url, f"binary content ({_what(declared)})",
                                 content_type=declared)
    if declared in _HTML_TYPES:
        return declared
    if declared in _TEXT_TYPES:
        return "text/plain"
    if declared is None or declared in _SNIFF_TYPES or declared.startswith("text/"):
        return _sniff(result, declared)
    raise UnsupportedContent(result.url, f"not a web page ({declared})", content_type=declared)


def _sniff(result: HttpResult, declared: str | None) -> str:
    stripped, bom = EncodingDetector.strip_byte_order_mark(result.body[:1024])
    # Match the markup pattern on ASCII, so "<html" is found after a BOM and in UTF-16 too.
    ascii_head = stripped.decode(bom or "latin-1", errors="ignore").encode("ascii", "ignore")
    if _MARKUP_START.match(ascii_head):
        return "text/html"
    if bom is None and _BINARY_BYTES.search(stripped):
        raise UnsupportedContent(result.url, f"binary content ({_what(declared)})",
                                 content_type=declared)
    return "text/plain"


def _what(declared: str | None) -> str:
    return declared or "no Content-Type"


# --- decoding ----------------------------------------------------------------------------------


def decode(body: bytes, *, header_charset: str | None, is_html: bool = True) -> tuple[str, str]:
    """(text, codec name). Never fails: the last resort is windows-1252 with replacement."""
    stripped, bom_label = EncodingDetector.strip_byte_order_mark(body)
    bom = _codec(bom_label)
    for encoding, data in _candidates(body, stripped, bom, header_charset, is_html):
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    log.debug("no charset decodes cleanly; windows-1252 with replacement characters")
    return stripped.decode("windows-1252", errors="replace"), "windows-1252"


def _candidates(body: bytes, stripped: bytes, bom: str | None, header_charset: str | None,
                is_html: bool) -> list[tuple[str, bytes]]:
    found: list[tuple[str, bytes]] = []
    header = _codec(header_charset)
    if header:
        found.append((header, stripped if header.startswith("utf") and bom else body))
    if bom:
        found.append((bom, stripped))
    declared = _codec(EncodingDetector.find_declared_encoding(stripped, is_html=is_html))
    if declared:
        if declared.startswith(("utf-16", "utf-32")):
            # A <meta> readable as ASCII cannot be right about UTF-16 (WHATWG says: UTF-8).
            declared = "utf-8"
        found.append((declared, stripped))
    found += [("utf-8", stripped), ("windows-1252", stripped)]
    return found


def _codec(label: str | None) -> str | None:
    """Python's name for a charset label; None for labels Python does not know."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        log.debug("unknown charset label ignored: %r", label)
        return None
    if name in _AS_WINDOWS_1252:
        return "windows-1252"
    return "windows-1252" if name == "cp1252" else name


# --- canonical URL and title -------------------------------------------------------------------


def _canonical_and_title(markup: str, final_url: str) -> tuple[str, str | None]:
    # Only the head-ish tags matter; parsing just these keeps a 5 MB page cheap.
    soup = BeautifulSoup(markup, "lxml", parse_only=SoupStrainer(["base", "link", "meta", "title"]))
    base = final_url
    base_tag = soup.find("base", href=True)
    if base_tag is not None:
        try:
            base = urljoin(final_url, str(base_tag["href"]).strip())
        except ValueError:
            log.debug("invalid <base href> ignored: url=%s", redact_url(final_url))
    return _canonical(soup, base=base, final_url=final_url), _title(soup)


def _canonical(soup: BeautifulSoup, *, base: str, final_url: str) -> str:
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        rels = rel.split() if isinstance(rel, str) else rel
        if "canonical" not in (r.lower() for r in rels):
            continue
        try:
            candidate = urljoin(base, str(link["href"]).strip())
        except ValueError:  # "http://[broken"
            continue
        if _usable_canonical(candidate, final_url):
            return clean_url(candidate)
        log.debug("canonical link ignored: url=%s canonical=%s", redact_url(final_url),
                  redact_url(candidate))
    return clean_url(final_url)


def _usable_canonical(candidate: str, final_url: str) -> bool:
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return False
    # Misconfigured sites point every article's canonical at the home page; trusting it would
    # merge all their articles into one document.
    if parts.path in ("", "/") and urlsplit(final_url).path not in ("", "/"):
        return False
    return True


def _title(soup: BeautifulSoup) -> str | None:
    og = soup.find("meta", attrs={"property": "og:title", "content": True})
    if og is not None and (text := _collapse(str(og["content"]))):
        return text
    tag = soup.find("title")
    if tag is not None and (text := _collapse(tag.get_text(" "))):
        return text
    return None


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def clean_url(url: str) -> str:
    """`url` without #fragment and tracking parameters (utm_*, fbclid, gclid, ...)."""
    parts = urlsplit(url)
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [(k, v) for k, v in pairs
                if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS]
        if len(kept) != len(pairs):  # leave untouched queries byte for byte
            query = urlencode(kept)
    return urlunsplit(parts._replace(query=query, fragment=""))
