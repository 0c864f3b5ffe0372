"""fetch_page: charsets, canonical URLs, titles and what is not a page."""
from __future__ import annotations

import pytest

from collectors import UnsupportedContent, fetch_page
from collectors.pages import clean_url, decode
from tests.collectors.conftest import SETTINGS

pytestmark = pytest.mark.timeout(30)

CP1252_PAGE = ("<html><head><title>Canada and 49 others</title></head><body>"
               "<p>Côte d’Ivoire, Türkiye and Czechia — “joined”.</p></body></html>").encode("cp1252")


def page(head: str = "", body: str = "<p>text</p>") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_a_windows_1252_page_without_a_charset_header_decodes_right(web, client):
    assert b"\x92" in CP1252_PAGE and b"\xfc" in CP1252_PAGE
    web.route("/canada", CP1252_PAGE, content_type="text/html")
    fetched = fetch_page(client, web.url("/canada"), settings=SETTINGS)
    assert "Côte d’Ivoire, Türkiye" in fetched.html and "“joined”" in fetched.html
    assert fetched.encoding == "windows-1252" and fetched.content_type == "text/html"
    assert fetched.title == "Canada and 49 others"


def test_the_header_charset_beats_a_wrong_meta(web, client):
    markup = page('<meta charset="windows-1252"><title>t</title>', "<p>Côte d’Ivoire</p>")
    web.route("/p", markup.encode("utf-8"), content_type="text/html; charset=UTF-8")
    fetched = fetch_page(client, web.url("/p"), settings=SETTINGS)
    assert "Côte d’Ivoire" in fetched.html and fetched.encoding == "utf-8"


def test_a_meta_charset_is_used_when_the_header_has_none(web, client):
    markup = page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">',
                  "<p>€ 50 — Türkiye</p>".replace("—", "-"))
    web.route("/p", markup.encode("iso-8859-15"), content_type="text/html")
    fetched = fetch_page(client, web.url("/p"), settings=SETTINGS)
    assert "€ 50 - Türkiye" in fetched.html and fetched.encoding == "iso8859-15"


def test_a_charset_label_python_does_not_know_is_ignored(web, client):
    web.route("/p", page(body="<p>Türkiye</p>").encode("utf-8"), content_type="text/html; charset=x-klingon")
    fetched = fetch_page(client, web.url("/p"), settings=SETTINGS)
    assert "Türkiye" in fetched.html and fetched.encoding == "utf-8"


def test_latin_1_labels_mean_windows_1252_as_in_browsers(web, client):
    web.route("/p", CP1252_PAGE, content_type="text/html; charset=ISO-8859-1")
    assert "Côte d’Ivoire" in fetch_page(client, web.url("/p"), settings=SETTINGS).html


def test_a_byte_order_mark_decides_when_nothing_else_is_declared():
    text, encoding = decode("\ufeff<p>Türkiye</p>".encode("utf-16-le"), header_charset=None)
    assert text == "<p>Türkiye</p>" and encoding == "utf-16-le"
    text, encoding = decode(b"\xef\xbb\xbf<p>T\xc3\xbcrkiye</p>", header_charset="utf-8")
    assert text == "<p>Türkiye</p>"


def test_the_canonical_link_becomes_the_page_url_without_tracking_or_fragment(web, client):
    head = '<link rel="canonical" href="/world/2019/10/30/story?id=7&amp;utm_source=rss#top">'
    web.route("/amp/story", page(head))
    fetched = fetch_page(client, web.url("/amp/story?utm_medium=feed"), settings=SETTINGS)
    assert fetched.url == web.url("/world/2019/10/30/story?id=7")
    assert fetched.requested_url == web.url("/amp/story?utm_medium=feed")


def test_without_a_canonical_link_the_final_url_is_cleaned(web, client):
    web.redirect("/s", "/story?fbclid=abc&gclid=x&page=2#comments")
    web.route("/story", page())
    assert fetch_page(client, web.url("/s"), settings=SETTINGS).url == web.url("/story?page=2")


@pytest.mark.parametrize("href", ["/", "javascript:void(0)", "ftp://example.org/x"])
def test_a_canonical_link_to_the_home_page_or_another_scheme_is_ignored(web, client, href):
    web.route("/world/story", page(f'<link rel="canonical" href="{href}">'))
    assert fetch_page(client, web.url("/world/story"), settings=SETTINGS).url == web.url("/world/story")


def test_og_title_is_preferred_to_the_title_tag(web, client):
    head = '<title>Story | Site</title><meta property="og:title" content="  Rival   statements ">'
    web.route("/p", page(head))
    assert fetch_page(client, web.url("/p"), settings=SETTINGS).title == "Rival statements"


@pytest.mark.parametrize("content_type,body", [
    ("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
    ("image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("application/octet-stream", b"\x00\x01\x02\x03binary\x00\xff"),
    (None, b"\x00\x01\x02\x03binary\x00\xff"),
    ("text/html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
])
def test_binary_content_is_rejected(web, client, content_type, body):
    web.route("/file", body, content_type=content_type)
    with pytest.raises(UnsupportedContent):
        fetch_page(client, web.url("/file"), settings=SETTINGS)


def test_a_page_without_content_type_is_sniffed_as_html_or_text(web, client):
    web.route("/html", CP1252_PAGE, content_type=None)
    web.route("/txt", "23 countries signed.\nCôte d’Ivoire withdrew.", content_type=None)
    html = fetch_page(client, web.url("/html"), settings=SETTINGS)
    text = fetch_page(client, web.url("/txt"), settings=SETTINGS)
    assert html.content_type == "text/html" and "Côte d’Ivoire" in html.html
    assert text.content_type == "text/plain" and text.html == "23 countries signed.\nCôte d’Ivoire withdrew."


def test_a_plain_text_page_is_returned_as_text_at_its_url(web, client):
    web.route("/wire.txt", "<Reuters> 37 countries back China", content_type="text/plain; charset=utf-8")
    fetched = fetch_page(client, web.url("/wire.txt"), settings=SETTINGS)
    assert fetched.html == "<Reuters> 37 countries back China" and fetched.title is None


def test_clean_url_leaves_a_clean_query_byte_for_byte():
    assert clean_url("https://a.org/x?q=a%20b&b=%2F#f") == "https://a.org/x?q=a%20b&b=%2F"
    assert clean_url("https://a.org/x?UTM_Source=1&q=2") == "https://a.org/x?q=2"


def test_a_broken_canonical_or_base_falls_back_to_the_final_url(web, client):
    web.route("/story", page('<base href="http://[x"><link rel="canonical" href="http://[broken/">'))
    assert fetch_page(client, web.url("/story"), settings=SETTINGS).url == web.url("/story")


def test_a_base_href_is_honoured_for_a_relative_canonical(web, client):
    web.route("/amp/1", page('<base href="/news/"><link rel="canonical" href="2019/story">'))
    assert fetch_page(client, web.url("/amp/1"), settings=SETTINGS).url == web.url("/news/2019/story")


def test_a_utf8_page_with_a_bom_and_no_content_type_is_html(web, client):
    web.route("/bom", "\ufeff<!DOCTYPE html><title>Türkiye</title>".encode("utf-8"), content_type=None)
    fetched = fetch_page(client, web.url("/bom"), settings=SETTINGS)
    assert fetched.content_type == "text/html" and fetched.title == "Türkiye"
    assert not fetched.html.startswith("\ufeff")
