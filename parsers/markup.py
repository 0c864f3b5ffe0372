"""HTML to readable text with block structure, by one linear pass over the tags.

No tree is built: a tokenizer walks the tags once, so 10,000 nested divs cost what 10,000
siblings cost (libxml2 silently truncates past depth 256 and drops the text inside, and bs4
recurses). One paragraph / list item / table row per line; table cells joined by " | ".
"""
from __future__ import annotations

import html
import re

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comment
    r"|<(script|style|textarea|title|noscript|template|svg|math|iframe|object)\b[^>]*>.*?(?:</\1\s*>|\Z)"  # raw
    r"|<![^>]*>|<\?[^>]*>"  # doctype, CDATA-ish, processing instruction
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S | re.I,
)
_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section "
    "summary table tbody thead tfoot tr ul br option legend".split()
)
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Whole elements that are never the readable body.
_DROP_TAGS = frozenset("nav footer aside form button select label dialog".split())
_ATTR_VALUES = re.compile(r"""\b(class|id|role)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_BOILERPLATE_PARTS = frozenset(
    "cookie cookies consent skip share sharing social breadcrumb breadcrumbs newsletter subscribe "
    "related visually sr hidden comments comment sidebar advert ad ads donate masthead topnav "
    "menu navbar navigation banner contentinfo search print footer header lang promo".split()
)
# An element named for content is kept even if a part of its name sounds like boilerplate.
_CONTENT_PARTS = frozenset("body content article main text entry post story page title".split())
_NEVER_DROPPED = frozenset("html body main article".split())


def _is_boilerplate(attrs: str) -> bool:
    for match in _ATTR_VALUES.finditer(attrs):
        value = next(v for v in match.groups()[1:] if v is not None).lower()
        for token in value.split():
            parts = set(re.split(r"[-_]+", token))
            if parts & _BOILERPLATE_PARTS and not parts & _CONTENT_PARTS:
                return True
    return False


_MAIN_OPEN = re.compile(r"""<main\b|<[a-z]+\b[^>]*\brole\s*=\s*["']main["']""", re.I)
_WS = re.compile(r"\s+")
_BREAK = "\x00"  # never in text: text() removes it


class _Walker:
    """State of the single pass: where we are, what is dropped, the lines so far."""

    def __init__(self, only_main: bool, drop_boilerplate: bool = True) -> None:
        self.only_main = only_main
        self.drop_boilerplate = drop_boilerplate
        self.main_depth = 0  # >0 while inside <main> (or not restricting)
        self.main_tag = ""
        self.drop_tag = ""
        self.drop_depth = 0
        self.cell_depth = 0
        self.row_cells = 0
        self.pre_depth = 0
        self.header_in_body = 0
        # Text pieces with _BREAK between blocks: whitespace is collapsed and lines are cut
        # once for the whole page (per line it cost more than the tokenizer).
        self.current: list[str] = []

    @property
    def emitting(self) -> bool:
        return self.drop_depth == 0 and (not self.only_main or self.main_depth > 0)

    def text(self, raw: str) -> None:
        if not self.emitting or not raw:
            return
        value = html.unescape(raw)
        if _BREAK in value:
            value = value.replace(_BREAK, "")
        self.current.append(value)

    def newline(self) -> None:
        self.current.append(_BREAK)

    def result(self) -> str:
        # str.split() collapses whitespace three times faster than a regex over a 200 KB page.
        lines = ("".join(self.current)).split(_BREAK)
        return "\n".join(line for line in (" ".join(raw.split()) for raw in lines) if line)

    def tag(self, closing: bool, name: str, attrs: str) -> None:
        name = name.lower()
        if self.drop_depth:
            self._track_drop(closing, name)
            return
        if self.only_main:
            if not closing and self.main_depth == 0 and (name == "main" or _is_role_main(attrs)):
                self.main_tag, self.main_depth = name, 1
                return
            if self.main_depth and name == self.main_tag and name not in _VOID:
                self.main_depth += -1 if closing else 1
                if self.main_depth == 0:
                    self.newline()
                    return
        if not closing and self._starts_drop(name, attrs):
            self.drop_tag, self.drop_depth = name, 1
            return
        self._structure(closing, name)

    def _starts_drop(self, name: str, attrs: str) -> bool:
        if name in _VOID:
            return False
        if name in _DROP_TAGS:
            return True
        if name == "header":
            # The site banner goes; an article's own header (title, byline, date) stays.
            return not self.only_main or self.main_depth == 0 or _is_boilerplate(attrs)
        if name in _NEVER_DROPPED or not attrs:
            return False
        if re.search(r"""(?:^|\s)hidden(?:\s|=|$)|aria-hidden\s*=\s*["']?true""", attrs, re.I):
            return True
        return self.drop_boilerplate and _is_boilerplate(attrs)

    def _track_drop(self, closing: bool, name: str) -> None:
        if name == self.drop_tag and name not in _VOID:
            self.drop_depth += -1 if closing else 1

    def _structure(self, closing: bool, name: str) -> None:
        if name in ("td", "th"):
            if not closing:
                if self.row_cells:
                    self.current.append(" | ")
                self.row_cells += 1
                self.cell_depth += 1
            else:
                self.cell_depth = max(0, self.cell_depth - 1)
            return
        if name == "tr":
            self.newline()
            self.row_cells = 0
            self.cell_depth = 0
            return
        if name == "pre":
            self.pre_depth = max(0, self.pre_depth + (-1 if closing else 1))
        if name in _BLOCK:
            if self.cell_depth:
                self.current.append(" ")  # a block inside a cell stays in the cell
            else:
                self.newline()


def _is_role_main(attrs: str) -> bool:
    return re.search(r"""\brole\s*=\s*["']main["']""", attrs, re.I) is not None


def main_text(html_text: str) -> str:
    """The readable body of an HTML page, one block per line."""
    only_main = _MAIN_OPEN.search(html_text) is not None
    text = _walk(html_text, only_main, True)
    if only_main and len(text) < 200:
        # A <main> that holds only a shell (content rendered elsewhere): use the whole body.
        fallback = _walk(html_text, False, True)
        if len(fallback) > len(text):
            text = fallback
    if not text:
        # Everything looked like boilerplate (an over-eager class name): keep it all rather
        # than lose the statement.
        text = _walk(html_text, False, False)
    return text


def _walk(html_text: str, only_main: bool, drop_boilerplate: bool) -> str:
    walker = _Walker(only_main, drop_boilerplate)
    pos = 0
    for match in _TOKEN.finditer(html_text):
        if match.start() > pos:
            walker.text(html_text[pos:match.start()])
        pos = match.end()
        if match.group(3):
            walker.tag(match.group(2) == "/", match.group(3), match.group(4) or "")
    walker.text(html_text[pos:])
    walker.newline()
    return walker.result()


_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|br|table|ul|article|main|span|a\s)\b", re.I)


def looks_like_html(document: str) -> bool:
    """HTML or plain text? Sniff the start: a page opens with a tag, a story with words."""
    head = document[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        return True
    return len(_HTML_SNIFF.findall(head)) >= 3
