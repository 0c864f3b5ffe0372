"""Durations ("15m", "1h30m") and sizes ("5MB") as people write them in configuration."""
from __future__ import annotations

import datetime as dt
import re

_DURATION_PART = re.compile(r"(\d+)\s*(d|h|m|s)")
_DURATION = re.compile(r"\s*(?:\d+\s*[dhms]\s*)+")
_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_SIZE = re.compile(r"\s*(\d+)\s*(b|kb|kib|mb|mib|gb|gib)?\s*", re.IGNORECASE)
_SIZE_FACTOR = {None: 1, "b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2, "gb": 1000**3, "gib": 1024**3}


def parse_duration(text: str) -> dt.timedelta | None:
    """"90s", "15m", "1h", "1d", "1h30m" -> timedelta; None when it is not a duration."""
    if not _DURATION.fullmatch(text):
        return None
    seconds = sum(int(n) * _UNIT_SECONDS[unit] for n, unit in _DURATION_PART.findall(text))
    return dt.timedelta(seconds=seconds)


def format_duration(value: dt.timedelta) -> str:
    seconds = int(value.total_seconds())
    parts = []
    for unit, size in _UNIT_SECONDS.items():
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


def parse_size(text: str) -> int | None:
    """"5MB", "512KiB", "1000" -> bytes; None when it is not a size."""
    match = _SIZE.fullmatch(text)
    if not match:
        return None
    unit = match.group(2).lower() if match.group(2) else None
    return int(match.group(1)) * _SIZE_FACTOR[unit]
