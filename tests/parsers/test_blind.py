"""Blind test: documents written without reading the extractor, labelled by the corpus guide.

tests/data/blind/ holds 13 invented documents (2024-2031) in the corpus's kinds: UN meetings
coverage, government pages with full lists, wire stories with distractors, an RSS item, a
PDF-to-text dump, an NGO explainer, a withdrawal/late-join report and two hard negatives.
The product's target on unseen documents is statement F1 and signatory F1 of at least 0.95
(Xinjiang statements only).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import parsers
from tests.support.extraction_score import score

DATA = Path(__file__).resolve().parent.parent / "data"
TARGET = 0.95


def _gold(folder: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return {Path(r["file"]).name: r for r in rows}


def _predict(folder: Path, names: list[str]) -> dict[str, dict]:
    out = {}
    for name in names:
        document = parsers.decode_document((folder / "docs" / name).read_bytes())
        out[name] = parsers.extract(document).to_json()
    return out


# Each set was blind when written; once the extractor was tuned against it, it became a
# regression test and the next set took over the honest measurement (see each folder's README).
@pytest.mark.parametrize("folder", [
    "blind",  # measured blind: statement F1 0.829, signatory F1 0.732; 1.0 after tuning on it
    "blind2",  # measured blind: statement F1 0.857, signatory F1 0.822; 1.0 after tuning on it
    # measured blind: statement F1 0.958, signatory F1 0.924, change F1 0.40; tuned on it since
    "blind3",
    "blind4",  # measured blind: statement F1 0.927, signatory F1 0.605, change F1 0.44; tuned since
    "blind5",  # measured blind: statement F1 0.865, signatory F1 0.568, change F1 0.50; tuned since
    "blind6",  # measured blind: statement F1 0.857, signatory F1 0.892, change F1 1.0; tuned since
    "blind7",  # measured blind: statement F1 0.824, signatory F1 0.942, change F1 0.667; tuned since
    "blind9",  # measured blind: statement F1 1.0, signatory F1 0.683 (one 68-name list); tuned since
    "blind10",  # measured blind: statement F1 1.0, signatory F1 1.0, change F1 1.0
    "blind11",  # measured blind: statement F1 0.930, signatory F1 0.987, change F1 0.667; tuned since
    "blind12",  # measured blind: statement F1 0.941, signatory F1 0.991, change F1 1.0; tuned since
    "blind13",  # measured blind: statement F1 0.973, signatory F1 0.959, change F1 0.0; tuned since
    "blind14",  # measured blind: statement F1 0.875, signatory F1 0.949, change F1 1.0; tuned since
    "blind15",  # measured blind: statement F1 0.900, signatory F1 0.941, change F1 1.0; tuned since
    "blind16",  # measured blind: statement F1 1.0, signatory F1 0.979, change F1 1.0; tuned since
    "blind17",  # measured blind: statement F1 0.983, signatory F1 0.982, change F1 1.0; tuned since
    "blind18",  # measured blind: statement F1 0.952, signatory F1 0.996, change F1 1.0; tuned since
    "blind20",  # measured blind: statement F1 0.955, signatory F1 0.991, change F1 1.0; not tuned on
])
def test_blind_extraction_meets_target(folder):
    gold = _gold(DATA / folder)
    figures = score(_predict(DATA / folder, sorted(gold)), gold)
    assert figures["statement_f1"] >= TARGET and figures["signatory_f1"] >= TARGET, figures


# Sets still below the target after tuning: a floor at today's figures keeps them from getting
# worse. blind8 (measured blind: 0.833 / 0.758 / change 0.0) misses a list that a parliament
# report's footnotes cut in two, and the stance of a statement whose camp only a reader of the
# whole long-read infers.
# blind19 (measured blind on the same code as blind20, never tuned on: 0.966 / 0.917) misses
# the partial list of a statement a page says its country "co-signed", and backers named in
# a wire story's second camp.
FLOORS = {"blind8": (0.95, 0.91), "blind19": (0.96, 0.91)}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_blind_extraction_does_not_fall_below_its_floor(folder):
    gold = _gold(DATA / folder)
    figures = score(_predict(DATA / folder, sorted(gold)), gold)
    statement_floor, signatory_floor = FLOORS[folder]
    assert figures["statement_f1"] >= statement_floor and figures["signatory_f1"] >= signatory_floor, figures
