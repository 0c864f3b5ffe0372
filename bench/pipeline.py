"""Whole-cycle benchmark: prints ONE JSON line.

    python bench/pipeline.py [--items N] [--baseline]   (N defaults to 200)

One feed on a loopback web server (tests/support/http_server.py) with N items linking to
article pages made from the corpus documents (tests/data/corpus/docs), each page a distinct
document (its own URL and canonical link, plus a unique closing paragraph; the statements are
the corpus's), and N/10 off-topic items the relevance filter must skip. Alerts go to the fake
Slack Web API (tests/support/slack_server.py). The pipeline runs in this process on a SQLite
file in a temporary directory:

startup_s       open_app: migrations, sources and subscribers (and, with --baseline, the
                shipped history import);
first_cycle_s   run_cycle(everything=True): feed, page fetches, extraction, storage, Slack;
docs_per_s      documents processed per second of that first cycle, all of it included;
second_cycle_s  the same again: the feed answers 304, so nothing is fetched or sent.

Exits 1 (after printing the line) when the figures are not what the run must give: one
document per relevant item, no off-topic page fetched, nothing done by the second cycle.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import os
import pathlib
import platform
import re
import sys
import tempfile
import time
from email.utils import format_datetime
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.support is not part of the installed package

from parsers import decode_document, is_relevant, main_text  # noqa: E402
from stancewatch.app import open_app  # noqa: E402
from stancewatch.config import load_settings  # noqa: E402
from stancewatch.pipeline import run_cycle  # noqa: E402
from tests.support.http_server import HttpServer  # noqa: E402
from tests.support.slack_server import SlackServer  # noqa: E402

TOKEN = "xoxb-bench-token"
CHANNEL = "#xinjiang-watch"
CORPUS = ROOT / "tests/data/corpus/docs"
_CANONICAL = re.compile(r'(<link\s+rel="canonical"\s+href=")[^"]*(")', re.I)
_TITLE = re.compile(r"<title>(.*?)</title>", re.I | re.S)
_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_OFF_TOPIC = (
    ("Rain expected across the region this weekend", "Forecasters say a cold front will bring showers."),
    ("City council approves new cycle lanes", "The plan adds twelve kilometres of protected lanes."),
    ("Local team wins cup final on penalties", "A late equaliser forced extra time before the shoot-out."),
    ("Central bank holds interest rates steady", "Policymakers cited easing inflation and a firm labour market."),
    ("Museum reopens after two-year renovation", "The east wing now houses the textile collection."),
)


class CorpusDoc:
    def __init__(self, path: pathlib.Path) -> None:
        self.name = path.stem
        self.is_html = path.suffix == ".html"
        self.markup = decode_document(path.read_bytes())
        text = main_text(self.markup) if self.is_html else self.markup
        found = _TITLE.search(self.markup) if self.is_html else None
        if found:
            self.title = html.unescape(" ".join(found.group(1).split()))
        else:
            self.title = next(line for line in text.splitlines() if line.strip()).removeprefix("Title:").strip()
        self.summary = " ".join(text.split())[:400]
        date = _FULL_DATE.search(self.name)
        self.published = dt.datetime(*map(int, date.groups()), 9, tzinfo=dt.timezone.utc) if date else None

    def page(self, url: str, note: str) -> str:
        """This document as its own page: its own canonical URL and one closing paragraph more."""
        if not self.is_html:
            return f"{self.markup.rstrip()}\n\n{note}\n"
        markup = _CANONICAL.sub(lambda m: f"{m.group(1)}{url}{m.group(2)}", self.markup)
        for end in ("</article>", "</main>", "</body>"):
            if end in markup:
                cut = markup.index(end)
                return f"{markup[:cut]}<p>{note}</p>\n{markup[cut:]}"
        return f"{markup}<p>{note}</p>"


def _item(title: str, link: str, summary: str, published: dt.datetime | None) -> str:
    date = f"<pubDate>{format_datetime(published, usegmt=True)}</pubDate>" if published else ""
    return (f"<item><title>{escape(title)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
            f"<description>{escape(summary)}</description>{date}</item>")


def build_site(web: HttpServer, items: int) -> tuple[int, int, list[str]]:
    """Route the pages and the feed; (relevant items, off-topic items, off-topic page paths)."""
    docs = [CorpusDoc(p) for p in sorted(CORPUS.iterdir()) if p.suffix in (".html", ".txt")]
    # Only documents whose feed item passes the relevance filter, so that every linked page counts.
    pool = [d for d in docs if is_relevant(d.title, d.summary)]
    entries = []
    for i in range(items):
        doc = pool[i % len(pool)]
        path = f"/news/{i:05d}-{doc.name}"
        token = hashlib.sha256(f"{doc.name}/{i}".encode()).hexdigest()[:16]
        note = f"Desk archive reference {token}, kept for the weekly reading list."
        web.route(path, doc.page(web.url(path), note),
                  content_type="text/html; charset=utf-8" if doc.is_html else "text/plain; charset=utf-8")
        entries.append(_item(doc.title, web.url(path), doc.summary, doc.published))
    off_topic_paths = []
    for i in range(max(1, items // 10)):
        title, summary = _OFF_TOPIC[i % len(_OFF_TOPIC)]
        path = f"/local/{i:05d}"
        web.route(path, f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                        f"<p>{summary}</p></article></body></html>")
        entries.insert(i * 10 % (len(entries) + 1), _item(f"{title} ({i})", web.url(path), summary, None))
        off_topic_paths.append(path)
    feed = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>World Desk</title>'
            '<link>http://example.org/</link><description>news</description>'
            f'{"".join(entries)}</channel></rss>')
    web.route("/feed.xml", feed, content_type="application/rss+xml",
              headers={"ETag": '"bench-v1"', "Last-Modified": "Wed, 30 Oct 2019 09:00:00 GMT"})
    return items, len(off_topic_paths), off_topic_paths


def config(feed_url: str, slack_api_url: str, baseline: bool) -> str:
    return "\n".join([
        '[database]\nurl = "sqlite:///stancewatch.db"\n',
        f"[history]\nbaseline = {str(baseline).lower()}\n",
        f'[[sources]]\nname = "world-desk"\nurl = "{feed_url}"\ninterval = "15m"\n',
        f'[slack]\napi_url = "{slack_api_url}"\n',
        f'[[subscribers]]\nname = "desk"\nslack_channel = "{CHANNEL}"\n',
        "[http]\nconnect_timeout = 2\nread_timeout = 5\ntotal_timeout = 10\n",
    ])


def _timed(fn):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--items", type=int, default=200, help="feed items linking to corpus pages")
    parser.add_argument("--baseline", action="store_true", help="import the shipped history at startup")
    args = parser.parse_args(argv)
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="stancewatch-bench-") as tmp, \
            HttpServer() as web, SlackServer(token=TOKEN) as slack:
        workdir = pathlib.Path(tmp)
        relevant, off_topic, off_topic_paths = build_site(web, args.items)
        (workdir / "stancewatch.toml").write_text(config(web.url("/feed.xml"), slack.api_url, args.baseline),
                                                  encoding="utf-8")
        settings = load_settings("stancewatch.toml", env={"STANCEWATCH_SLACK_TOKEN": TOKEN}, cwd=workdir)
        app, startup_s = _timed(lambda: open_app(settings))
        try:
            first, first_s = _timed(lambda: run_cycle(app, everything=True))
            messages = len(slack.messages)
            requests = len(web.requests)
            second, second_s = _timed(lambda: run_cycle(app, everything=True))
        finally:
            app.close()
        db_bytes = sum(p.stat().st_size for p in workdir.glob("stancewatch.db*"))
        if first.documents != relevant:
            problems.append(f"first cycle processed {first.documents} documents for {relevant} relevant items")
        if first.errors or second.errors:
            problems.append(f"errors: {(first.errors + second.errors)[:3]}")
        if any(web.requests_to(p) for p in off_topic_paths):
            problems.append("an off-topic page was fetched")
        if second.documents or second.changes or len(slack.messages) != messages:
            problems.append("the second cycle did something")
        last = web.requests[-1]
        if len(web.requests) != requests + 1 or last.path != "/feed.xml" or not last.headers.get("If-None-Match"):
            problems.append("the second cycle did more than a conditional GET of the feed")
    print(json.dumps({
        "items": relevant,
        "off_topic_items": off_topic,
        "documents": first.documents,
        "changes": first.changes,
        "slack_messages": messages,
        "baseline": args.baseline,
        "startup_s": round(startup_s, 3),
        "first_cycle_s": round(first_s, 3),
        "docs_per_s": round(first.documents / first_s, 1),
        "second_cycle_s": round(second_s, 4),
        "db_bytes": db_bytes,
        "cores": os.cpu_count(),
        "machine": f"{platform.machine()} {platform.processor() or platform.system()} py{platform.python_version()}",
    }))
    for problem in problems:
        print(f"bench/pipeline.py: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
