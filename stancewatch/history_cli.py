"""The position-history commands: `history import|export`, `country`, `statement`.

Registered on the main Typer app by stancewatch/cli.py (`register_history_commands(app)`, at the
end of that module, since this one imports its helpers). Tables are for people (names, "29 Oct
2019"); --json is for programs (codes, ISO dates) and stays stable.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import difflib
import enum
import json
import sys
from typing import Annotated, Any

import typer

from parsers.countries import country_code, country_name, un_states
from stancewatch.cli import ConfigOption, JsonOption, fail, open_app_or_fail, settings_from
from stancewatch.views import forum_short, table
from store.authority import BASELINE, OFFICIAL, UN_PRESS
from store.engine import transaction
from store.history import (
    Conflict, CountryRecord, CountryStatement, SignatureEvidence, SourceReport, StatementDetail, StatementInfo, StatementNotFound,
    country_record, export_rows, name_of, statement_detail,
)

history_app = typer.Typer(help="The position history since 2019: the shipped baseline, and export.",
                          no_args_is_help=True)


class ExportFormat(enum.StrEnum):
    CSV = "csv"
    JSON = "json"


def register_history_commands(app: typer.Typer) -> None:
    app.add_typer(history_app, name="history")
    app.command("country")(country)
    app.command("statement")(statement)


# -- history import / export ------------------------------------------------------------------------


@history_app.command("import")
def history_import(config: ConfigOption = None, as_json: JsonOption = False) -> None:
    """Load the statements since 2019 that ship with stancewatch. Safe to repeat; alerts nobody."""
    from stancewatch.baseline import BaselineError, load_baseline
    from store.baseline import import_baseline

    # Opened without the start-up import, so that this command's own count says what it did.
    application = open_app_or_fail(dataclasses.replace(settings_from(config), history_baseline=False))
    try:
        with transaction(application.engine) as session:
            result = import_baseline(session=session, records=load_baseline())
    except BaselineError as exc:
        fail(str(exc), 1)
    finally:
        application.close()
    if as_json:
        typer.echo(json.dumps({"statements": result.total, "created": result.created, "updated": result.updated,
                               "unchanged": result.unchanged}))
    else:
        typer.echo(f"Baseline: {result.total} statements ({result.created} new, {result.updated} updated, "
                   f"{result.unchanged} unchanged)")


@history_app.command("export")
def history_export(
    config: ConfigOption = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv (with a header row) or json (an array).")]
    = ExportFormat.CSV,
) -> None:
    """Print every statement and signatory, one row each, to standard output."""
    application = open_app_or_fail(settings_from(config))
    try:
        with transaction(application.engine) as session:
            rows = [_plain(dataclasses.asdict(r)) for r in export_rows(session=session)]
    finally:
        application.close()
    if fmt is ExportFormat.JSON:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from store.history import ExportRow

    writer = csv.DictWriter(sys.stdout, fieldnames=[f.name for f in dataclasses.fields(ExportRow)], lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: _csv_cell(v) for k, v in row.items()} for row in rows)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date | dt.datetime) else v for k, v in row.items()}


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# -- country ------------------------------------------------------------------------------------------


def country(
    name_or_code: Annotated[str, typer.Argument(metavar="CODE_OR_NAME", help='"MKD", "North Macedonia", "Türkiye"…',
                                                show_default=False)],
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every joint statement a country signed or withdrew from, by year and camp."""
    settings = settings_from(config)
    code = resolve_country(name_or_code)
    application = open_app_or_fail(settings)
    try:
        with transaction(application.engine) as session:
            record = country_record(session=session, code=code, topics=application.topics)
    finally:
        application.close()
    if as_json:
        typer.echo(json.dumps(country_json(record), ensure_ascii=False, indent=2))
    else:
        typer.echo(country_text(record, application.topics))


def resolve_country(text: str) -> str:
    """The code, or exit 2 naming the input and, when one is close, the state meant."""
    code = country_code(text)
    if code is not None:
        return code
    names = {country_name(c): c for c in un_states()}
    close = difflib.get_close_matches(text.strip().title(), names, n=1, cutoff=0.75)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    fail(f'unknown country "{text}"{hint}', 2)


