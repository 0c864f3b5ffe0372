"""Variant phrasings rewritten to the one form the recognisers know ("in the name of 40
states" is "on behalf of 40 states"), as data in parsers/data/phrases.tsv."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Phrase:
    key: str  # a lower-case word every variant contains
    variant: re.Pattern[str]
    canonical: str


@functools.cache
def phrases() -> tuple[Phrase, ...]:
    rows = resources.files("parsers").joinpath("data/phrases.tsv").read_text(encoding="utf-8")
    out = []
    for line in rows.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, variant, canonical = line.split("\t")
        out.append(Phrase(key, re.compile(variant, re.I), canonical))
    return tuple(out)


def rewrites(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) for every variant phrase in `text`, in order, not overlapping."""
    found: list[tuple[int, int, str]] = []
    for key, group in _by_key().items():
        for written in (key, key.capitalize()):
            at = text.find(written)
            while at != -1:
                found.extend(_variant_at(text, at, len(written), group))
                at = text.find(written, at + len(written))
    found.sort()
    out: list[tuple[int, int, str]] = []
    for span in found:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


@functools.cache
def _by_key() -> dict[str, tuple[Phrase, ...]]:
    keys: dict[str, list[Phrase]] = {}
    for phrase in phrases():
        keys.setdefault(phrase.key, []).append(phrase)
    return {key: tuple(group) for key, group in keys.items()}


def _variant_at(text: str, at: int, length: int, group: tuple[Phrase, ...]) -> list[tuple[int, int, str]]:
    """The first variant of the group that covers the key found at `at`."""
    for phrase in group:
        for match in phrase.variant.finditer(text, max(0, at - 20), at + length + 80):
            if match.start() <= at < match.end():
                return [(match.start(), match.end(), _cased(phrase.canonical, match.group()))]
    return []


def _cased(canonical: str, written: str) -> str:
    return canonical[:1].upper() + canonical[1:] if written[:1].isupper() else canonical
