"""candidates.py: which sentences the gazetteer and the recognisers look at."""
from __future__ import annotations

from parsers.candidates import candidates, looks_like_list
from parsers.text import Text


def _worth(document: str) -> tuple[list[str], list[str]]:
    text = Text(document, wrapped=False)
    worth, gate = candidates(text.norm, text.sentences)
    return [text.sentences[i].text for i in sorted(worth)], [text.sentences[i].text for i in sorted(gate)]


def test_a_speaker_on_another_subject_is_not_looked_at() -> None:
    worth, _ = _worth("The representative of Brazil said that her delegation attached great importance to food security.")
    assert worth == []


def test_a_sentence_naming_a_statement_passes_the_gate() -> None:
    _, gate = _worth("Speaking on behalf of 45 countries, the representative of Japan said they were concerned.")
    assert len(gate) == 1


def test_a_line_of_a_signatory_list_is_looked_at_without_a_cue() -> None:
    worth, gate = _worth("Joint statement\nAlbania\nBolivia (Plurinational State of)\nCôte d'Ivoire\nSaint Vincent and the Grenadines")
    assert "Bolivia (Plurinational State of)" in worth and "Bolivia (Plurinational State of)" not in gate


def test_prose_is_not_a_list() -> None:
    assert not looks_like_list("Norway remains concerned about arbitrary detention in the region.")
    assert looks_like_list("Albania, Andorra, Australia and my own country, the United Kingdom.")
