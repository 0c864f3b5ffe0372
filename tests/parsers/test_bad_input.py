"""Bad input: a correct result or a clear ParserError, never a crash or a hang."""
from __future__ import annotations

import pytest

from parsers import decode_document, extract, main_text
from parsers.errors import DocumentTooLarge, ParserError

countries = pytest.importorskip("parsers.countries")


@pytest.mark.timeout(5)
def test_empty_document_reports_nothing():
    assert extract("").to_json() == {"statements": [], "changes": []}
    assert extract("   \n\n ").statements == ()


@pytest.mark.timeout(5)
def test_binary_file_is_a_parser_error():
    with pytest.raises(ParserError):
        extract(decode_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40))


@pytest.mark.timeout(240)  # linear: a few seconds per 5 MB on one core, gazetteer included
def test_fifty_megabytes_of_text_finish_in_linear_time():
    paragraph = ("The committee continued its debate on the right to food and heard from many delegations. " * 5 + "\n\n")
    text = paragraph * (50 * 1024 * 1024 // len(paragraph))
    text += "Speaking on behalf of 44 countries, the representative of Canada expressed concern about Xinjiang."
    result = extract(text)
    assert [(s.lead, s.stated_count) for s in result.statements] == [("CAN", 44)]


def test_over_the_cap_is_a_clear_error(monkeypatch):
    import sys

    module = sys.modules["parsers.extract"]

    monkeypatch.setattr(module, "MAX_DOCUMENT_CHARS", 100)
    with pytest.raises(DocumentTooLarge):
        module.extract("x" * 101)


@pytest.mark.timeout(20)
def test_ten_thousand_nested_divs_around_a_statement():
    inner = "<p>Speaking on behalf of 39 countries, the representative of Germany urged China to end detentions in Xinjiang.</p>"
    html = "<html><body>" + "<div>" * 10000 + inner + "</div>" * 10000 + "</body></html>"
    result = extract(html)
    assert [(s.lead, s.stated_count, s.stance.value) for s in result.statements] == [("DEU", 39, "critical")]


def test_no_break_and_zero_width_spaces_do_not_hide_words():
    text = "Speaking on behalf of 43\u00a0countries, the repre\u200bsentative of France voiced con\u00adcern about Xin\u200bjiang."
    result = extract(text)
    assert [(s.lead, s.stated_count) for s in result.statements] == [("FRA", 43)]
    assert "representative" in result.statements[0].evidence.replace("\u200b", "")


def test_wrong_charset_still_reads_the_statement():
    html = '<html><head><meta charset="utf-8"></head><body><p>Speaking on behalf of 50 countries, the representative of T\xfcrkiye urged China to respect rights in Xinjiang.</p></body></html>'
    text = decode_document(html.encode("windows-1252"))
    result = extract(text)
    assert [(s.lead, s.stated_count) for s in result.statements] == [("TUR", 50)]


@pytest.mark.timeout(20)
def test_a_list_of_190_countries_is_read_whole():
    from parsers.countries import country_name, un_states

    codes = sorted(un_states() - {"CHN"})[:190]
    names = ", ".join(country_name(c) for c in codes[:-1]) + " and " + country_name(codes[-1])
    text = (f"Cuba delivered a joint statement on behalf of {len(codes)} countries supporting China on Xinjiang. "
            f"The signatories were {names}.")
    result = extract(text)
    assert len(result.statements) == 1
    found = set(result.statements[0].signatories)
    assert len(found & set(codes)) >= 0.97 * len(codes)


@pytest.mark.timeout(20)
def test_main_text_of_deep_garbage_is_bounded():
    assert main_text("<div>" * 200000) == ""
