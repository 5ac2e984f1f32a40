"""Filter the events frame the way the dashboard's sidebar does.

One :class:`Filters` value describes a view; :func:`apply` turns a frame into what that view
shows. The chart, map, table and every export read the same filtered frame, so they always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

import pandas as pd

from timeline.schema import names

#: Facets a user can restrict, mapped to how a row's values are read.
FACETS: tuple[str, ...] = ("event_type", "status", "actors", "places", "source")

#: Per facet, the label of the value given to rows that have none: it says what is missing, where a bare
#: "(none)" lane or filter option read as a bug.
NONE_LABELS: dict[str, str] = {
    "event_type": "No type given",
    "status": "No status given",
    "actors": "No actor named",
    "places": "No place named",
    "source": "No source named",
}

#: The label every facet gave such rows before :data:`NONE_LABELS`; saved projects and links may still hold it.
NONE_LABEL = "(none)"


def none_label(facet: str) -> str:
    """The label of ``facet``'s value for rows that have none (a filter value, a lane, a legend entry)."""
    return NONE_LABELS[facet]


def current_values(facet: str, values: Iterable[str]) -> tuple[str, ...]:
    """Filter values as this version names them: the old "(none)" (in a saved project or link) becomes the facet's
    own label, so it still selects the rows without a value."""
    return tuple(none_label(facet) if v == NONE_LABEL else v for v in values)


@dataclass(frozen=True)
class Filters:
    """A view of the timeline. Empty tuples mean "no restriction".

    ``show_negated`` defaults to False: an event a source says did not happen is kept in the
    data (it is information) but hidden from the default view. ``include_undated`` keeps
    events without a calendar date (they can only appear in the table).
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    event_type: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    min_corroboration: int = 1
    text: str = ""
    show_negated: bool = False
    include_undated: bool = True

    def __post_init__(self) -> None:
        for facet in FACETS:  # a view saved with the old label still selects the rows without a value
            if NONE_LABEL in getattr(self, facet):
                object.__setattr__(self, facet, current_values(facet, getattr(self, facet)))

    def is_default(self) -> bool:
        """True when the view restricts nothing beyond the default (negated events hidden)."""
        return self == Filters()


def facet_values(frame: pd.DataFrame, facet: str) -> pd.Series:
    """Per row, the list of values the facet takes (actors/places are multi-valued).

    A row with no value gets ``[none_label(facet)]`` so a user can still select "events with no actor".
    """
    none = none_label(facet)
    if facet in MULTI_VALUED:
        return frame[facet].map(lambda cell: names(cell) or [none])
    return frame[facet].map(lambda value: [value or none])


MULTI_VALUED: frozenset[str] = frozenset({"actors", "places"})


def single_values(frame: pd.DataFrame, facet: str) -> pd.Series:
    """Per row, the facet's value for a single-valued facet (vectorized; ``none_label(facet)`` when empty)."""
    return frame[facet].replace("", none_label(facet))


def options(frame: pd.DataFrame, facet: str) -> list[str]:
    """Every value of ``facet`` in the frame, most frequent first (ties alphabetical)."""
    if facet in MULTI_VALUED:
        counts = facet_values(frame, facet).explode().value_counts()
    else:
        counts = single_values(frame, facet).value_counts()
    return sorted(counts.index, key=lambda value: (-counts[value], str(value).casefold()))


def date_bounds(frame: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last day any dated event covers, or None when nothing is dated."""
    dated = frame.dropna(subset=["start"])
    if dated.empty:
        return None
    return dated["start"].min().date(), dated["end"].max().date()


def apply(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The rows of ``frame`` that the view shows, in the frame's order.

    The date range keeps an event when its period overlaps the range (a month-precision event
    in February stays in a 10-20 February view, since it may well fall within it).
    """
    keep = pd.Series(True, index=frame.index)
    if not filters.show_negated and "negated" not in filters.status:  # asking for them by status shows them
        keep &= frame["status"] != "negated"
    dated = frame["start"].notna()
    if not filters.include_undated:
        keep &= dated
    if filters.date_from is not None:  # undated rows cannot be in a date range
        keep &= dated & (frame["end"] >= pd.Timestamp(filters.date_from))
    if filters.date_to is not None:
        keep &= dated & (frame["start"] <= pd.Timestamp(filters.date_to))
    for facet in FACETS:
        wanted = set(getattr(filters, facet))
        if wanted and facet in MULTI_VALUED:
            keep &= facet_values(frame, facet).map(lambda values, wanted=wanted: not wanted.isdisjoint(values))
        elif wanted:
            keep &= single_values(frame, facet).isin(wanted)
    if filters.min_corroboration > 1:
        keep &= frame["corroboration"] >= filters.min_corroboration
    query = _plain_quotes(filters.text.strip().casefold())
    if query:
        haystack = (frame["title"] + "\n" + frame["sentence"] + "\n" + frame["article_title"]).str.casefold()
        haystack = haystack.str.translate(_QUOTES)
        for word in query.split():
            keep &= haystack.str.contains(word, regex=False)
    return frame[keep]


def outside_dates(frame: pd.DataFrame, filters: Filters) -> int:
    """Dated events every filter but the dates keeps that the dates leave out: what a narrowed view hides (new
    articles' events after the user picked dates, say), so the UI can say so."""
    if filters.date_from is None and filters.date_to is None:
        return 0
    kept = apply(frame, replace(filters, date_from=None, date_to=None))
    before = kept["end"] < pd.Timestamp(filters.date_from) if filters.date_from else False
    after = kept["start"] > pd.Timestamp(filters.date_to) if filters.date_to else False
    return int((kept["start"].notna() & (before | after)).sum())


# Typographic quotes and apostrophes as typed ones: "Putin’s" (pasted from an article) finds "Putin's" and back.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"'})


def _plain_quotes(text: str) -> str:
    return text.translate(_QUOTES)


def to_dict(filters: Filters) -> dict:
    """Plain JSON-ready dict (dates as ISO strings), for projects and shared links."""
    out = {}
    for f in fields(Filters):
        value = getattr(filters, f.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out


def from_dict(data: dict) -> Filters:
    """Inverse of :func:`to_dict`; unknown keys and malformed values fall back to the default."""
    default = Filters()
    kwargs = {}
    for f in fields(Filters):
        if f.name not in data:
            continue
        value, fallback = data[f.name], getattr(default, f.name)
        try:
            if f.name in ("date_from", "date_to"):
                kwargs[f.name] = dt.date.fromisoformat(value) if value else None
            elif isinstance(fallback, tuple):
                kwargs[f.name] = tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else ()
            elif isinstance(fallback, bool):
                kwargs[f.name] = bool(value)
            elif isinstance(fallback, int):
                kwargs[f.name] = max(1, int(value))
            else:
                kwargs[f.name] = str(value)
        except (TypeError, ValueError):
            continue
    return Filters(**kwargs)
