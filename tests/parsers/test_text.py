"""The analysis text: PDF page furniture dropped, evidence still verbatim."""
from __future__ import annotations

from parsers.text import Text


def test_a_pdf_page_header_inside_a_list_is_dropped_from_the_analysis_text() -> None:
    document = "Signed by: Austria, Belgium,\nA/C.3/78/SR.12        page 4\nCanada and Chile.\n- 5 -\nPage 2 of 9\n"
    text = Text(document, wrapped=True)
    assert [s.text for s in text.sentences] == ["Signed by: Austria, Belgium, Canada and Chile."]


def test_a_sentence_before_a_dropped_header_does_not_quote_it() -> None:
    text = Text("The end of page one.\nGE.22-12345(E)\nThe next page.", wrapped=True)
    first = text.sentences[0]
    assert text.verbatim(first.start, first.end) == "The end of page one."


def test_a_page_break_with_blank_lines_and_a_form_feed_joins_the_list_across_pages() -> None:
    document = (
        "on behalf of the following 4 States: Austria, Belgium, New Zealand, North\n\n"
        "2/3                                  28-17702\n\f                     A/C.3/83/6\n\n"
        "Macedonia and Norway.\n"
    )
    text = Text(document, wrapped=True)
    assert [s.text for s in text.sentences] == [
        "on behalf of the following 4 States: Austria, Belgium, New Zealand, North Macedonia and Norway."
    ]
