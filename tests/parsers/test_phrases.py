"""Variant phrasings are read in their canonical form, and evidence still quotes the document."""
from __future__ import annotations

from parsers.phrases import rewrites
from parsers.text import Text


def test_in_the_name_of_reads_as_on_behalf_of_keeping_the_capital() -> None:
    text = "In the name of 40 states, Chile spoke."
    assert rewrites(text) == [(0, 14, "On behalf of")]


def test_variants_across_a_line_break_are_rewritten() -> None:
    text = Text("Forty states lent\ntheir names to the statement.", wrapped=True)
    assert text.norm == "Forty states signed the statement."


def test_signed_on_is_rewritten_only_before_a_list_verb() -> None:
    assert [r[2] for r in rewrites("Among those that signed on were A and B")] == ["signed"]
    assert rewrites("The committee signed on the dotted line") == []


def test_representing_is_a_count_cue_only_before_a_number_of_states() -> None:
    assert [r[2] for r in rewrites("Norway, representing 43 countries, said")] == ["on behalf of"]
    assert rewrites("the diplomat representing Norway said") == []


def test_evidence_after_a_rewrite_is_the_document_verbatim() -> None:
    document = "Chile spoke in the name of 40 states. Peru, Cuba and Iran lent their names to it."
    text = Text(document, wrapped=False)
    assert "on behalf of" in text.norm
    for s in text.sentences:
        assert text.verbatim(s.start, s.end) in document
    last = text.sentences[-1]
    assert text.verbatim(last.start, last.end) == "Peru, Cuba and Iran lent their names to it."

