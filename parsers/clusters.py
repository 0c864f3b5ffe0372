"""Statements as the document has described them so far, and how a sentence's frames and
lists join them: a frame joins an earlier statement when lead, count, year and camp agree."""
from __future__ import annotations

from dataclasses import dataclass, field

from parsers.frames import Frame
from parsers.leads import Mention
from parsers.signatories import ListHit
from parsers.text import Text


@dataclass(slots=True)
class Cluster:
    """One statement as the document has described it so far."""

    index: int
    lead: str | None = None
    lead_strong: bool = False
    count: int | None = None
    counts_seen: set[int] = field(default_factory=set)
    vague_floor: int | None = None
    year: int | None = None
    score: int = 0
    reply: bool = False
    previous: "Cluster | None" = None
    anchors: list[int] = field(default_factory=list)  # sentence indices that name it
    context: list[int] = field(default_factory=list)  # anchors plus sentences about it
    frames: list[Frame] = field(default_factory=list)
    signatories: dict[str, int] = field(default_factory=dict)  # code -> sentence index
    complete: bool = False
    partial: bool = False
    list_sentences: list[int] = field(default_factory=list)
    joined: dict[str, int] = field(default_factory=dict)
    withdrew: dict[str, int] = field(default_factory=dict)
    starred: list[str] = field(default_factory=list)
    star_legend: int | None = None
    compared_to: "Cluster | None" = None  # "up from the 22 ...": same camp as this one
    count_final: bool = False  # the size after a change was stated ("leaving 46 signatories")
    grown_to: bool = False  # its size was first given as the size after joiners ("... to 52")
    grown: bool = False  # the text said it gained backers after delivery ("the list grew from 39 to 42")


@dataclass(slots=True)
class Assembly:
    clusters: list[Cluster]
    text: Text
    mentions: list[list[Mention]]  # per sentence, offsets relative to the sentence
    positions: dict[int, list[tuple[int, int]]]  # sentence -> (frame position, cluster index)


def compatible(c: Cluster, f: Frame, doc_year: int | None = None) -> bool:
    if f.lead and c.lead and f.lead != c.lead:
        return False
    # "a New Zealand text two years earlier" in a 2034 story is not the 2034 statement the story
    # is about (its year unstated: the story's own).
    if f.year and not c.year and doc_year and f.year < doc_year:
        return False
    if f.count is not None and c.count is not None and f.count not in c.counts_seen \
            and not (c.count_final or c.grown_to) or (f.count is not None and c.grown_to and f.count > c.count):
        # A statement whose size after late joiners was stated first ("bringing the number to
        # 52") still accepts its size as delivered ("on behalf of 50").
        return False
    if f.year and c.year and f.year != c.year:
        return False
    if f.vague_floor is not None and c.count is not None and c.count <= f.vague_floor:
        return False
    if c.vague_floor is not None and f.count is not None and f.count <= c.vague_floor:
        return False
    if f.vague_floor is not None and c.vague_floor is not None and f.vague_floor != c.vague_floor:
        return False
    return True


