"""Published signatory lists: runs of lines that each hold a few country names, the heading
above them, tables of who signed which year; and the statement each list belongs to."""
from __future__ import annotations

import re

from parsers.clusters import Cluster
from parsers.leads import Mention
from parsers.text import Text


_LINE_FILLER = re.compile(
    r"\b(?:and|the|my own country|WEOG|EEG|GRULAC|Asia-Pacific|African|Africa|Asia|Europe|Eastern European|"
    r"Western European and Others|Latin America and Caribbean|Group)\b",
    re.I,
)
# "51 | United Republic of Tanzania * | 2 July 2029": a table row's date of adherence.
_LINE_DATE = re.compile(
    r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b"
)
_COUNTRY_LINE_RESIDUE = re.compile(r"[\s,;.*|:\d()#†‡-]+")
_NEGATIVE_HEADING = re.compile(r"\b(?:vot\w+|against|abstain\w*|in favou?r|members of the council|did not sign|non-signator\w*)\b", re.I)
# "GRULAC", "Asia-Pacific Group": a heading inside a list split by regional group.
GROUP_HEADING = re.compile(
    r"^(?:African|Asia-Pacific|Asian|Asia and the Pacific|Eastern European|Latin American and Caribbean|Western European and (?:Other|others)|"
    r"GRULAC|WEOG|EEG|Africa|Americas|Asia|Europe|Oceania|Pacific|Middle East)(?: States)?(?: Group)?(?: \(\d+\))?$",
    re.I,
)


def is_country_line(sentence: str, ms: list[Mention]) -> bool:
    names = [m for m in ms if m.kind == "name"]
    if not names or len(names) > 4:
        return False
    if len(sentence) - sum(m.end - m.start for m in names) > 60:
        return False  # prose, not a list line (cheap test first: most sentences end here)
    rest = sentence
    for m in reversed(names):
        rest = rest[:m.start] + rest[m.end:]
    rest = _LINE_FILLER.sub(" ", _LINE_DATE.sub(" ", rest))
    return len(_COUNTRY_LINE_RESIDUE.sub("", rest)) <= 3

def attach_block(block: list[int], text: Text, mentions: list[list[Mention]], current: Cluster | None,
                  clusters: list[Cluster], doc_year: int | None = None) -> None:
    """A run of lines that each hold one or a few country names: a published signatory list."""
    names = sum(1 for i in block for m in mentions[i] if m.kind == "name")
    if current is None or (len(block) < 3 and names < 3):
        return  # one or two lines of one or two names: not a list
    heading = text.sentences[block[0] - 1].text if block[0] > 0 else ""
    years = _YEAR_COLUMNS.match(heading)
    if years is not None:
        _attach_year_table(block, text, mentions, clusters, [int(y) for y in _YEAR.findall(heading)])
        return
    if _NEGATIVE_HEADING.search(heading):
        return
    heading_mentions = mentions[block[0] - 1] if block[0] > 0 else []
    current, part = _block_target(heading, heading_mentions, current, clusters, doc_year)
    for i in block:
        line = text.sentences[i].text
        for m in mentions[i]:
            if m.kind != "name":
                continue
            if re.search(r"\bmy own country,?\s+(?:the\s+)?$", line[:m.start], re.I) and current.lead is None:
                current.lead, current.lead_strong = m.code, True
            current.signatories.setdefault(m.code, i)
            if "*" in line[m.end:m.end + 3]:
                current.starred.append(m.code)
        if i not in current.list_sentences:
            current.list_sentences.append(i)
    if part:
        current.partial = True
    else:
        current.complete = True


# "Four countries signed the statement for the first time this year:", "Three countries that
# signed last year's Japanese-led text are absent this time:": part of one year's list.
_PART_HEADING = re.compile(r"\b(?:for the first time|newcomers?|new names|no longer|absent|dropped|left|including|among)\b", re.I)
_THIS_YEAR_HEADING = re.compile(r"\b(?:for the first time|this year|newcomers?|new names)\b", re.I)


def _block_target(heading: str, heading_mentions: list[Mention], current: Cluster, clusters: list[Cluster],
                  doc_year: int | None) -> tuple[Cluster, bool]:
    """The statement a list under this heading belongs to, and whether the list is only part of it."""
    part = _PART_HEADING.search(heading) is not None
    leads = {m.code for m in heading_mentions}
    named = next((c for c in clusters if c.lead in leads), None)
    if named is not None:
        return named, part
    if _THIS_YEAR_HEADING.search(heading) and doc_year is not None:
        return next((c for c in clusters if c.year in (None, doc_year)), current), part
    return current, part


# "Country | 2036 | 2037" above rows such as "Chile | ✓ | —" or "Nigeria | supportive (Belarus) | ...":
# who signed which year's statement, not one published list.
_YEAR_COLUMNS = re.compile(r"^[^|]{0,30}\|\s*(?:19|20)\d\d\s*\|\s*(?:19|20)\d\d\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TICK = re.compile(r"[✓✔✅☑]|^\s*(?:yes|signed|x)\s*$", re.I)


def _attach_year_table(block: list[int], text: Text, mentions: list[list[Mention]], clusters: list[Cluster],
                       years: list[int]) -> None:
    for i in block:
        line = text.sentences[i].text
        cells = line.split("|")
        row = [m for m in mentions[i] if m.kind == "name" and m.end <= len(cells[0])]
        if not row:
            continue
        offset = len(cells[0]) + 1
        for year, cell in zip(years, cells[1:]):
            target = None
            if _TICK.search(cell):
                target = next((c for c in clusters if c.year == year), None)
            else:
                named = {m.code for m in mentions[i] if offset <= m.start < offset + len(cell)}
                target = next((c for c in clusters if c.lead in named and c.year in (None, year)), None)
            if target is not None:
                target.signatories.setdefault(row[0].code, i)
                target.partial = True
            offset += len(cell) + 1
