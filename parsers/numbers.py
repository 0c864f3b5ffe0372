"""Numbers as documents write them: digits, or words up to ninety-nine ("forty-three")."""
from __future__ import annotations

import re

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_TENS_RE = "|".join(_TENS)
_UNITS_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
# A number in digits or words; "one hundred" and "a hundred" for the occasional big count.
_DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
NUMBER = (
    rf"(?:\d{{1,3}}(?!\d|[.,]\d)|(?:one|a) hundred\b|(?:{_TENS_RE})(?:[- ](?:{_DIGIT_WORDS})\b)?"
    rf"|(?:{_UNITS_RE})\b)"
)
_NUMBER_RE = re.compile(NUMBER, re.I)


def parse_number(text: str) -> int | None:
    """'forty-three' -> 43, '54' -> 54; None when the text is not a number."""
    words = text.strip().lower().replace("-", " ").split()
    if not words:
        return None
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if words in (["one", "hundred"], ["a", "hundred"]):
        return 100
    total = 0
    for word in words:
        if word in _TENS and total == 0:
            total = _TENS[word]
        elif word in _UNITS and total % 10 == 0 and (total == 0 or _UNITS[word] < 10):
            total += _UNITS[word]
        else:
            return None
    return total or None
