"""The same happening across outlets: cluster ids, corroboration, conflicts and salience.

Two events from different articles are linked when their dates agree at their precision, they share a
normalized actor or a place, they have the same type (unless the wording is near-identical), and their
wording is similar (rapidfuzz ``token_set_ratio`` on the clause without its date expression). Links are
merged strongest first; a merge that would put two different events of one article in one cluster is
refused, which stops chains of weak links from swallowing a whole day.

``corroboration`` counts distinct outlets, not copies: an article that near-duplicates an earlier one (the
``duplicates`` map from ingestion, else detected here from the articles' texts and titles) counts as the
outlet of the original. ``conflict`` names both sources when they disagree on a day-precise date or on a
figure of the same kind. ``salience`` mixes corroboration, recency of reporting, centrality of actors and
event type, so a zoomed-out chart can show the key events first.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz

from timeline import schema
from timeline.events.types import taxonomy

#: Day tolerance when comparing dates, by precision: reports of one happening may differ by a day.
DATE_TOLERANCE_DAYS = {"day": 1, "week": 3}
#: Largest gap, in days, between two day-precise dates that may still be one happening (a date conflict).
CONFLICT_WINDOW_DAYS = 3
#: Dates that are not the event's own (fallbacks) are only compared within this window before publication.
UNDATED_WINDOW_DAYS = 7
#: Wording similarity (0-100) needed: alone, with shared names and type, and for undated rows.
SIM_ALONE, SIM_SHARED, SIM_UNDATED = 88, 55, 80
#: Article copies: the joined sentences and the titles must be at least this similar.
COPY_SIMILARITY = 92
#: Relative gap between two figures of the same kind above which sources disagree.
FIGURE_TOLERANCE = 0.1
#: Salience weights (they sum to 1).
WEIGHTS = {"corroboration": 0.4, "recency": 0.2, "centrality": 0.25, "type": 0.15}

_OWN_DATE = {"explicit", "relative_publication", "relative_previous"}


@dataclass(frozen=True)
class _Row:
    index: int
    article: str
    outlet: str
    source: str
    lo: float  # day numbers; NaN when undated
    hi: float
    precision: str
    own_date: bool
    text: str
    names: frozenset[str]
    event_type: str


def cluster(frame: pd.DataFrame, duplicates: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Fill ``cluster_id``, ``corroboration``, ``conflict`` and ``salience``; returns a new valid frame.

    ``duplicates`` maps an article_id to the article_id it copies (``Article.duplicate_of``); copies are
    also detected from the frame itself when their sentences and titles are near-identical.
    """
    out = schema.coerce(frame)
    if out.empty:
        return out
    copies = dict(copies_from_frame(out))
    copies.update({k: v for k, v in (duplicates or {}).items() if v})
    outlets = _outlets(out, copies)
    rows = [_row(i, r, outlets) for i, r in enumerate(out.to_dict("records"))]
    groups = _group(rows)
    ids, corroboration, conflicts = [""] * len(rows), [1] * len(rows), [""] * len(rows)
    event_ids = out["event_id"].tolist()
    records = out.to_dict("records")
    for members in groups:
        cid = "c" + hashlib.sha1(min(event_ids[i] for i in members).encode("utf-8")).hexdigest()[:12]
        count = len({rows[i].outlet for i in members})
        text = _conflicts([records[i] for i in members], [rows[i] for i in members])
        for i in members:
            ids[i], corroboration[i], conflicts[i] = cid, count, text
    out["cluster_id"] = ids
    out["corroboration"] = pd.Series(corroboration, index=out.index, dtype="int64")
    out["conflict"] = conflicts
    out["salience"] = pd.Series(_salience(out, groups), index=out.index, dtype="float64")
    return schema.validate(schema.coerce(out))


# --- outlets and copies ------------------------------------------------------------------------------------


