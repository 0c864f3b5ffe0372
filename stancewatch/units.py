"""Durations ("15m", "1h30m") and sizes ("5MB") as people write them in configuration.

Pure functions that return None for text they do not understand, so that the caller, which knows
the file, line and key, writes the error message.
"""
from __future__ import annotations

import datetime as dt
import re

# Units from largest to smallest, each at most once: "1h30m" yes, "30m1h" and "1m1m" no (a typo
# more often than a wish). Spaces between the parts are allowed: "1h 30m".
_DURATION = re.compile(r"(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?")
_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
# A longer interval than this is a mistake, and timedelta overflows long before digits run out.
_LONGEST = dt.timedelta(days=3650)

# Binary multiples whichever way they are spelt, as in nginx and Docker: "5MB" is 5 * 1024 * 1024,
# the same cap the HTTP client has by default, so the example file's "5MB" is the default.
_SIZE = re.compile(r"(\d+)\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?", re.IGNORECASE)
_SIZE_FACTOR = {None: 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2,
                "mib": 1024**2, "g": 1024**3, "gb": 1024**3, "gib": 1024**3}


def parse_duration(text: str) -> dt.timedelta | None:
    """"90s", "15m", "1h", "1d", "1h30m" -> timedelta; None when it is not a duration (or is
    longer than ten years, which no polling interval means)."""
    match = _DURATION.fullmatch(text.strip())
    if not text.strip() or not match:
        return None
    days, hours, minutes, seconds = (int(part or 0) for part in match.groups())
    total = ((days * 24 + hours) * 60 + minutes) * 60 + seconds
    if total > _LONGEST.total_seconds():
        return None
    return dt.timedelta(seconds=total)


def format_duration(value: dt.timedelta) -> str:
    """The inverse of parse_duration, for messages: 5400 s -> "1h30m"."""
    seconds = int(value.total_seconds())
    parts = []
    for unit, size in _UNIT_SECONDS.items():
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    return "".join(parts) or "0s"


def parse_size(text: str) -> int | None:
    """"5MB", "512KB", "512KiB", "1000" -> bytes (KB = 1024); None when it is not a size."""
    match = _SIZE.fullmatch(text.strip())
    if not match:
        return None
    unit = match.group(2).lower() if match.group(2) else None
    return int(match.group(1)) * _SIZE_FACTOR[unit]
