"""Alerts printed to a terminal: the default channel when nothing else is configured."""
from __future__ import annotations

import sys
from typing import TextIO

from alerts.notices import Notice
from alerts.render import console_text


class ConsoleSender:
    def __init__(self, stream: TextIO | None = None) -> None:
        # None means "sys.stdout when printing", not at construction: pytest's capsys and
        # contextlib.redirect_stdout swap sys.stdout after the sender is built.
        self._stream = stream

    def send(self, notice: Notice) -> None:
        stream = self._stream if self._stream is not None else sys.stdout
        stream.write(console_text(notice) + "\n\n")
        stream.flush()
