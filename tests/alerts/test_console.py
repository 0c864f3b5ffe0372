"""Console alerts: plain lines, same facts, safe for a terminal."""
from __future__ import annotations

import dataclasses
import io


from alerts.console import ConsoleSender
from alerts.render import console_text
from tests.alerts.conftest import WORLD_DESK, notice


def test_a_new_statement_prints_what_who_and_the_source():
    stream = io.StringIO()
    ConsoleSender(stream=stream).send(notice())
    out = stream.getvalue()
    lines = out.splitlines()
    assert lines[0] == ("New critical joint statement on Xinjiang: United Kingdom for 23 countries "
                        "(UNGA Third Committee, 29 Oct 2019)")
    assert "Named so far (7 of 23): United States, Germany" in out
    assert "Source: Rival camps face off over Xinjiang at the UN · World Desk · 30 Oct 2019" in out
    assert "https://news.example.org/2019/10/30/rival-camps" in out
    assert out.endswith("\n\n")


def test_the_default_stream_is_stdout_at_the_time_of_sending(capsys):
    sender = ConsoleSender()  # built before capsys swapped sys.stdout in some setups
    sender.send(notice("withdrew", country="QAT", countries=("QAT",)))
    assert capsys.readouterr().out.startswith("Qatar withdrew from the critical joint statement on Xinjiang")


def test_terminal_control_sequences_in_documents_are_dropped():
    source = dataclasses.replace(WORLD_DESK, title="Evil\x1b[2J title\r\nsecond line", quote="\x07beep\u202equote")
    text = console_text(notice(source=source))
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text and "\r" not in text
    assert "Evil[2J title second line" in text