def place(frame: Frame, clusters: list[Cluster], current: Cluster | None, used: set[int],
           doc_year: int | None = None) -> Cluster | None:
    if frame.speaker:
        return None  # a speaker reacting to a statement neither makes one nor delivers one
    if frame.refers_back and current is not None and not (frame.lead and current.lead and frame.lead != current.lead) \
            and not (frame.year and current.year and frame.year != current.year):
        return merge(current, frame)
    if frame.rival:
        cluster = Cluster(len(clusters), previous=current)
        clusters.append(cluster)
        return merge(cluster, frame)
    if frame.first_person:
        # The statement a page delivers in the first person is the one its title announced,
        # even when the title gives the size after late joiners ("57") and the speech as read ("56").
        for cluster in clusters:
            if not (frame.lead and cluster.lead and frame.lead != cluster.lead) and not (frame.year and cluster.year and frame.year != cluster.year):
                return merge(cluster, frame)
    if frame.back_reference:
        if current is not None and current.year and doc_year and current.year != doc_year:
            # "... up from 52 a year earlier, when New Zealand read the text. [...] The statement
            # also raised Hong Kong": the story's own statement, not the one recalled in passing.
            current = next((c for c in reversed(clusters) if c.year in (None, doc_year)), current)
        if current is not None:
            current.frames.append(frame)
            if frame.sentence not in current.context:
                current.context.append(frame.sentence)
        return current
    if (frame.count_kind in ("growth", "current") and frame.lead is None and current is not None and current.count is not None
            and frame.count is not None and (frame.count > current.count or frame.count_kind == "current") and not frame.year):
        # "... the statement now has 47 backers": the statement under discussion, grown.
        return merge(current, frame)
    for cluster in reversed(clusters):
        if not compatible(cluster, frame, doc_year):
            continue
        same_lead = frame.lead is not None and frame.lead == cluster.lead
        same_count = frame.count is not None and frame.count in cluster.counts_seen
        if same_lead or same_count:
            return merge(cluster, frame)
    # A second statement named in a sentence that already named the current one is another one.
    numbered = frame.count is not None or frame.vague_floor is not None
    if current is not None and not (numbered and id(current) in used) and compatible(current, frame, doc_year):
        fills_gap = (frame.lead is None or current.lead is None) and (
            frame.count is None or current.count is None) and (frame.vague_floor is None or current.count is None)
        if fills_gap and not (frame.lead and frame.count):
            return merge(current, frame)
    named = frame.lead is not None or frame.count is not None or frame.vague_floor is not None
    if not frame.joint or not (named or frame.group or frame.definite):
        return None
    earlier = bool(frame.year and doc_year and frame.year < doc_year)  # "a New Zealand text two years earlier"
    if frame.lead is not None and not frame.lead_strong and frame.count is None and frame.vague_floor is None and not earlier:
        return None
    cluster = Cluster(len(clusters), previous=current)
    clusters.append(cluster)
    return merge(cluster, frame)


def merge(cluster: Cluster, frame: Frame) -> Cluster:
    if frame.lead and (cluster.lead is None or (frame.lead_strong and not cluster.lead_strong)):
        cluster.lead, cluster.lead_strong = frame.lead, frame.lead_strong
    if frame.count is not None:
        cluster.counts_seen.add(frame.count)
        # Growth ("bringing the number to 50") and corrections state the current figure.
        if frame.count_kind == "growth" and cluster.count is not None and frame.count > cluster.count:
            cluster.grown = True
        if frame.count_kind == "growth" and cluster.count is None:
            cluster.grown_to = True
        if frame.count_kind == "current":
            cluster.count, cluster.count_final = frame.count, True
        elif cluster.count is None or frame.count_kind in ("growth", "following") or (
                frame.count > cluster.count and not cluster.count_final and not cluster.grown_to):
            cluster.count = frame.count
    if frame.vague_floor is not None and cluster.count is None:
        cluster.vague_floor = frame.vague_floor
    if frame.year and not cluster.year:
        cluster.year = frame.year
    if frame.sentence not in cluster.anchors:
        cluster.anchors.append(frame.sentence)
    if frame.sentence not in cluster.context:
        cluster.context.append(frame.sentence)
    cluster.frames.append(frame)
    return cluster


def list_target(hit: ListHit, placed: list[tuple[Frame, Cluster]], current: Cluster | None) -> Cluster | None:
    """The statement a list belongs to: the one its sentence names nearest, else the current one."""
    if not placed:
        return current
    if len(placed) == 1 or len({id(c) for _, c in placed}) == 1:
        return placed[0][1]
    best = min(placed, key=lambda fc: _distance(fc[0], hit))
    return best[1]


def _distance(frame: Frame, hit: ListHit) -> int:
    position = frame.position
    if position <= hit.start:
        return hit.start - position
    # A list followed by "which had all signed last year's text read by Canada" names a
    # statement after it; within that clause it is as close as one before.
    return 0 if hit.backward and position <= hit.cue_end else position - hit.end + 1000


def add_list(cluster: Cluster, hit: ListHit, sentence: int) -> None:
    if hit.role == "withdrew":
        for code in hit.codes:
            cluster.withdrew.setdefault(code, sentence)
        return
    for code in hit.codes:
        cluster.signatories.setdefault(code, sentence)
        if hit.role == "joined":
            cluster.joined.setdefault(code, sentence)
    if hit.complete and hit.role == "signed":
        cluster.complete = True
    else:
        cluster.partial = True
    if sentence not in cluster.list_sentences:
        cluster.list_sentences.append(sentence)
