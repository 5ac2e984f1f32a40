"""The same happening across outlets: cluster ids, corroboration, conflicts and salience.

Two events from different articles are linked when their dates agree at their precision, they share a
normalized actor or a place, they have the same type (unless the wording is near-identical), and their
wording is similar (TF-IDF cosine over the clause's words, without its date expression). Links are
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
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache

import pandas as pd
from rapidfuzz import fuzz

from timeline import schema
from timeline.events.gazetteer import load_yaml
from timeline.events.types import main_part_end, taxonomy

#: Day tolerance when comparing dates, by precision: reports of one happening may differ by a day.
DATE_TOLERANCE_DAYS = {"day": 1, "week": 3}
#: Largest gap, in days, between two day-precise dates that may still be one happening (a date conflict).
CONFLICT_WINDOW_DAYS = 3
#: Dates that are not the event's own (fallbacks) are only compared within this window before publication.
FALLBACK_WINDOW_DAYS = 1
#: No cluster spans more than this many days between the days its rows are about (stops chains of links).
CLUSTER_SPAN_DAYS = 3
#: Wording similarity (TF-IDF cosine, 0-1) thresholds, used with shared names (see ``_score``).
COSINE_WEAK, COSINE_MEDIUM, COSINE_FALLBACK, COSINE_STRONG = 0.15, 0.2, 0.3, 0.45
#: Wording similarity enough for two same-day rows of one type in the same distinctive place.
COSINE_PLACE = 0.1
#: Weighted shared names that make a strong tie (a distinctive name counts 1, a frame-wide one 0.5).
STRONG_NAMES = 1.5
#: A name held by more than this share of rows (and this many rows) is frame-wide ("Russia" in this crisis)
#: and counts half.
COMMON_NAME_SHARE, COMMON_NAME_MIN_ROWS = 0.1, 5
#: Clauses with fewer distinct words than this are too thin to match on a fallback date ("Blinken said").
MIN_WORDS_UNDATED = 5
#: Article copies: the joined sentences and the titles must be at least this similar.
COPY_SIMILARITY = 92
#: Relative gap between two figures of the same kind above which sources disagree.
FIGURE_TOLERANCE = 0.1
#: Salience weights (they sum to 1).
WEIGHTS = {"corroboration": 0.4, "recency": 0.2, "centrality": 0.25, "type": 0.15}

_OWN_DATE = {"explicit", "relative_publication", "relative_previous"}
_WORDS = re.compile(r"[^\W\d_]{4,}")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
# Inflections stripped before comparing wording, so "launched" and "launching" count as one word.
_ENDINGS = re.compile(r"(?:ing|ed|es|s)$")


@dataclass(frozen=True)
class _Row:
    index: int
    article: str
    outlet: str  # the outlet it counts as (the original's, for a copy), as written
    lo: float  # day numbers, widened by the precision's tolerance; NaN when undated
    hi: float
    first: float  # the event's own first and last day (NaN for fallback dates)
    last: float
    precision: str
    own_date: bool
    text: str
    names: frozenset[str]
    event_type: str
    words: frozenset[str]
    anchor: float  # the day the row is about: its own first day, else its publication day (NaN when neither)
    figure_kinds: frozenset[str]
    places: frozenset[str]


def cluster(frame: pd.DataFrame, duplicates: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Fill ``cluster_id``, ``corroboration``, ``conflict`` and ``salience``; returns a new frame (valid when
    the input frame is: the pipeline validates at its boundary).

    ``duplicates`` maps an article_id to the article_id it copies (``Article.duplicate_of``); copies are
    also detected from the frame itself when their sentences and titles are near-identical.
    """
    out = schema.coerce(frame)
    if out.empty:
        return out
    copies = dict(copies_from_frame(out))
    copies.update({k: v for k, v in (duplicates or {}).items() if v})
    outlets = _outlets(out, copies)
    records = out.to_dict("records")
    rows = _with_sentence_names([_row(i, r, outlets) for i, r in enumerate(records)], records)
    groups = _group(rows)
    ids, corroboration, conflicts = [""] * len(rows), [1] * len(rows), [""] * len(rows)
    event_ids = out["event_id"].tolist()
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
    return schema.coerce(out)


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
            outlet[a] = " ".join(source[first].split())
    return outlet


