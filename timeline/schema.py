"""The events frame: the one data contract between extraction, figures, exports and the UI.

Every producer returns a frame that passes :func:`validate`; every consumer may rely on it.
Each column is declared once in :data:`COLUMNS` with its dtype kind and meaning; README.md
renders the same table (``tests/test_schema.py`` keeps the two in step).

Dtype kinds:
``str``   object column of Python ``str`` ("" when absent, never NaN)
``int``   ``int64``
``float`` ``float64``
``date``  ``datetime64[ns]`` at midnight (NaT when absent); first/last day covered, inclusive
``list``  object column of Python lists (of str, or of dicts as described)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

#: Event status (closed set).
STATUSES: tuple[str, ...] = ("occurred", "ongoing", "scheduled", "reported", "possible", "negated")

#: How an event's date was found (closed set).
DATE_BASES: tuple[str, ...] = (
    "explicit",  # the expression names the date itself ("10 February 2022")
    "relative_publication",  # resolved against the publication date ("on Wednesday")
    "relative_previous",  # resolved against an earlier date in the text ("three days later")
    "continued",  # no date of its own; continues the previous sentence's date
    "publication",  # no date of its own; dated at publication as a fallback
    "unresolved",  # an expression was found but could not be placed on the calendar
)

#: Calendar precision of ``start``/``end`` (closed set, finest first).
PRECISIONS: tuple[str, ...] = (
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "half",
    "year",
    "decade",
    "century",
    "unknown",
)

#: How an article's publication date was found; mirrors ``timeline.article.PUBLISHED_BASES``.
PUBLISHED_BASES: tuple[str, ...] = ("user", "metadata", "dateline", "url", "inferred", "unknown")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # str | int | float | date | list
    meaning: str
    allowed: tuple[str, ...] = ()  # closed set for str columns ("" always allowed when not required)
    required: bool = False  # str columns: must be non-empty


COLUMNS: tuple[Column, ...] = (
    Column("event_id", "str", "stable id: hash of article_id, sentence offsets and timex offsets", required=True),
    Column("article_id", "str", "hash of the article text (stable across runs)", required=True),
    Column("article_title", "str", "the article's headline"),
    Column("source", "str", "the outlet that published the article (or the file name)"),
    Column("origin", "str", "where the article was read from: file path, archive member or URL"),
    Column("url", "str", "the article's canonical URL, when known"),
    Column("published", "date", "the article's publication date"),
    Column("published_basis", "str", "how the publication date was found", PUBLISHED_BASES, required=True),
    Column("sentence", "str", "the text of the sentence (or clause) the event comes from", required=True),
    Column("char_start", "int", "offset of the sentence's first character in the article text"),
    Column("char_end", "int", "offset just past the sentence's last character in the article text"),
    Column("timex_text", "str", "the date expression as written, e.g. 'on Wednesday' ('' when none)"),
    Column("timex_start", "int", "offset of the date expression in the article text (-1 when none)"),
    Column("timex_end", "int", "offset just past the date expression (-1 when none)"),
    Column("timex_type", "str", "TIMEX3 type of the expression", ("DATE", "TIME", "DURATION", "SET")),
    Column("timex_value", "str", "TIMEX3 value, e.g. 2022-02-09, 2020-08, 2014, PRESENT_REF"),
    Column("timex_anchor", "str", "the date the expression was resolved against (ISO), '' when explicit"),
    Column("timex_rule", "str", "the tagger rule that found the expression"),
    Column("date_basis", "str", "how the event's date was found", DATE_BASES, required=True),
    Column("start", "date", "first day the event covers (inclusive); NaT when undated"),
    Column("end", "date", "last day the event covers (inclusive); NaT when undated"),
    Column("precision", "str", "calendar precision of start/end", PRECISIONS, required=True),
    Column("status", "str", "whether it happened, is planned, was only said, ...", STATUSES, required=True),
    Column("status_cue", "str", "the words that decided the status"),
    Column("title", "str", "short label for the chart (at most 80 characters)", required=True),
    Column("actors", "list", "actors: dicts {name, kind, country, normalized}"),
    Column("places", "list", "places: dicts {name, kind, country, lat, lon}"),
    Column("event_type", "str", "event category from timeline/resources taxonomy", required=True),
    Column("type_cue", "str", "the words that decided the event type"),
    Column("figures", "list", "quantities: dicts {kind, value, low, high, unit, text}"),
    Column("parent_event_id", "str", "for reported content, the event_id of the saying event"),
    Column("cluster_id", "str", "events reporting the same happening across articles share it"),
    Column("corroboration", "int", "distinct outlets reporting the cluster (1 when alone)"),
    Column("conflict", "str", "disagreement between sources in the cluster, naming both"),
    Column("salience", "float", "importance for zoomed-out views (higher is more important)"),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
_BY_NAME = {c.name: c for c in COLUMNS}

_DEFAULTS = {"str": "", "int": 0, "float": 0.0, "date": pd.NaT}


class SchemaError(ValueError):
    """The events frame breaks the contract; the message lists every problem found."""


def empty_frame() -> pd.DataFrame:
    """A frame with every column, no rows, and the right dtypes."""
    return from_records([])


def from_records(records: list[dict]) -> pd.DataFrame:
    """Build a valid-typed frame from row dicts; missing keys take their column's default.

    Dates may be ``datetime.date``, ISO strings or None.
    """
    data: dict[str, list] = {}
    for col in COLUMNS:
        if col.kind == "list":
            data[col.name] = [list(r.get(col.name) or []) for r in records]
        elif col.kind in ("int", "float"):
            default = -1 if col.name in ("timex_start", "timex_end") else _DEFAULTS[col.kind]
            if col.name == "corroboration":
                default = 1
            data[col.name] = [r.get(col.name, default) for r in records]
        else:
            data[col.name] = [r.get(col.name, _DEFAULTS[col.kind]) for r in records]
    frame = pd.DataFrame(data, columns=list(COLUMN_NAMES))
    return coerce(frame)


def coerce(frame: pd.DataFrame) -> pd.DataFrame:
    """Cast every column to its declared dtype (a copy); unknown columns are dropped."""
    out = pd.DataFrame(index=frame.index)
    for col in COLUMNS:
        values = frame[col.name] if col.name in frame else pd.Series([_DEFAULTS.get(col.kind)] * len(frame))
        if col.kind == "str":
            out[col.name] = pd.Series(
                ["" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v) for v in values],
                index=frame.index,
                dtype=object,
            )
        elif col.kind == "int":
            out[col.name] = pd.Series(values, index=frame.index).astype("int64")
        elif col.kind == "float":
            out[col.name] = pd.Series(values, index=frame.index).astype("float64")
        elif col.kind == "date":
            out[col.name] = pd.to_datetime(pd.Series(values, index=frame.index, dtype=object)).astype(
                "datetime64[ns]"
            ).dt.normalize()
        else:
            out[col.name] = pd.Series(
                [list(v) if isinstance(v, (list, tuple)) else [] for v in values], index=frame.index, dtype=object
            )
    return out


def validate(frame: pd.DataFrame) -> pd.DataFrame:
    """Check the frame against the contract; return it unchanged or raise :class:`SchemaError`.

    Checks: exactly the declared columns in order, dtypes, closed sets, required values,
    unique ``event_id``, ``start <= end``, offsets inside their sentence span, and that a
    dated row has both ``start`` and ``end``.
    """
    problems: list[str] = []
    if list(frame.columns) != list(COLUMN_NAMES):
        missing = [c for c in COLUMN_NAMES if c not in frame.columns]
        extra = [c for c in frame.columns if c not in _BY_NAME]
        problems.append(f"columns differ from the schema (missing {missing}, unexpected {extra}, or order)")
        raise SchemaError("; ".join(problems))
    for col in COLUMNS:
        series = frame[col.name]
        if col.kind == "str":
            bad = [v for v in series if not isinstance(v, str)]
            if bad:
                problems.append(f"{col.name}: {len(bad)} non-str values, e.g. {bad[0]!r}")
                continue
            if col.required and (series == "").any():
                problems.append(f"{col.name}: {(series == '').sum()} empty values")
            if col.allowed:
                unknown = sorted(set(series) - set(col.allowed) - ({""} if not col.required else set()))
                if unknown:
                    problems.append(f"{col.name}: values outside {col.allowed}: {unknown[:5]}")
        elif col.kind == "int" and series.dtype != "int64":
            problems.append(f"{col.name}: dtype {series.dtype}, expected int64")
        elif col.kind == "float" and series.dtype != "float64":
            problems.append(f"{col.name}: dtype {series.dtype}, expected float64")
        elif col.kind == "date" and str(series.dtype) != "datetime64[ns]":
            problems.append(f"{col.name}: dtype {series.dtype}, expected datetime64[ns]")
        elif col.kind == "list":
            bad = [v for v in series if not isinstance(v, list)]
            if bad:
                problems.append(f"{col.name}: {len(bad)} non-list values, e.g. {bad[0]!r}")
    if problems:
        raise SchemaError("; ".join(problems))
    if frame["event_id"].duplicated().any():
        dupes = frame.loc[frame["event_id"].duplicated(), "event_id"].tolist()
        problems.append(f"event_id not unique: {dupes[:5]}")
    dated = frame["start"].notna()
    if (dated != frame["end"].notna()).any():
        problems.append("rows with start but no end, or end but no start")
    if (frame.loc[dated, "start"] > frame.loc[dated, "end"]).any():
        problems.append("rows with start after end")
    if (frame["char_start"] > frame["char_end"]).any():
        problems.append("rows with char_start after char_end")
    has_timex = frame["timex_start"] >= 0
    if (frame.loc[has_timex, "timex_start"] > frame.loc[has_timex, "timex_end"]).any():
        problems.append("rows with timex_start after timex_end")
    if (frame["title"].str.len() > 80).any():
        problems.append("titles longer than 80 characters")
    if (frame["corroboration"] < 1).any():
        problems.append("corroboration below 1")
    if problems:
        raise SchemaError("; ".join(problems))
    return frame


def names(cell: list) -> list[str]:
    """Display names of an ``actors`` or ``places`` cell (dicts or plain strings)."""
    return [item["name"] if isinstance(item, dict) else str(item) for item in cell]
