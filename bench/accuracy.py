"""Extraction accuracy on every labelled set in tests/data (the corpus copy and the blind sets),
scored in-process the way shared/tools/score_extraction.py scores: one JSON line of figures.

A blind set was written by someone who had not read the extractor; its README records the
figures it gave while it was still blind. Once the extractor has been tuned on a set, its
figures here measure regressions, not generalisation.

Usage: python bench/accuracy.py [SET ...]   (default: every folder with a gold.jsonl)
"""
from __future__ import annotations

import json
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))

from parsers import decode_document, extract  # noqa: E402
from tests.support.extraction_score import score  # noqa: E402

DATA = HERE / "tests" / "data"
FIGURES = ("statement_f1", "signatory_f1", "change_f1", "stance_acc", "lead_acc", "date_acc", "negative_fp_rate")


def _score_set(folder: pathlib.Path) -> dict[str, float]:
    gold = {}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold[pathlib.Path(row["file"]).name] = row
    pred = {name: extract(decode_document((folder / "docs" / name).read_bytes())).to_json() for name in sorted(gold)}
    figures = score(pred, gold)
    return {k: round(figures[k], 3) for k in FIGURES if k in figures}


def main(names: list[str]) -> int:
    folders = [DATA / n for n in names] if names else sorted(p.parent for p in DATA.glob("*/gold.jsonl"))
    sets = {folder.name: _score_set(folder) for folder in folders}
    print(json.dumps({"sets": sets, "cores": os.cpu_count()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
