"""In-process copy of shared/tools/score_extraction.py's logic (tests must not read ../shared).

Pairs predicted and gold statements greedily by similarity and computes the same figures.
"""
from __future__ import annotations

from typing import Any

Row = dict[str, Any]


def similarity(p: Row, g: Row) -> float:
    a, b = set(p.get("signatories") or []), set(g.get("signatories") or [])
    jac = len(a & b) / len(a | b) if a | b else 0.0

    def same(k: str) -> bool:
        return p.get(k) is not None and p.get(k) == g.get(k)

    if not (same("lead") or jac >= 0.3 or p.get("stance") == g.get("stance")):
        return 0.0
    return (jac + 1.0 * same("lead") + 0.5 * same("stated_count") + 0.25 * same("date")
            + 0.25 * (p.get("stance") == g.get("stance")) + 0.1 * same("forum") + 0.01)


def pair(pred: list[Row], gold: list[Row]) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    cands = sorted(((similarity(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for s, i, j in cands:
        if s <= 0 or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((pred[i], gold[j]))
    return (pairs, [p for i, p in enumerate(pred) if i not in used_p], [g for j, g in enumerate(gold) if j not in used_g])


def _f1(tp: int, fp: int, fn: int) -> float:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


FIELDS = ("stance", "lead", "stated_count", "forum", "date", "list_complete")


def score(pred: dict[str, Row], gold: dict[str, Row], topic: str = "xinjiang") -> dict[str, float]:
    st = [0, 0, 0]
    sig = [0, 0, 0]
    chg = [0, 0, 0]
    fields = {k: [0, 0] for k in FIELDS}
    neg_docs = neg_fp = 0
    for name, g in gold.items():
        p = pred.get(name, {"statements": [], "changes": []})
        gs = [s for s in g["statements"] if s.get("topic") == topic]
        ps = [s for s in p.get("statements") or [] if s.get("topic") == topic]
        if not gs:
            neg_docs += 1
            neg_fp += bool(ps)
        pairs, extra, lost = pair(ps, gs)
        st[0] += len(pairs)
        st[1] += len(extra)
        st[2] += len(lost)
        sig[1] += sum(len(s.get("signatories") or []) for s in extra)
        sig[2] += sum(len(s.get("signatories") or []) for s in lost)
        for a_, b_ in pairs:
            a, b = set(a_.get("signatories") or []), set(b_.get("signatories") or [])
            sig[0] += len(a & b)
            sig[1] += len(a - b)
            sig[2] += len(b - a)
            for k in FIELDS:
                fields[k][0] += a_.get(k) == b_.get(k)
                fields[k][1] += 1
        gc = {(c["country"], c["action"]) for c in g.get("changes") or []}
        pc = {(c["country"], c["action"]) for c in p.get("changes") or []}
        chg[0] += len(gc & pc)
        chg[1] += len(pc - gc)
        chg[2] += len(gc - pc)
    out = {"statement_f1": _f1(*st), "signatory_f1": _f1(*sig), "change_f1": _f1(*chg),
           "negative_fp_rate": neg_fp / neg_docs if neg_docs else 0.0}
    for k, (ok, n) in fields.items():
        out[f"{k}_acc"] = ok / n if n else 1.0
    return out