def country_json(record: CountryRecord) -> dict[str, Any]:
    return {
        "country": record.code,
        "name": record.name,
        "statements": [
            {"statement_id": s.statement_id, "baseline_key": s.baseline_key, "date": _iso(s.date), "year": s.year,
             "forum": s.forum, "session": s.session, "topic": s.topic, "kind": s.kind, "stance": s.stance,
             "lead": s.lead, "stated_count": s.stated_count, "named_count": s.named_count,
             "list_complete": s.list_complete, "status": s.status}
            for s in record.statements
        ],
        "camps": {str(year): camp for year, camp in record.camps().items()},
    }


def country_text(record: CountryRecord, topics: frozenset[str]) -> str:
    heading = f"{record.name} ({record.code})"
    if not record.statements:
        return f"{heading} has signed no joint statement on {_topics(topics)} that stancewatch knows of."
    rows = [[str(s.year or "—"), forum_short(s.forum, s.session), s.stance, statement_label(s), s.status]
            for s in record.statements]
    return heading + "\n" + table(["Year", "Forum", "Camp", "Statement", "Status"], rows)


def statement_label(s: CountryStatement | Any) -> str:
    """"Canada for 50 (31 Oct 2022)"; "Joint letter of 22 (8 Jul 2019)"; "China for a group (13 Sep 2022)"."""
    count = "a group" if s.stated_count is None else str(s.stated_count)
    if s.lead is not None:
        who = f"{name_of(s.lead)} for {count}"
    else:
        who = "Joint letter" + ("" if s.stated_count is None else f" of {s.stated_count}")
    return f"{who} ({day(s.date)})" if s.date else who


def _topics(topics: frozenset[str]) -> str:
    return " or ".join(t.replace("_", " ").title() for t in sorted(topics))


# -- statement ------------------------------------------------------------------------------------------