# --- linking ---------------------------------------------------------------------------------------------


def _day(value: object) -> float:
    return float("nan") if pd.isna(value) else pd.Timestamp(value).toordinal()


def _row(i: int, r: dict, outlets: Mapping[str, str]) -> _Row:
    own = r["date_basis"] in _OWN_DATE and not pd.isna(r["start"])
    first = last = float("nan")
    if own:
        first, last = _day(r["start"]), _day(r["end"])
        tol = DATE_TOLERANCE_DAYS.get(r["precision"], 0)
        lo, hi = _day(r["start"]) - tol, _day(r["end"]) + tol
    elif not pd.isna(r["published"]):
        lo, hi = _day(r["published"]) - FALLBACK_WINDOW_DAYS, _day(r["published"])
    else:
        lo = hi = float("nan")
    # A dated clause is compared on its main part (the event, not its background: "..., with explosions
    # heard in the capital"); an undated one on all its words, figures included, since its date says little.
    text = r["sentence"]
    if r["timex_text"]:
        text = text.replace(r["timex_text"], " ")
    names = {a["name"] for a in r["actors"] if isinstance(a, dict) and a.get("normalized", True)}
    names |= {p["name"] for p in r["places"] if isinstance(p, dict)}
    return _Row(
        i,
        r["article_id"],
        outlets.get(r["article_id"], r["article_id"]),
        lo,
        hi,
        first,
        last,
        r["precision"],
        own,
        " ".join(text.lower().split()),
        frozenset(names),
        r["event_type"],
        _compared_words(text[: main_part_end(text)] if own else text),
        first if own else _day(r["published"]),
        frozenset(f.get("kind", "") for f in r["figures"] if isinstance(f, dict)),
        frozenset(p["name"] for p in r["places"] if isinstance(p, dict)),
    )


def _with_sentence_names(rows: list[_Row], records: list[dict]) -> list[_Row]:
    """Rows whose clause names nobody borrow the names and words of the clause before it in the sentence.

    "Russian forces pressed towards Kyiv on Friday | after launching their invasion on Thursday": the
    second clause's subject is in the first, and without it the invasion could match no other report.
    """
    out = list(rows)
    for k in range(1, len(rows)):
        before, this = records[k - 1], records[k]
        same_sentence = (
            before["article_id"] == this["article_id"]
            and before["char_end"] <= this["char_start"] <= before["char_end"] + 1
            and not _SENTENCE_END.search(before["sentence"])
        )
        if same_sentence and not rows[k].names:
            out[k] = replace(rows[k], names=out[k - 1].names, words=rows[k].words | out[k - 1].words)
    return out


