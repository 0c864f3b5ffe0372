"""Our own small documents (tests/data/extraction): new wordings, countries and years, so the
recognisers are tested on more than the corpus. Each FILE has FILE-minus-suffix.expected.json;
only the fields written there are compared (signatories as sets)."""
from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

pytest.importorskip("parsers.countries")

from parsers import decode_document, extract  # noqa: E402
from tests.support.extraction_score import pair  # noqa: E402

DATA = pathlib.Path(__file__).parents[1] / "data" / "extraction"
CASES = sorted(p for p in DATA.iterdir() if not p.name.endswith(".expected.json"))


def _expected(path: pathlib.Path) -> dict[str, Any]:
    return json.loads((DATA / (path.stem + ".expected.json")).read_text())


def _problems(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    out = []
    pairs, extra, lost = pair(got["statements"], want["statements"])
    for p, w in pairs:
        for key, value in w.items():
            mine = p.get(key)
            if key == "signatories":
                mine, value = sorted(mine), sorted(value)
            if mine != value:
                out.append(f"{w.get('lead')} {key}: got {mine!r}, want {value!r}")
    out += [f"spurious {s['topic']}/{s['stance']}/{s['lead']}/{s['stated_count']}" for s in extra]
    out += [f"missed {s['topic']}/{s['stance']}/{s.get('lead')}/{s.get('stated_count')}" for s in lost]
    gc = {(c["country"], c["action"]) for c in got["changes"]}
    wc = {(c["country"], c["action"]) for c in want["changes"]}
    if gc != wc:
        out.append(f"changes extra={sorted(gc - wc)} missing={sorted(wc - gc)}")
    return out


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_own_document_reads_as_expected(path: pathlib.Path) -> None:
    got = extract(decode_document(path.read_bytes())).to_json()
    assert _problems(got, _expected(path)) == []