def statement(
    ref: Annotated[str, typer.Argument(metavar="ID", help='A statement id ("12") or baseline key ("2019-unga74-c3-gbr").',
                                       show_default=False)],
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """One statement: who signed it and the evidence, withdrawals, each source, and where sources disagree."""
    application = open_app_or_fail(settings_from(config))
    try:
        with transaction(application.engine) as session:
            detail = statement_detail(session=session, statement_id=ref)
    except StatementNotFound as exc:
        fail(str(exc), 2)
    finally:
        application.close()
    if as_json:
        typer.echo(json.dumps(statement_json(detail), ensure_ascii=False, indent=2))
    else:
        typer.echo(statement_text(detail))


def statement_json(d: StatementDetail) -> dict[str, Any]:
    info = _plain(dataclasses.asdict(d.statement))
    return {
        **info, "named_count": d.named_count,
        "signatories": [_evidence_json(e) for e in d.signatories],
        "withdrawn": [_evidence_json(e) for e in d.withdrawn],
        "sources": [_plain(dataclasses.asdict(s)) for s in d.sources],
        "conflicts": [
            {"field": c.field, "winner": _claim_json(c, c.winner), "claims": [_claim_json(c, s) for s in c.claims]}
            for c in d.conflicts
        ],
    }


def _evidence_json(e: SignatureEvidence) -> dict[str, Any]:
    return {"country": e.country, "name": name_of(e.country), "document_url": e.document_url,
            "document_title": e.document_title, "quote": e.quote}


def _claim_json(c: Conflict, s: SourceReport) -> dict[str, Any]:
    value = c.value_of(s)
    return {"value": value.isoformat() if isinstance(value, dt.date) else value, "document_url": s.document_url,
            "document_title": s.document_title, "authority": s.authority, "list_complete": s.list_complete}


def statement_text(d: StatementDetail) -> str:
    s = d.statement
    kind = s.kind.replace("_", " ")
    session = None if s.forum == "hrc" else s.session  # "HRC 41" already names it
    where = " · ".join(filter(None, [forum_short(s.forum, s.session), session, day(s.date) if s.date else None]))
    ident = f"id {s.id}" + (f" · baseline {s.baseline_key}" if s.baseline_key else "")
    lines = [
        f"{s.stance.capitalize()} {kind} on {_topics(frozenset({s.topic}))}: {_who(s)}",
        f"{where} · {ident}",
        counts_line(d),
        "", *signatory_lines("Signatories", d.signatories),
    ]
    if d.withdrawn:
        lines += ["", *signatory_lines("Withdrawn", d.withdrawn)]
    lines += ["", f"Sources ({len(d.sources)}), most believed first:", *(source_line(x) for x in d.sources)]
    if d.conflicts:
        lines += ["", "Sources disagree:", *(conflict_line(c) for c in d.conflicts)]
    if s.notes:
        lines += ["", f"Notes: {s.notes}"]
    return "\n".join(lines)


def _who(s: StatementInfo) -> str:
    """The heading's subject: "Canada for 44 countries", or for an unread letter its size."""
    if s.lead is not None:
        return f"{name_of(s.lead)} for {'a group of' if s.stated_count is None else s.stated_count} countries"
    return "signed by a group of countries" if s.stated_count is None else f"signed by {s.stated_count} countries"


def counts_line(d: StatementDetail) -> str:
    """Stated and named kept apart: "54 stated (Belarus included), 6 named (partial list)".

    A stated count always includes the delivering state: "Canada and 49 others" is read as 50,
    as UN records count a group statement's backers."""
    s = d.statement
    lead = f" ({name_of(s.lead)} included)" if s.lead else ""
    stated = "no number stated" if s.stated_count is None else f"{s.stated_count} stated{lead}"
    listed = "complete list" if d.statement.list_complete else "partial list"
    withdrawn = f", {len(d.withdrawn)} withdrawn" if d.withdrawn else ""
    return f"{stated}, {d.named_count} named{withdrawn} ({listed})"


def signatory_lines(label: str, evidence: tuple[SignatureEvidence, ...]) -> list[str]:
    """Countries grouped by the evidence they share, so a 50-name list is not 50 identical quotes."""
    groups: dict[tuple[str | None, str | None, str], list[str]] = {}
    for e in evidence:
        groups.setdefault((e.document_url, e.document_title, e.quote), []).append(name_of(e.country))
    lines = [f"{label} ({len(evidence)}):"]
    for (url, title, quote), names in groups.items():
        lines.append("  " + ", ".join(names))
        lines.append(f"    from {title or url or 'an unknown document'}" + (f" <{url}>" if url and title else ""))
        if quote:
            lines.append(f"    \"{quote}\"")
    return lines


def authority_label(authority: int) -> str:
    if authority >= OFFICIAL:
        return "official"
    if authority >= BASELINE:
        return "baseline"
    return "UN press" if authority >= UN_PRESS else "news"


def source_line(x: SourceReport) -> str:
    stated = "no count" if x.stated_count is None else f"{x.stated_count} stated"
    listed = ", complete list" if x.list_complete else ""
    return f"  [{authority_label(x.authority)}] {x.document_title or x.document_url}: {stated}, {x.named_count} named{listed}" \
           f"\n    {x.document_url}"


def conflict_line(c: Conflict) -> str:
    field = c.field.replace("_", " ")
    said = "; ".join(f"{_value(c.value_of(x))} ({authority_label(x.authority)}: {x.document_title or x.document_url})"
                     for x in c.claims)
    return f"  {field}: {said} -> {_value(c.value_of(c.winner))} kept ({authority_label(c.winner.authority)} source)"


def _value(value: object) -> str:
    if isinstance(value, dt.date):
        return day(value)
    return name_of(value) if isinstance(value, str) and len(value) == 3 and value.isupper() else str(value)


# -- small formats --------------------------------------------------------------------------------------


def day(date: dt.date) -> str:
    return f"{date.day} {date:%b %Y}"


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None
