import pytest

from parsers import decode_document
from parsers.errors import DocumentTooLarge, ParserError, UndecodableDocument


def test_utf8_with_bom_is_decoded():
    assert decode_document("\ufeffTürkiye".encode("utf-8")) == "Türkiye"


def test_utf16_with_bom_is_decoded():
    assert decode_document("Côte d'Ivoire".encode("utf-16")) == "Côte d'Ivoire"


def test_valid_utf8_wins_over_a_wrong_meta_charset():
    data = '<meta charset="iso-8859-1"><p>Türkiye</p>'.encode("utf-8")
    assert "Türkiye" in decode_document(data)


def test_windows_1252_is_the_fallback():
    assert decode_document("Côte d’Ivoire".encode("windows-1252")) == "Côte d’Ivoire"


def test_declared_charset_is_used_when_utf8_fails():
    data = '<meta charset="koi8-r"><p>Россия</p>'.encode("koi8-r")
    assert "Россия" in decode_document(data)


def test_binary_data_is_refused():
    with pytest.raises(UndecodableDocument):
        decode_document(b"%PDF-1.4\x00\x01\x02binary")
    with pytest.raises(ParserError):
        decode_document(bytes(range(1, 32)) * 100)


def test_empty_bytes_are_an_empty_document():
    assert decode_document(b"") == ""


def test_oversized_input_is_refused(monkeypatch):
    import parsers.decode as decode

    monkeypatch.setattr(decode, "MAX_DOCUMENT_BYTES", 10)
    with pytest.raises(DocumentTooLarge):
        decode.decode_document(b"x" * 11)
