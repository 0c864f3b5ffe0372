"""poll_feed: RSS 2.0 and Atom through a real server, conditional GET, broken feeds."""
from __future__ import annotations

import datetime as dt

import pytest

from collectors import ConditionalState, FeedParseError, poll_feed
from tests.collectors.conftest import SETTINGS

pytestmark = pytest.mark.timeout(30)

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>UN  News</title><link>https://news.un.org/</link>
<item><title>Rival statements on Xinjiang</title><link>/en/story/2019/10/1050111</link>
<guid isPermaLink="false">un-1050111</guid>
<description>&lt;p&gt;Twenty-three countries &lt;b&gt;criticised&lt;/b&gt;
   China.&lt;/p&gt;</description><pubDate>Wed, 30 Oct 2019 11:00:00 +0200</pubDate></item>
<item><title>Côte d’Ivoire signs</title><link>https://example.org/abs</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ministry</title><id>urn:m</id>
<updated>2020-10-06T12:00:00Z</updated>
<entry><title type="html">Joint statement &lt;em&gt;on Xinjiang&lt;/em&gt;</title>
<link rel="alternate" href="news/joint-statement-2020"/><id>urn:m:2020-1</id>
<updated>2020-10-06T14:30:00+02:00</updated>
<summary type="text">39 countries   &lt;fewer than last year&gt;</summary></entry>
</feed>"""

VALIDATORS = {"ETag": '"v1"', "Last-Modified": "Wed, 30 Oct 2019 09:00:00 GMT"}


def test_an_rss_feed_gives_entries_with_absolute_links_plain_summaries_and_utc_dates(web, client):
    web.route("/feeds/un.xml", RSS, content_type="application/rss+xml")
    poll = poll_feed(client, web.url("/feeds/un.xml"), settings=SETTINGS)
    assert not poll.not_modified and poll.title == "UN News"
    first, second = poll.entries
    assert first.url == web.url("/en/story/2019/10/1050111")
    assert first.guid == "un-1050111" and first.title == "Rival statements on Xinjiang"
    assert first.summary == "Twenty-three countries criticised China."
    assert first.published == dt.datetime(2019, 10, 30, 9, 0, tzinfo=dt.timezone.utc)
    assert second.title == "Côte d’Ivoire signs" and second.url == "https://example.org/abs"
    assert second.published is None and second.summary == ""


def test_an_atom_feed_resolves_links_against_the_feed_and_keeps_plain_text_as_written(web, client):
    web.route("/ministry/atom", ATOM, content_type="application/atom+xml")
    (entry,) = poll_feed(client, web.url("/ministry/atom"), settings=SETTINGS).entries
    assert entry.url == web.url("/ministry/news/joint-statement-2020")
    assert entry.guid == "urn:m:2020-1" and entry.title == "Joint statement on Xinjiang"
    assert entry.summary == "39 countries <fewer than last year>"
    assert entry.published == dt.datetime(2020, 10, 6, 12, 30, tzinfo=dt.timezone.utc)


def test_relative_links_resolve_against_the_url_after_redirects(web, client):
    web.redirect("/old.xml", "/new/feed.xml", status=301)
    web.route("/new/feed.xml", RSS.replace("/en/story", "story"), content_type="application/rss+xml")
    poll = poll_feed(client, web.url("/old.xml"), settings=SETTINGS)
    assert poll.url == web.url("/new/feed.xml")
    assert poll.entries[0].url == web.url("/new/story/2019/10/1050111")


def test_a_second_poll_asks_conditionally_and_gets_not_modified(web, client):
    web.route("/feed.xml", RSS, content_type="application/rss+xml", headers=VALIDATORS)
    first = poll_feed(client, web.url("/feed.xml"), settings=SETTINGS)
    assert first.state == ConditionalState(etag='"v1"', last_modified=VALIDATORS["Last-Modified"])
    second = poll_feed(client, web.url("/feed.xml"), settings=SETTINGS, state=first.state)
    assert second.not_modified and second.entries == () and second.state == first.state
    sent = web.requests[1].headers
    assert sent.get("If-None-Match") == '"v1"'
    assert sent.get("If-Modified-Since") == VALIDATORS["Last-Modified"]


def test_a_not_modified_answer_without_validators_keeps_the_old_ones(web, client):
    web.route("/feed.xml", RSS, content_type="application/rss+xml", headers=VALIDATORS,
              validators_on_304=False)
    state = ConditionalState(etag='"v1"', last_modified=VALIDATORS["Last-Modified"])
    poll = poll_feed(client, web.url("/feed.xml"), settings=SETTINGS, state=state)
    assert poll.not_modified and poll.state == state


def test_a_changed_feed_is_downloaded_with_its_new_validators(web, client):
    web.route("/feed.xml", RSS, content_type="application/rss+xml", headers={"ETag": '"v2"'})
    poll = poll_feed(client, web.url("/feed.xml"), settings=SETTINGS,
                     state=ConditionalState(etag='"v1"'))
    assert not poll.not_modified and len(poll.entries) == 2
    assert poll.state == ConditionalState(etag='"v2"', last_modified=None)


def test_malformed_xml_is_a_feed_parse_error_that_says_why(web, client):
    web.route("/garbage.xml", "<rss><channel><item><title>unclosed", content_type="application/rss+xml")
    with pytest.raises(FeedParseError, match="not an RSS/Atom feed: .+"):
        poll_feed(client, web.url("/garbage.xml"), settings=SETTINGS)


def test_an_html_page_is_not_a_feed(web, client):
    web.route("/home", "<html><head><title>Home</title></head><body><p>hi</p></body></html>")
    with pytest.raises(FeedParseError, match="not an RSS/Atom feed"):
        poll_feed(client, web.url("/home"), settings=SETTINGS)


def test_a_feed_with_a_broken_tail_keeps_the_entries_it_could_read(web, client):
    broken = RSS.replace("</channel></rss>", "<item><title>cut off")
    web.route("/feed.xml", broken, content_type="application/rss+xml")
    poll = poll_feed(client, web.url("/feed.xml"), settings=SETTINGS)
    assert [e.title for e in poll.entries][:2] == ["Rival statements on Xinjiang", "Côte d’Ivoire signs"]


def test_a_feed_in_windows_1252_is_read_with_the_charset_from_the_header(web, client):
    body = RSS.replace(' encoding="utf-8"', "").encode("cp1252")
    web.route("/feed.xml", body, content_type="application/rss+xml; charset=windows-1252")
    poll = poll_feed(client, web.url("/feed.xml"), settings=SETTINGS)
    assert poll.entries[1].title == "Côte d’Ivoire signs"


def test_an_empty_but_valid_feed_has_no_entries(web, client):
    web.route("/empty.xml", '<rss version="2.0"><channel><title>Quiet</title></channel></rss>',
              content_type="application/rss+xml")
    poll = poll_feed(client, web.url("/empty.xml"), settings=SETTINGS)
    assert poll.entries == () and poll.title == "Quiet"


def test_summaries_keep_words_whole_and_paragraphs_apart(web, client):
    item = ("<item><title>t</title><link>https://example.org/x</link><description>"
            "&lt;p&gt;Chile&lt;/p&gt;&lt;p&gt;T&amp;uuml;rk&lt;em&gt;iye&lt;/em&gt; &amp;amp; Cuba&lt;/p&gt;"
            "</description></item>")
    web.route("/f", f'<rss version="2.0"><channel><title>x</title>{item}</channel></rss>',
              content_type="application/rss+xml")
    (entry,) = poll_feed(client, web.url("/f"), settings=SETTINGS).entries
    assert entry.summary == "Chile Türkiye & Cuba"


def test_links_that_are_not_web_pages_are_dropped_but_the_entry_kept(web, client):
    items = "".join(f"<item><title>{n}</title><link>{link}</link></item>" for n, link in
                    [("js", "javascript:alert(1)"), ("v6", "http://[broken/x"), ("mail", "mailto:a@b.org")])
    web.route("/f", f'<rss version="2.0"><channel><title>x</title>{items}</channel></rss>',
              content_type="application/rss+xml")
    entries = poll_feed(client, web.url("/f"), settings=SETTINGS).entries
    assert [(e.title, e.url) for e in entries] == [("js", None), ("v6", None), ("mail", None)]
