"""Extraction benchmark: prints ONE JSON line.

    python bench/extraction.py [DIR]   (default: tests/data/corpus/docs, else ../shared/corpus/docs)

docs_per_s / mb_per_s over the corpus on one core; page_vs_bs4_ratio = time to extract a
~200 KB meetings-coverage page (a UN press release padded with speaker paragraphs on other
subjects) over BeautifulSoup(page, "lxml") alone; the 2 MB page time shows linear growth.
"""
from __future__ import annotations

import json
import os
import pathlib
import platform
import sys
import time
from collections.abc import Callable

from bs4 import BeautifulSoup

from parsers import decode_document, extract

_SPEAKER = (
    "<p>The representative of {country} said that her delegation attached great importance to the "
    "rights of persons with disabilities and to the implementation of the 2030 Agenda, and called "
    "for more resources for the treaty bodies, whose backlog of reports kept growing.</p>\n"
)
_COUNTRIES = ("Brazil", "Mexico", "India", "Nigeria", "Kenya", "Peru", "Chile", "Ghana", "Nepal", "Fiji")


def _corpus_dir(argv: list[str]) -> pathlib.Path:
    if argv:
        return pathlib.Path(argv[0])
    here = pathlib.Path(__file__).resolve().parents[1]
    for candidate in (here / "tests/data/corpus/docs", here.parent / "shared/corpus/docs"):
        if candidate.is_dir():
            return candidate
    sys.exit("no corpus directory found; pass one")


def _padded(page: str, size: int) -> str:
    """A meetings-coverage page grown to `size` with more speakers on other subjects."""
    cut = page.index("</article>")
    filler, i = [], 0
    while len(page) + sum(map(len, filler)) < size:
        filler.append(_SPEAKER.format(country=_COUNTRIES[i % len(_COUNTRIES)]))
        i += 1
    middle = len(filler) // 2
    head = page[:cut]
    # The Xinjiang statements end up buried mid-page, as on real pages.
    return head[: head.index("<h2>")] + "".join(filler[:middle]) + head[head.index("<h2>"):] + "".join(filler[middle:]) + page[cut:]


def _best(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    folder = _corpus_dir(argv)
    docs = [decode_document(p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file()]
    size = sum(len(d.encode()) for d in docs)
    corpus_s = _best(lambda: [extract(d) for d in docs], 5)
    un_pages = [d for d in docs if "Meetings Coverage" in d and "Xinjiang" in d] or [d for d in docs if "<article" in d]
    page_200k = _padded(un_pages[0], 200_000)
    page_2m = _padded(un_pages[0], 2_000_000)
    t_200k = _best(lambda: extract(page_200k), 5)
    t_bs4 = _best(lambda: BeautifulSoup(page_200k, "lxml"), 5)
    t_2m = _best(lambda: extract(page_2m), 2)
    from parsers.countries import find_countries
    from parsers.markup import main_text

    body = main_text(page_200k)
    t_gazetteer = _best(lambda: find_countries(body), 5)
    print(json.dumps({
        "docs": len(docs),
        "docs_per_s": round(len(docs) / corpus_s, 1),
        "mb_per_s": round(size / corpus_s / 1e6, 2),
        "page_200k_s": round(t_200k, 4),
        "bs4_200k_s": round(t_bs4, 4),
        "page_vs_bs4_ratio": round(t_200k / t_bs4, 2),
        "gazetteer_200k_s": round(t_gazetteer, 4),
        "ratio_without_gazetteer": round((t_200k - t_gazetteer) / t_bs4, 2),
        "page_2m_s": round(t_2m, 4),
        "growth_2m_vs_200k": round(t_2m / t_200k, 1),
        "statements_found_200k": len(extract(page_200k).statements),
        "cores": os.cpu_count(),
        "machine": f"{platform.machine()} {platform.processor() or platform.system()} py{platform.python_version()}",
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
