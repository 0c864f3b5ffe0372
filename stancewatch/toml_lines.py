"""Finding the line of a key in TOML text, since tomllib reports lines only for syntax errors.

Good enough for what configuration files look like (`[table]`, `[[array]]`, `key = value`,
`table.key = value`); a key inside an inline table (`slack = { token = 5 }`) gets the line of
`slack =`, and when nothing can be found the caller names the key without a line.
"""
from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(?:#.*)?$")


def _headers(lines: list[str]) -> list[tuple[int, str, bool]]:
    """(line index, table name, is an array-of-tables header) for every header line."""
    found = []
    for index, line in enumerate(lines):
        match = _HEADER.match(line)
        if match:
            found.append((index, match.group(2).strip().strip("\"'"), match.group(1) == "[["))
    return found


def _key_in(lines: list[str], start: int, end: int, key: str) -> int | None:
    pattern = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*=")
    for index in range(start, end):
        if pattern.match(lines[index]):
            return index
    return None


def key_line(text: str, path: tuple) -> int | None:
    """1-based line of `path` (("database", "url"), ("sources", 1, "interval"), ("log",)), or None."""
    if not text or not path:
        return None
    lines = text.splitlines()
    headers = _headers(lines)
    bounds = [(i, name, arr, headers[n + 1][0] if n + 1 < len(headers) else len(lines))
              for n, (i, name, arr) in enumerate(headers)]
    top_end = headers[0][0] if headers else len(lines)
    table = path[0]
    if len(path) >= 2 and isinstance(path[1], int):
        sections = [(i, end) for i, name, arr, end in bounds if name == table and arr]
        if path[1] >= len(sections):  # written inline, `sources = [{...}]`: point at that
            return _top_level(lines, top_end, table)
        start, end = sections[path[1]]
        found = _key_in(lines, start + 1, end, str(path[2])) if len(path) > 2 else None
        return (found if found is not None else start) + 1
    sections = [(i, end) for i, name, arr, end in bounds if name == table]
    if len(path) == 1:
        if sections:
            return sections[0][0] + 1
        return _top_level(lines, top_end, table)
    for start, end in sections:
        found = _key_in(lines, start + 1, end, str(path[1]))
        if found is not None:
            return found + 1
    found = _key_in(lines, 0, top_end, f"{table}.{path[1]}")
    if found is not None:
        return found + 1
    return sections[0][0] + 1 if sections else _top_level(lines, top_end, table)


def _top_level(lines: list[str], top_end: int, key: str) -> int | None:
    found = _key_in(lines, 0, top_end, key)
    return None if found is None else found + 1