def _score(a: _Row, b: _Row, cosine: float, shared: float, places: float = 0.0) -> float:
    """Link strength of two rows from different articles; 0 when they cannot be the same happening.

    ``shared`` weighs the names both rows hold (a name found all over the frame, like "Russia" in this
    crisis, counts half). Same dates need a shared name and some shared wording (less with more names or
    the same type); dates a few days apart (a possible date conflict) need more of both; coarse dates
    (month, year) need clearly similar wording; a row dated only by publication or continuation links only
    within its window and never to a coarse date, with clearly similar wording unless both give a figure
    of the same kind (two reports of one estimate). A week ("earlier this week") against a
    day may be any of that week's happenings: it needs clearly similar wording too. Two rows of different
    types need more than a weak wording match; two of the same type on the same day in the same distinctive
    place (``places`` weighs the shared places as ``shared`` does) need only a little.
    """
    if a.article == b.article or not shared:
        return 0.0
    same_type = a.event_type == b.event_type
    if a.own_date and b.own_date:
        day_like = a.precision in DATE_TOLERANCE_DAYS and b.precision in DATE_TOLERANCE_DAYS
        same_dates = a.first <= b.last and b.first <= a.last
        if not day_like:
            ok = same_dates and cosine >= COSINE_STRONG
        elif a.precision != b.precision:
            ok = same_dates and shared >= STRONG_NAMES and cosine >= COSINE_FALLBACK
        elif same_dates:
            ok = (
                cosine >= COSINE_STRONG
                or (shared >= STRONG_NAMES and cosine >= (COSINE_WEAK if same_type else COSINE_MEDIUM))
                or (same_type and cosine >= COSINE_MEDIUM)
                or (same_type and places >= 1 and cosine >= COSINE_PLACE)
            )
        else:
            ok = shared >= STRONG_NAMES and cosine >= COSINE_FALLBACK and (same_type or cosine >= COSINE_STRONG)
    else:
        thin = min(len(a.words), len(b.words)) < MIN_WORDS_UNDATED
        counted = bool(a.figure_kinds & b.figure_kinds)  # both give a figure of the same kind
        coarse = any(r.own_date and r.precision not in DATE_TOLERANCE_DAYS for r in (a, b))
        overlap = a.lo <= b.hi and b.lo <= a.hi  # NaN (no date at all) never overlaps
        ok = not thin and overlap and not coarse and (
            cosine >= COSINE_STRONG
            or (shared >= STRONG_NAMES and cosine >= (COSINE_MEDIUM if counted else COSINE_FALLBACK))
        )
    return cosine + 0.05 * min(shared, 4) + (0.1 if same_type else 0.0) if ok else 0.0


def _stem(word: str) -> str:
    """A crude stem: the word without a final -ing, -ed, -es or -s when four letters remain."""
    stem = _ENDINGS.sub("", word)
    return stem if len(stem) >= 4 else word


@cache
def _concepts() -> dict[str, str]:
    """Stem -> the stem of its group's first word, from ``resources/enrich/cluster_words.yaml``."""
    out: dict[str, str] = {}
    for group in load_yaml("cluster_words.yaml")["groups"]:
        head = _stem(group[0])
        for word in group:
            out[_stem(word)] = head
    return out


def _compared_words(text: str) -> frozenset[str]:
    """The words two reports are compared on: no function words, stems mapped to their group's head."""
    return frozenset(_word(w) for w in _WORDS.findall(text.lower()) if w not in _ignored())


@cache
def _ignored() -> frozenset[str]:
    return frozenset(load_yaml("cluster_words.yaml")["ignore"])


def _word(word: str) -> str:
    """The form a word is compared in: its stem, mapped to its group's head ("assault" -> "attack")."""
    stem = _stem(word)
    return _concepts().get(stem, stem)


def _candidates(rows: list[_Row]) -> list[tuple[int, int]]:
    """Pairs worth scoring: date-compatible rows that share a name, or at least two uncommon words.

    An inverted index keeps this near-linear: words found in more than ``max(50, 5%)`` of the rows say
    nothing about sameness and are skipped; each posting list is walked in date order and stops at the
    first row too late to overlap.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        for key in {f"n:{n}" for n in row.names} | {f"w:{w}" for w in row.words}:
            postings[key].append(row.index)
    cap = max(50, len(rows) // 20)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for key, members in postings.items():
        if len(members) < 2 or (key.startswith("w:") and len(members) > cap):
            continue
        weight = 2 if key.startswith("n:") else 1
        members.sort(key=lambda i: math.inf if math.isnan(rows[i].lo) else rows[i].lo)
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                a, b = rows[i], rows[j]
                if not math.isnan(a.lo) and not math.isnan(b.lo) and b.lo - a.hi > CONFLICT_WINDOW_DAYS + 1:
                    break  # sorted by start: nothing later can overlap
                if a.article != b.article:
                    shared[(min(i, j), max(i, j))] += weight
    return [pair for pair, count in shared.items() if count >= 2]


def _merge_days(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The (first, last) anchor days of two clusters together; NaN (unknown) days do not widen it."""
    lows = [x for x in (a[0], b[0]) if not math.isnan(x)]
    highs = [x for x in (a[1], b[1]) if not math.isnan(x)]
    return (min(lows), max(highs)) if lows else (math.nan, math.nan)


