"""The hand-labelled corpus (tests/data/corpus, a copy of shared/corpus): one test per gold
line with a field-by-field diff, and the aggregate targets computed with the scorer's logic."""
from __future__ import annotations

import json
import pathlib
from functools import cache
from typing import Any

import pytest

pytest.importorskip("parsers.countries")

from parsers import decode_document, extract  # noqa: E402
from tests.support.extraction_score import pair, score  # noqa: E402

CORPUS = pathlib.Path(__file__).parents[1] / "data" / "corpus"
GOLD = {json.loads(line)["file"].split("/")[-1]: json.loads(line) for line in (CORPUS / "gold.jsonl").read_text().splitlines() if line.strip()}
COMPARED = ("topic", "stance", "lead", "forum", "session", "stated_count", "list_complete")


@cache
def predicted(name: str) -> dict[str, Any]:
    return extract(decode_document((CORPUS / "docs" / name).read_bytes())).to_json()


def _diff(pred: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    problems = []
    pairs, extra, lost = pair(pred["statements"], gold["statements"])
    for p, g in pairs:
        for key in COMPARED:
            if p.get(key) != g.get(key):
                problems.append(f"lead={g['lead']} {key}: got {p.get(key)!r}, want {g.get(key)!r}")
        if set(p["signatories"]) != set(g["signatories"]):
            problems.append(f"lead={g['lead']} signatories extra={sorted(set(p['signatories']) - set(g['signatories']))} "
                            f"missing={sorted(set(g['signatories']) - set(p['signatories']))}")
    problems += [f"spurious statement {s['topic']}/{s['stance']}/{s['lead']}/{s['stated_count']}" for s in extra]
    problems += [f"missed statement {s['topic']}/{s['stance']}/{s['lead']}/{s['stated_count']}" for s in lost]
    got = {(c["country"], c["action"]) for c in pred["changes"]}
    want = {(c["country"], c["action"]) for c in gold["changes"]}
    if got != want:
        problems.append(f"changes extra={sorted(got - want)} missing={sorted(want - got)}")
    return problems


@pytest.mark.parametrize("name", sorted(GOLD))
def test_document_matches_its_gold_line(name: str) -> None:
    assert _diff(predicted(name), GOLD[name]) == []


@pytest.mark.parametrize("name", sorted(GOLD))
def test_evidence_is_verbatim_from_the_document(name: str) -> None:
    from parsers.markup import looks_like_html, main_text

    raw = decode_document((CORPUS / "docs" / name).read_bytes())
    visible = " ".join((main_text(raw) if looks_like_html(raw) else raw).split())
    pred = predicted(name)
    for item in pred["statements"] + pred["changes"]:
        for piece in item["evidence"].split(" ... "):
            assert piece.strip() in visible


@pytest.mark.timeout(60)
def test_corpus_meets_the_targets() -> None:
    pred = {name: predicted(name) for name in GOLD}
    figures = score(pred, GOLD)
    assert figures["statement_f1"] >= 0.98
    assert figures["signatory_f1"] >= 0.98
    assert figures["stance_acc"] >= 0.98
    assert figures["lead_acc"] >= 0.98
    assert figures["stated_count_acc"] >= 0.97
    assert figures["forum_acc"] >= 0.95
    assert figures["negative_fp_rate"] == 0.0
    assert figures["change_f1"] >= 0.95
    hong_kong = score(pred, GOLD, topic="hong_kong")
    assert hong_kong["statement_f1"] >= 0.95 and hong_kong["negative_fp_rate"] == 0.0