def copies_from_frame(frame: pd.DataFrame) -> dict[str, str]:
    """article_id -> the earlier article it near-duplicates, judged from its sentences and title."""
    texts: dict[str, str] = {}
    meta: dict[str, tuple[pd.Timestamp, str]] = {}
    for article_id, part in frame.sort_values("char_start").groupby("article_id", sort=False):
        texts[article_id] = " ".join(dict.fromkeys(part["sentence"])).lower()
        meta[article_id] = (part["published"].iloc[0], str(part["article_title"].iloc[0]).lower())
    order = sorted(texts, key=lambda a: (pd.Timestamp.max if pd.isna(meta[a][0]) else meta[a][0], a))
    copies: dict[str, str] = {}
    for n, later in enumerate(order):
        for earlier in order[:n]:
            if earlier in copies:
                continue
            t1, t2 = meta[earlier][1], meta[later][1]
            if t1 and t2 and fuzz.ratio(t1, t2) < COPY_SIMILARITY:
                continue
            a, b = texts[earlier], texts[later]
            if min(len(a), len(b)) < 0.8 * max(len(a), len(b)):
                continue
            if fuzz.ratio(a, b) >= COPY_SIMILARITY:
                copies[later] = earlier
                break
    return copies


def _outlets(frame: pd.DataFrame, copies: Mapping[str, str]) -> dict[str, str]:
    """article_id -> the outlet it counts as: articles joined by copy links (in either direction) form one
    story, which counts as the outlet of its earliest-published article."""
    source = {a: (s or a) for a, s in zip(frame["article_id"], frame["source"], strict=False)}
    published = dict(zip(frame["article_id"], frame["published"], strict=False))
    parent = {a: a for a in source}

    def find(a: str) -> str:
        while parent[a] != a:
            a = parent[a]
        return a

    for copy, original in copies.items():
        if copy in parent and original in parent:
            parent[find(copy)] = find(original)
    stories: dict[str, list[str]] = defaultdict(list)
    for a in source:
        stories[find(a)].append(a)
    outlet: dict[str, str] = {}
    for members in stories.values():
        first = min(members, key=lambda a: (pd.Timestamp.max if pd.isna(published[a]) else published[a], a))
        for a in members:
            outlet[a] = source[first].strip().lower()
    return outlet


# --- linking ---------------------------------------------------------------------------------------------


def _day(value: object) -> float:
    return float("nan") if pd.isna(value) else pd.Timestamp(value).toordinal()


def _row(i: int, r: dict, outlets: Mapping[str, str]) -> _Row:
    own = r["date_basis"] in _OWN_DATE and not pd.isna(r["start"])
    if own:
        tol = DATE_TOLERANCE_DAYS.get(r["precision"], 0)
        lo, hi = _day(r["start"]) - tol, _day(r["end"]) + tol
    elif not pd.isna(r["published"]):
        lo, hi = _day(r["published"]) - UNDATED_WINDOW_DAYS, _day(r["published"])
    else:
        lo = hi = float("nan")
    text = r["sentence"]
    if r["timex_text"]:
        text = text.replace(r["timex_text"], " ")
    names = {a["name"] for a in r["actors"] if isinstance(a, dict) and a.get("normalized", True)}
    names |= {p["name"] for p in r["places"] if isinstance(p, dict)}
    return _Row(
        i,
        r["article_id"],
        outlets.get(r["article_id"], r["article_id"]),
        r["source"] or r["article_title"] or r["article_id"],
        lo,
        hi,
        r["precision"],
        own,
        " ".join(text.lower().split()),
        frozenset(names),
        r["event_type"],
    )


def _score(a: _Row, b: _Row) -> float:
    """Link strength of two rows from different articles; 0 when they cannot be the same happening."""
    if a.article == b.article:
        return 0.0
    dated = not (math.isnan(a.lo) or math.isnan(b.lo))
    if dated:
        gap = max(a.lo - b.hi, b.lo - a.hi, 0.0)
        window = CONFLICT_WINDOW_DAYS if a.own_date and b.own_date and "day" == a.precision == b.precision else 0
        if gap > window:
            return 0.0
    sim = fuzz.token_set_ratio(a.text, b.text)
    shared = bool(a.names & b.names)
    same_type = a.event_type == b.event_type
    if not (a.own_date and b.own_date):
        return sim if sim >= SIM_UNDATED and shared and same_type else 0.0
    if sim >= SIM_ALONE and (shared or same_type):
        return sim
    if sim >= SIM_SHARED and shared and same_type:
        return sim
    return 0.0