def _tfidf(rows: list[_Row]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of the clauses' words: frequent words ("said") weigh little."""
    df: dict[str, int] = defaultdict(int)
    for row in rows:
        for word in row.words:
            df[word] += 1
    n = len(rows)
    vectors = []
    for row in rows:
        weights = {w: math.log((n + 1) / (df[w] + 1)) + 1.0 for w in row.words}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        vectors.append({w: v / norm for w, v in weights.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _group(rows: list[_Row]) -> list[list[int]]:
    """Clusters as lists of row indices: strongest links merged first, never two rows of one article."""
    pairs: list[tuple[float, int, int]] = []
    vectors = _tfidf(rows)
    held: dict[str, int] = defaultdict(int)
    for row in rows:
        for name in row.names:
            held[name] += 1
    common = max(COMMON_NAME_MIN_ROWS, COMMON_NAME_SHARE * len(rows))
    weight = {n: 0.5 if c > common else 1.0 for n, c in held.items()}
    for i, j in _candidates(rows):
        shared = sum(weight[n] for n in rows[i].names & rows[j].names)
        places = sum(weight[n] for n in rows[i].places & rows[j].places)
        score = _score(rows[i], rows[j], _cosine(vectors[i], vectors[j]), shared, places)
        if score:
            pairs.append((score, i, j))
    parent = list(range(len(rows)))
    articles: dict[int, set[str]] = {i: {rows[i].article} for i in range(len(rows))}
    days: dict[int, tuple[float, float]] = {i: (rows[i].anchor, rows[i].anchor) for i in range(len(rows))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in sorted(pairs, key=lambda p: -p[0]):
        ri, rj = find(i), find(j)
        if ri == rj or articles[ri] & articles[rj]:
            continue
        span = _merge_days(days[ri], days[rj])
        if span[1] - span[0] > CLUSTER_SPAN_DAYS:
            continue
        parent[rj] = ri
        articles[ri] |= articles.pop(rj)
        days[ri] = span
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        groups[find(i)].append(i)
    return list(groups.values())


# --- conflicts -------------------------------------------------------------------------------------------


def _fmt_day(value: object) -> str:
    ts = pd.Timestamp(value)
    return f"{ts.day} {ts:%B %Y}"


def _conflicts(records: list[dict], rows: list[_Row]) -> str:
    """Disagreements between outlets in one cluster, each naming the sources on both sides."""
    parts: list[str] = []
    days: dict[pd.Timestamp, list[str]] = defaultdict(list)
    for record, row in zip(records, rows, strict=False):
        if row.own_date and record["precision"] == "day" and row.outlet not in days[record["start"]]:
            days[record["start"]].append(row.outlet)
    if len(days) > 1:
        parts.append("; ".join(f"{_says(sources)} {_fmt_day(day)}" for day, sources in sorted(days.items())))
    seen: set[tuple[str, str]] = set()
    for n, (ra, a) in enumerate(zip(records, rows, strict=False)):
        for rb, b in zip(records[n + 1 :], rows[n + 1 :], strict=False):
            if a.outlet == b.outlet or _different_times(a, b):
                continue
            for fa in ra["figures"]:
                for fb in rb["figures"]:
                    key = (f"{a.outlet}|{fa.get('text')}", f"{b.outlet}|{fb.get('text')}")
                    if key not in seen and _figures_disagree(fa, fb):
                        seen.add(key)
                        parts.append(f"{a.outlet} says {fa.get('text', '')}; {b.outlet} says {fb.get('text', '')}")
    return " | ".join(parts)


def _different_times(a: _Row, b: _Row) -> bool:
    """Two rows that date themselves differently report figures as of different times: a count that grew
    ("500,000 had fled" on Monday, "one million" later that week) is not a disagreement."""
    own = a.own_date and b.own_date
    return own and (a.first, a.last, a.precision) != (b.first, b.last, b.precision)


def _says(sources: list[str]) -> str:
    if len(sources) == 1:
        return f"{sources[0]} says"
    return f"{', '.join(sources[:-1])} and {sources[-1]} say"


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
