import pytest

from parsers import main_text
from parsers.markup import looks_like_html

PAGE = """<!DOCTYPE html><html><head><title>T</title><script>var x = "<p>no</p>";</script>
<style>p{}</style></head><body>
<div id="cookie-banner" class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><nav><ul><li>Home</li><li>World</li></ul></nav></header>
<main><article><header class="entry-header"><h1>Forty-five states sign</h1><div>Posted 3 May 2027</div></header>
<p>Japan read a joint statement on behalf of&nbsp;45 countries.</p>
<ol><li>Albania</li><li>Andorra</li></ol>
<table><tr><th>No.</th><th>State</th></tr><tr><td>1</td><td>Chile<sup>*</sup></td></tr></table>
<div class="share-links"><a>Facebook</a></div>
</article><aside>Related</aside></main>
<footer class="site-footer"><p>Privacy</p></footer></body></html>"""


def test_main_text_keeps_the_body_and_drops_the_chrome():
    text = main_text(PAGE)
    assert text.splitlines() == [
        "Forty-five states sign",
        "Posted 3 May 2027",
        "Japan read a joint statement on behalf of 45 countries.",
        "Albania",
        "Andorra",
        "No. | State",
        "1 | Chile*",
    ]


def test_main_text_without_main_uses_the_body_minus_boilerplate():
    text = main_text("<html><body><nav>Menu</nav><p>One.</p><p>Two &amp; three.</p><footer>f</footer></body></html>")
    assert text == "One.\nTwo & three."


@pytest.mark.timeout(10)
def test_ten_thousand_nested_divs_keep_their_text():
    html = "<html><body>" + "<div>" * 10000 + "deep text" + "</div>" * 10000 + "<p>after</p></body></html>"
    assert main_text(html) == "deep text\nafter"


@pytest.mark.timeout(10)
def test_unclosed_tags_and_garbage_do_not_crash():
    assert "hello" in main_text("<html><body><p>hello<div><span>" + "<b>" * 5000 + "<<<>>>&&&;")


def test_html_is_told_from_text():
    assert looks_like_html(PAGE)
    assert not looks_like_html("GENEVA, July 12 - Ambassadors from 37 countries <b>signed</b> a letter.")
