"""The baseline shipped with the product: stancewatch/data/baseline.json read into plain records.

The file is package data, so an installed stancewatch has the record since 2019 without any
network or the project's reference folder. It is checked on load: a typo in a shipped code or
date would otherwise put a wrong name in front of an analyst with our evidence behind it.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from parsers.countries import un_states
from stancewatch.errors import StancewatchError
from store.baseline import BaselineRecord, BaselineWithdrawal

__all__ = ["BaselineError", "BaselineRecord", "BaselineWithdrawal", "load_baseline", "parse_baseline"]

_STANCES = frozenset({"critical", "supportive"})
_KINDS = frozenset({"joint_statement", "joint_letter"})
_FORUMS = frozenset({"unga_c3", "hrc", "unga", "unsc", "other"})
_SESSION = re.compile(r"(UNGA|HRC)\d{1,3}")


class BaselineError(StancewatchError):
    """The shipped baseline is malformed: a packaging bug, never a user's mistake."""


def load_baseline() -> list[BaselineRecord]:
    """The packaged records, sorted by date then key."""
    return list(_load())


@cache
def _load() -> tuple[BaselineRecord, ...]:
    raw = resources.files("stancewatch").joinpath("data/baseline.json").read_text(encoding="utf-8")
    return tuple(parse_baseline(json.loads(raw)))


def parse_baseline(data: Mapping[str, Any]) -> list[BaselineRecord]:
    records = [_record(entry) for entry in data["statements"]]
    keys = [r.key for r in records]
    if len(set(keys)) != len(keys):
        raise BaselineError(f"baseline: duplicate ids {sorted({k for k in keys if keys.count(k) > 1})}")
    return sorted(records, key=lambda r: (r.date, r.key))


def _record(entry: Mapping[str, Any]) -> BaselineRecord:
    key = entry.get("id", "?")
    try:
        record = BaselineRecord(
            key=str(entry["id"]), topic=str(entry["topic"]), stance=entry["stance"], kind=entry["kind"],
            forum=entry["forum"], session=entry["session"], date=dt.date.fromisoformat(entry["date"]),
            lead=entry["lead"], stated_count=entry["stated_count"], signatories=tuple(entry["signatories"]),
            list_complete=bool(entry["list_complete"]),
            withdrawals=tuple(BaselineWithdrawal(w["country"], dt.date.fromisoformat(w["date"]), w["source"])
                              for w in entry["withdrawals"]),
            sources=tuple(entry["sources"]), notes=str(entry["notes"]), uncertain=tuple(entry.get("uncertain", ())),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BaselineError(f"baseline record {key}: {exc!r}") from exc
    problems = _problems(record)
    if problems:
        raise BaselineError(f"baseline record {key}: " + "; ".join(problems))
    return record


def _problems(r: BaselineRecord) -> list[str]:
    states = frozenset(un_states())
    codes = [*r.signatories, *(w.country for w in r.withdrawals), *([r.lead] if r.lead else [])]
    checks = [
        (r.stance in _STANCES, f"stance {r.stance!r}"),
        (r.kind in _KINDS, f"kind {r.kind!r} (votes are not statements)"),
        (r.forum in _FORUMS, f"forum {r.forum!r}"),
        (bool(_SESSION.fullmatch(r.session)), f"session {r.session!r} is not like UNGA74 or HRC41"),
        (all(c in states for c in codes), f"not UN states: {sorted(set(codes) - states)}"),
        (len(set(r.signatories)) == len(r.signatories), "a signatory listed twice"),
        (r.lead is None or r.lead in r.signatories, f"lead {r.lead} is not among the signatories"),
        (r.withdrawn <= set(r.signatories), "a withdrawn state that never signed"),
        (all(w.date >= r.date for w in r.withdrawals), "a withdrawal dated before the statement"),
        (not (r.list_complete and r.stated_count not in (None, len(r.signatories))),
         f"complete list of {len(r.signatories)} but stated count {r.stated_count}"),
        (r.stated_count is None or r.stated_count > 0, "stated count must be positive"),
        (bool(r.sources), "no sources"),
    ]
    return [message for ok, message in checks if not ok]