def _group(rows: list[_Row]) -> list[list[int]]:
    """Clusters as lists of row indices: strongest links merged first, never two rows of one article."""
    order = sorted(range(len(rows)), key=lambda i: (math.inf if math.isnan(rows[i].lo) else rows[i].lo))
    pairs: list[tuple[float, int, int]] = []
    for n, i in enumerate(order):
        for j in order[n + 1 :]:
            a, b = rows[i], rows[j]
            if not math.isnan(a.lo) and not math.isnan(b.lo) and b.lo - a.hi > CONFLICT_WINDOW_DAYS + 1:
                break  # sorted by start: nothing later can overlap
            score = _score(a, b)
            if score:
                pairs.append((score, i, j))
    parent = list(range(len(rows)))
    articles: dict[int, set[str]] = {i: {rows[i].article} for i in range(len(rows))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in sorted(pairs, key=lambda p: -p[0]):
        ri, rj = find(i), find(j)
        if ri == rj or articles[ri] & articles[rj]:
            continue
        parent[rj] = ri
        articles[ri] |= articles.pop(rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        groups[find(i)].append(i)
    return list(groups.values())


# --- conflicts -------------------------------------------------------------------------------------------


def _fmt_day(value: object) -> str:
    ts = pd.Timestamp(value)
    return f"{ts.day} {ts:%B %Y}"


def _conflicts(records: list[dict], rows: list[_Row]) -> str:
    """Disagreements between outlets in one cluster, each naming both sources."""
    found: list[str] = []
    for n, (ra, a) in enumerate(zip(records, rows, strict=False)):
        for rb, b in zip(records[n + 1 :], rows[n + 1 :], strict=False):
            if a.outlet == b.outlet:
                continue
            if a.own_date and b.own_date and ra["precision"] == rb["precision"] == "day" and ra["start"] != rb["start"]:
                found.append(f"{a.source} says {_fmt_day(ra['start'])}; {b.source} says {_fmt_day(rb['start'])}")
            for fa in ra["figures"]:
                for fb in rb["figures"]:
                    if _figures_disagree(fa, fb):
                        found.append(f"{a.source} says {fa.get('text', '')}; {b.source} says {fb.get('text', '')}")
    return "; ".join(dict.fromkeys(found))


def _bounds(figure: dict) -> tuple[float, float] | None:
    low, high, value = figure.get("low"), figure.get("high"), figure.get("value")
    if value is not None:
        return (float(low if low is not None else value), float(high if high is not None else value))
    if low is not None and high is not None:
        return float(low), float(high)
    return None


def _figures_disagree(a: dict, b: dict) -> bool:
    if not isinstance(a, dict) or not isinstance(b, dict) or a.get("kind") != b.get("kind"):
        return False
    if a.get("kind") == "money" and a.get("unit") != b.get("unit"):
        return False
    ba, bb = _bounds(a), _bounds(b)
    if ba is None or bb is None:
        return False
    gap = max(ba[0] - bb[1], bb[0] - ba[1])
    return gap > FIGURE_TOLERANCE * max(abs(ba[1]), abs(bb[1]), 1.0)


# --- salience --------------------------------------------------------------------------------------------


def _salience(frame: pd.DataFrame, groups: list[list[int]]) -> list[float]:
    """0..1: corroboration, how recently the cluster was reported, how central its actors are, and type."""
    corr = frame["corroboration"].to_numpy()
    top = max(int(corr.max()), 1)
    published = frame["published"]
    first, last = published.min(), published.max()
    span = (last - first).days if not (pd.isna(first) or pd.isna(last)) else 0
    actors_of = [
        {a["name"] for a in cell if isinstance(a, dict) and a.get("normalized", True)} for cell in frame["actors"]
    ]
    reach: dict[str, int] = defaultdict(int)  # clusters an actor appears in
    for members in groups:
        for name in set().union(*(actors_of[i] for i in members)):
            reach[name] += 1
    most = max(reach.values(), default=1)
    priorities = {t.id: t.priority for t in taxonomy().types.values()}
    highest = max(priorities.values(), default=1) or 1
    out = [0.0] * len(frame)
    for members in groups:
        latest = published.iloc[members].max()
        recency = 1.0 if span == 0 or pd.isna(latest) else (latest - first).days / span
        names = set().union(*(actors_of[i] for i in members))
        centrality = max((reach[n] for n in names), default=0) / most
        kind = max(priorities.get(frame["event_type"].iloc[i], 0) for i in members) / highest
        for i in members:
            score = (
                WEIGHTS["corroboration"] * corr[i] / top
                + WEIGHTS["recency"] * recency
                + WEIGHTS["centrality"] * centrality
                + WEIGHTS["type"] * kind
            )
            out[i] = round(score, 4)
    return out
