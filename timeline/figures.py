"""Plotly figures of the events frame: pure functions, no Streamlit.

The timeline draws what a reader needs to judge each event at a glance:

* an event dated to one day is a point; a span of days is a bar;
* an event dated only to a week, month, season or year is a faint band over that whole period,
  never a point on its first day (a month is not the 1st of the month);
* scheduled and possible events are open markers / hatched bars, so plans never look like facts;
* marker size grows with corroboration (distinct outlets reporting the event).

Every string that comes from an article is HTML-escaped before it enters the figure, because
plotly interprets a subset of HTML tags in hover labels, legends and tick labels.

Scale: one trace per colour category (never per event), WebGL points, and above
:data:`AGGREGATE_ABOVE` rows in view the points are binned per lane, colour and period.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import textwrap
import zlib

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from timeline.filters import MULTI_VALUED, facet_values, none_label, options, single_values

#: Facets that can define lanes or colours, with their labels for the UI.
CHOICES: dict[str, str] = {
    "event_type": "Event type",
    "actors": "Actor",
    "places": "Place",
    "source": "Source",
    "status": "Status",
}

#: Statuses drawn hollow (points) or hatched (bars): not (yet) facts.
TENTATIVE: frozenset[str] = frozenset({"scheduled", "possible"})

#: Precisions drawn as a faint band over their period rather than a point or a bar.
COARSE: frozenset[str] = frozenset(
    {"week", "month", "quarter", "season", "half", "year", "decade", "century", "unknown"}
)

#: Rows in view above which events are aggregated into bins (zoomed-out view).
AGGREGATE_ABOVE = 3000

#: Lanes drawn at most (the no-value lane included); the rest share one "(other)" lane so the chart stays readable.
MAX_LANES = 30

#: Bars drawn at most per colour in the aggregated view (the density strip still counts everything).
MAX_BARS = 300

OTHER_LABEL = "(other)"

#: Characters of the source sentence shown in a hover label (the detail panel shows it whole).
HOVER_SENTENCE = 180

STATUS_COLORS: dict[str, str] = {
    "occurred": "#1f77b4",
    "ongoing": "#2ca02c",
    "scheduled": "#ff7f0e",
    "reported": "#9467bd",
    "possible": "#bcbd22",
    "negated": "#7f7f7f",
}

PALETTE: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
)  # fmt: skip

#: The colour of "(other)": the categories past the palette, so no two named ones share a colour.
OTHER_COLOR = "#c7c7c7"

_ONE_DAY = pd.Timedelta(days=1)
_MS_PER_DAY = 86_400_000


def esc(text: object) -> str:
    """Article text as plotly text: ``<``, ``>`` and ``&`` escaped so no tag is ever interpreted."""
    return html.escape(str(text), quote=False)


def date_label(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> str:
    """How a reader should see an event's date: a month stays a month, a span stays a span."""
    if pd.isna(start):
        return "undated"
    if precision == "day":
        if start == end:
            return f"{start:%a} {start.day} {start:%b %Y}"
        return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y} (span)"
    if runs_past_its_period(start, end, precision):  # "has held Crimea since 2014": 2014 up to publication
        named = {"month": f"{start:%B %Y}", "year": f"{start:%Y}"}.get(precision, f"{start.day} {start:%b %Y}")
        return f"{named} – {end.day} {end:%b %Y} (span)"
    within = _enclosing_if_partial(start, end, precision)
    if precision == "month":
        return f"{_part(start, end, within)}{start:%B %Y} ({_days(start, end) if within else 'month'})"
    if precision == "year":
        return f"{_part(start, end, within)}{start:%Y} ({_days(start, end) if within else 'year'})"
    if precision == "quarter" and not within:
        return f"Q{(start.month - 1) // 3 + 1} {start:%Y} (quarter)"
    named = _named_period(start, end, precision)
    if named:
        return f"{named} ({precision})"
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y} ({precision})"


#: Display names of the seasons by their first month (TIMEX3 seasons: spring March–May, winter December–February).
_SEASON_NAMES = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def _named_period(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> str | None:
    """ "spring 2021", "winter 2021–22", "H1 2022", "the 1990s", "the 20th century" when ``start``/``end`` are that
    whole period; None for a part of one, which keeps its days."""
    first, last = start.normalize(), end.normalize()
    whole = last == (first + pd.DateOffset(months=_PERIOD_MONTHS.get(precision, 0)) - _ONE_DAY).normalize()
    if not whole or first.day != 1:
        return None
    if precision == "season" and first.month in _SEASON_NAMES:
        name = _SEASON_NAMES[first.month]
        return f"{name} {first:%Y}–{last:%y}" if last.year > first.year else f"{name} {first:%Y}"
    if precision == "half" and first.month in (1, 7):
        return f"H{1 if first.month == 1 else 2} {first:%Y}"
    if precision == "decade" and first.month == 1 and first.year % 10 == 0:
        return f"the {first.year}s"
    if precision == "century" and first.month == 1 and first.year % 100 == 0:
        number = first.year // 100 + 1
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"the {number}{suffix} century"
    return None


_PERIOD_MONTHS = {"season": 3, "half": 6, "decade": 120, "century": 1200}


def runs_past_its_period(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> bool:
    """Whether a month-, quarter- or year-precision event ends after the period it starts in: a stretch from that
    period on ("since 2014" up to publication, or an end set by hand), not a part of the period."""
    if precision == "month":
        return end.normalize() > (start + pd.offsets.MonthEnd(0)).normalize()
    if precision == "year":
        return end.year > start.year
    if precision == "quarter":
        first = start.replace(month=(start.month - 1) // 3 * 3 + 1, day=1)
        return end.normalize() > (first + pd.offsets.QuarterEnd(0)).normalize()
    return False


def _enclosing_if_partial(start: pd.Timestamp, end: pd.Timestamp, precision: str) -> tuple[pd.Timestamp, ...]:
    """The whole month, year or quarter ``start`` lies in when ``start``/``end`` cover only part of it (an
    "early"/"late" part, or a period cut at publication); an empty tuple when they are the whole period."""
    if precision == "month":
        period = (start.replace(day=1), start + pd.offsets.MonthEnd(0))
    elif precision == "year":
        period = (start.replace(month=1, day=1), start.replace(month=12, day=31))
    elif precision == "quarter":
        first = start.replace(month=(start.month - 1) // 3 * 3 + 1, day=1)
        period = (first, first + pd.offsets.QuarterEnd(0))
    else:
        return ()
    return () if (start.normalize(), end.normalize()) == (period[0], period[1].normalize()) else period


def _part(start: pd.Timestamp, end: pd.Timestamp, period: tuple[pd.Timestamp, ...]) -> str:
    """ "early ", "mid " or "late " for a small part of a period, by where it lies; "part of " for a larger one
    ("later this month" said on the 10th); "" for the whole period."""
    if not period:
        return ""
    if (end - start) > 0.4 * (period[1] - period[0]):
        return "part of "
    if start.normalize() == period[0]:
        return "early "
    return "late " if end.normalize() >= period[1].normalize() else "mid "


def _days(start: pd.Timestamp, end: pd.Timestamp) -> str:
    if start.month == end.month and start.year == end.year:
        return f"{start.day}–{end.day} {start:%b}"
    return f"{start.day} {start:%b} – {end.day} {end:%b}"


def event_kind(start: pd.Series, end: pd.Series, precision: pd.Series) -> pd.Series:
    """``point`` (one day), ``span`` (several days) or ``period`` (coarser than a day)."""
    kind = pd.Series("point", index=start.index, dtype=object)
    kind[(precision == "day") & (end > start)] = "span"
    kind[precision.isin(COARSE)] = "period"
    return kind


def key_events(frame: pd.DataFrame, per: str = "W", top: int = 3) -> pd.DataFrame:
    """The ``top`` most salient events of each period (``per``: pandas period alias), in frame order.

    For crowded views: the reader sees what mattered each week instead of a wall of dots.
    Ties go to better-corroborated events. Undated rows are dropped.
    """
    dated = frame.dropna(subset=["start"])
    if dated.empty:
        return dated
    period = dated["start"].dt.to_period(per)
    ranked = dated.assign(_p=period).sort_values(["_p", "salience", "corroboration"], ascending=[True, False, False])
    keep = ranked.groupby("_p", sort=False).head(top).index
    return frame.loc[frame.index.isin(keep)]


#: Columns the chart reads (hover labels included).
_DRAWN_COLUMNS = ("event_id", "start", "end", "precision", "status", "title", "salience", "corroboration",
                  "event_type", "actors", "places", "source", "origin", "conflict", "sentence")  # fmt: skip


def _jitter(event_ids: pd.Series) -> pd.Series:
    """A stable vertical offset per event, so same-day events in one lane do not hide each other."""
    return event_ids.map(lambda eid: (zlib.crc32(eid.encode()) % 1000) / 1000 * 0.6 - 0.3)


def _layout_rows(frame: pd.DataFrame, lanes: str, color: str) -> tuple[pd.DataFrame, list[str]]:
    """One row per (event, lane) with its lane position, colour category and kind."""
    wanted = dict.fromkeys([*_DRAWN_COLUMNS, lanes, color])  # only what is drawn: copies stay cheap at 100k
    dated = frame.loc[frame["start"].notna(), list(wanted)]
    none, found = none_label(lanes), options(dated, lanes)
    named = [lane for lane in found if lane != none]
    last = [none] if none in found else []  # events with no actor (place...) are not a category: the last lane
    room = MAX_LANES - len(last)
    lane_order = (named if len(named) <= room else named[: room - 1] + [OTHER_LABEL]) + last
    keep = set(lane_order)
    colors = facet_values(dated, color).str[0] if color in MULTI_VALUED else single_values(dated, color)
    if color != "status" and colors.nunique() > len(PALETTE):  # past the palette the rarer ones share "(other)"
        common = colors.value_counts().index[: len(PALETTE) - 1]
        colors = colors.where(colors.isin(common), OTHER_LABEL)
    rows = dated.assign(_color=colors, _kind=event_kind(dated["start"], dated["end"], dated["precision"]))
    if lanes in MULTI_VALUED:
        lane_lists = facet_values(dated, lanes).map(lambda values: sorted({v if v in keep else OTHER_LABEL
                                                                           for v in values}, key=str))  # fmt: skip
        rows = rows.assign(_lane=lane_lists).explode("_lane")
    else:
        lane = single_values(dated, lanes)
        rows = rows.assign(_lane=lane.where(lane.isin(keep), OTHER_LABEL))
    position = {lane: i for i, lane in enumerate(lane_order)}
    rows["_y"] = rows["_lane"].map(position).astype(float)
    return rows, lane_order


def _color_map(categories: list[str], color: str) -> dict[str, str]:
    if color == "status":
        return {c: STATUS_COLORS.get(c, PALETTE[i % len(PALETTE)]) for i, c in enumerate(categories)}
    named = [c for c in categories if c != OTHER_LABEL]
    return {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(named)} | {OTHER_LABEL: OTHER_COLOR}


def hover_text(row: pd.Series) -> str:
    """The hover label of one event: every article-derived part escaped."""
    actors = ", ".join(a["name"] if isinstance(a, dict) else str(a) for a in row["actors"]) or "–"
    places = ", ".join(p["name"] if isinstance(p, dict) else str(p) for p in row["places"]) or "–"
    outlets = "outlet" if row["corroboration"] == 1 else "outlets"
    lines = [
        f"<b>{esc(row['title'])}</b>",
        esc(date_label(row["start"], row["end"], row["precision"])),
        f"Status: {esc(row['status'])} · Type: {esc(row['event_type'])}",
        f"Actors: {esc(actors)}",
        f"Places: {esc(places)}",
        f"Source: {esc(row['source'] or row['origin'] or '–')}",
        f"Reported by {row['corroboration']} {outlets}",
    ]
    if row["conflict"]:
        lines.append(f"Conflict: {esc(row['conflict'])}")
    sentence = " ".join(row["sentence"].split())
    if len(sentence) > HOVER_SENTENCE:
        sentence = sentence[: HOVER_SENTENCE - 1].rsplit(" ", 1)[0] + "…"
    lines.append("<i>" + "<br>".join(esc(part) for part in textwrap.wrap(sentence, 70)) + "</i>")
    return "<br>".join(lines)


def _point_size(corroboration: pd.Series) -> pd.Series:
    return 8 + 3 * (corroboration.clip(lower=1, upper=7) - 1)


def _bar_trace(rows: pd.DataFrame, name: str, color: str, *, faint: bool, width: float, hover: list[str]) -> go.Bar:
    tentative = rows["status"].isin(TENTATIVE)
    return go.Bar(
        name=esc(name),
        legendgroup=esc(name),
        showlegend=False,
        orientation="h",
        base=rows["start"].dt.strftime("%Y-%m-%d").tolist(),
        x=((rows["end"] - rows["start"] + _ONE_DAY) / pd.Timedelta(milliseconds=1)).astype("int64").tolist(),
        y=rows["_y"].round(3).tolist(),
        width=width,
        marker={
            "color": color,
            "opacity": 0.12 if faint else 0.75,
            "line": {"color": color, "width": 1},
            "pattern": {"shape": ["/" if t else "" for t in tentative], "fgcolor": color, "size": 6},
        },
        hovertext=hover,
        hoverinfo="text",
        customdata=rows["event_id"].tolist(),
    )


def _events_traces(rows: pd.DataFrame, colors: dict[str, str]) -> list[go.BaseTraceType]:
    """Unaggregated view: every event drawn, one to three traces per colour category."""
    traces: list[go.BaseTraceType] = []
    for category, group in rows.groupby("_color", sort=False):
        color = colors[category]
        hover = group.apply(hover_text, axis=1).tolist() if len(group) else []
        group = group.assign(_hover=hover)
        periods = group[group["_kind"] == "period"]
        if len(periods):
            traces.append(_bar_trace(periods, category, color, faint=True, width=0.8, hover=periods["_hover"].tolist()))
        spans = group[group["_kind"] == "span"]
        if len(spans):
            spans = spans.assign(_y=spans["_y"] + _jitter(spans["event_id"]))
            traces.append(_bar_trace(spans, category, color, faint=False, width=0.14, hover=spans["_hover"].tolist()))
        points = group[group["_kind"] == "point"]
        if len(points):
            tentative = points["status"].isin(TENTATIVE)
            traces.append(
                go.Scattergl(
                    name=esc(category),
                    legendgroup=esc(category),
                    showlegend=False,
                    mode="markers",
                    x=points["start"].dt.strftime("%Y-%m-%d").tolist(),
                    y=(points["_y"] + _jitter(points["event_id"])).round(3).tolist(),
                    marker={
                        "color": color,
                        "size": _point_size(points["corroboration"]).tolist(),
                        "symbol": ["circle-open" if t else "circle" for t in tentative],
                        "line": {"width": 2},
                    },
                    hovertext=points["_hover"].tolist(),
                    hoverinfo="text",
                    customdata=points["event_id"].tolist(),
                )
            )
    return traces


def _bin_freq(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """Bin size giving at most a few hundred bins over the view."""
    days = (end - start).days + 1
    return "D" if days <= 300 else "W" if days <= 2100 else "M"


def _aggregated_traces(rows: pd.DataFrame, colors: dict[str, str], freq: str) -> list[go.BaseTraceType]:
    """Zoomed-out view of many events: one marker per lane, colour and bin, sized by count."""
    traces: list[go.BaseTraceType] = []
    ranked = rows.sort_values("salience", ascending=False)
    unit = {"D": "day", "W": "week", "M": "month"}[freq]
    for category, group in ranked.groupby("_color", sort=False):
        color = colors[category]
        bars = group[group["_kind"] != "point"]
        if len(bars):  # spans snap outwards to whole bins, so near-identical spans share one bar
            spans = bars["_kind"] == "span"
            bars = bars.assign(
                start=bars["start"].where(~spans, bars["start"].dt.to_period(freq).dt.start_time),
                end=bars["end"].where(~spans, bars["end"].dt.to_period(freq).dt.end_time.dt.normalize()),
            )
            keys = ["_lane", "_y", "_kind", "start", "end"]
            agg = bars.groupby(keys, sort=False).agg(
                n=("event_id", "size"), event_id=("event_id", "first"), title=("title", "first"),
                status=("status", "first"), precision=("precision", "first"),
            ).reset_index()  # fmt: skip
            agg = agg.sort_values("n", ascending=False).head(MAX_BARS)
            labels = [date_label(s, e, p) for s, e, p in zip(agg["start"], agg["end"], agg["precision"], strict=True)]
            hover = [
                f"<b>{n} event{'s' if n > 1 else ''}</b> · {esc(label)}<br>top: {esc(t)}"
                for n, label, t in zip(agg["n"], labels, agg["title"], strict=True)
            ]
            faint = agg["_kind"] == "period"
            for is_faint in (True, False):
                part = agg[faint == is_faint]
                if len(part):
                    traces.append(
                        _bar_trace(part, category, color, faint=is_faint, width=0.8 if is_faint else 0.14,
                                   hover=[h for h, f in zip(hover, faint, strict=True) if f == is_faint])
                    )  # fmt: skip
        points = group[group["_kind"] == "point"]
        if len(points):
            binned = points.assign(_bin=points["start"].dt.to_period(freq).dt.start_time)
            agg = binned.groupby(["_lane", "_y", "_bin"], sort=False).agg(
                n=("event_id", "size"), event_id=("event_id", "first"), title=("title", "first")
            ).reset_index()  # fmt: skip
            hover = [
                f"<b>{n} event{'s' if n > 1 else ''}</b> · {unit} of {b:%d %b %Y}<br>top: {esc(t)}"
                for n, b, t in zip(agg["n"], agg["_bin"], agg["title"], strict=True)
            ]
            traces.append(
                go.Scattergl(
                    name=esc(category),
                    legendgroup=esc(category),
                    showlegend=False,
                    mode="markers",
                    x=agg["_bin"].dt.strftime("%Y-%m-%d").tolist(),
                    y=agg["_y"].tolist(),
                    marker={"color": color, "size": (6 + 3 * agg["n"].map(math.sqrt)).clip(upper=40).round(1).tolist(),
                            "opacity": 0.7},
                    hovertext=hover,
                    hoverinfo="text",
                    customdata=agg["event_id"].tolist(),
                )
            )  # fmt: skip
    return traces


def _legend_traces(categories: list[str], colors: dict[str, str], color: str) -> list[go.Scatter]:
    """One legend-only marker per colour category: solid, or hollow for a tentative status (what hollow means).

    Left to the event traces, a legend entry copies the trace's first point, so an actor whose first event is
    scheduled would look hollow, and a category drawn only as bars would show a bar swatch.
    """
    hollow = {category: color == "status" and category in TENTATIVE for category in categories}
    return [
        go.Scatter(
            name=esc(category), legendgroup=esc(category), x=[None], y=[None], mode="markers", hoverinfo="skip",
            marker={"color": colors[category], "size": 10, "symbol": "circle-open" if hollow[category] else "circle",
                    "line": {"width": 2 if hollow[category] else 0}},
        )
        for category in categories
    ]  # fmt: skip


def density(frame: pd.DataFrame, freq: str = "D") -> pd.DataFrame:
    """Events per day (``D``) or week (``W``) by start date, for day-precision events only.

    Coarser events are left out: counting a month-precision event on the 1st would invent a peak.
    """
    days = frame[(frame["precision"] == "day") & frame["start"].notna()]
    if days.empty:
        return pd.DataFrame({"period": pd.Series(dtype="datetime64[ns]"), "events": pd.Series(dtype="int64")})
    counts = days["start"].dt.to_period(freq).value_counts().sort_index()
    return pd.DataFrame({"period": counts.index.start_time, "events": counts.to_numpy()})


def focus_range(frame: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The period most day-dated events fall in (2nd to 98th percentile, widened over events close to them), when
    the data spans much more.

    A crisis corpus mentions background years (2014, 2008...): zooming out to them by default
    would crush the crisis itself into a sliver. The range slider still reaches everything.
    """
    dated = frame.dropna(subset=["start"])
    if dated.empty:
        return None
    full = (dated["start"].min(), dated["end"].max())
    days = dated.loc[dated["precision"] == "day", "start"]
    if len(days) < 5:
        return full
    lo, hi = days.quantile(0.02), days.quantile(0.98)
    lo, hi = _grow_while_close(days, lo, hi)
    if (full[1] - full[0]) > 2 * (hi - lo + pd.Timedelta(days=14)):
        return lo.normalize() - pd.Timedelta(days=7), hi.normalize() + pd.Timedelta(days=7)
    return full


#: A day-dated event this close to the crisis's others belongs to it: the default view keeps it.
FOCUS_GAP = pd.Timedelta(days=30)


def _grow_while_close(days: pd.Series, lo: pd.Timestamp, hi: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The percentile bounds widened over every day event within ``FOCUS_GAP`` of the next: only events far from
    the rest (background years) fall outside, never the crisis's first or last dispatches."""
    ordered = days.sort_values().tolist()
    first = next(i for i, day in enumerate(ordered) if day >= lo)
    while first > 0 and ordered[first] - ordered[first - 1] <= FOCUS_GAP:
        first -= 1
    last = max(i for i, day in enumerate(ordered) if day <= hi)
    while last < len(ordered) - 1 and ordered[last + 1] - ordered[last] <= FOCUS_GAP:
        last += 1
    return ordered[first], ordered[last]


def timeline_figure(
    frame: pd.DataFrame,
    *,
    lanes: str = "event_type",
    color: str = "status",
    view: tuple[dt.date, dt.date] | None = None,
    selected: str | None = None,
    title: str = "",
) -> go.Figure:
    """The interactive timeline of ``frame`` (already filtered): lanes, colours, density strip, range slider.

    ``view`` is the visible date range (the chart's zoom; default :func:`focus_range`, with a note counting the
    events it leaves out); aggregation kicks in when more than :data:`AGGREGATE_ABOVE` rows fall inside it; the
    range slider always spans every event. ``selected`` (an event_id) is ringed.
    Each event trace carries event ids in ``customdata`` (see :func:`event_at`).
    """
    if lanes not in CHOICES or color not in CHOICES:
        raise ValueError(f"lanes and color must be among {sorted(CHOICES)}")
    rows, lane_order = _layout_rows(frame, lanes, color)
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.8, 0.2], vertical_spacing=0.05)
    if rows.empty:
        fig.add_annotation(text="No dated events in this view", showarrow=False, x=0.5, y=0.5, xref="paper",
                           yref="paper", font={"size": 16})  # fmt: skip
        fig.update_layout(height=320, template="plotly_white")
        return fig
    lo, hi = focus_range(frame) or (rows["start"].min(), rows["end"].max())
    if view is not None:
        lo, hi = pd.Timestamp(view[0]), pd.Timestamp(view[1])
    in_view = rows[(rows["end"] >= lo) & (rows["start"] <= hi)]
    categories = list(rows.drop_duplicates("event_id")["_color"].value_counts().index)
    colors = _color_map(categories, color)
    freq = _bin_freq(lo, hi)
    aggregate = len(in_view) > AGGREGATE_ABOVE
    traces = _aggregated_traces(rows, colors, freq) if aggregate else _events_traces(rows, colors)
    fig.add_traces(_legend_traces(categories, colors, color) + traces, rows=1, cols=1)
    if selected and selected in set(rows["event_id"]):
        sel = rows[rows["event_id"] == selected]
        fig.add_trace(
            go.Scatter(
                name="selected", mode="markers", showlegend=False, hoverinfo="skip",
                x=sel["start"].dt.strftime("%Y-%m-%d").tolist(), y=sel["_y"].tolist(),
                marker={"symbol": "circle-open", "size": 26, "color": "#d62728", "line": {"width": 3}},
            ),
            row=1, col=1,
        )  # fmt: skip
    strip_freq = "D" if freq == "D" else "W"
    dens = density(frame, strip_freq)
    fig.add_trace(
        go.Bar(
            name="density", showlegend=False, marker={"color": "#888"},
            x=dens["period"].dt.strftime("%Y-%m-%d").tolist(), y=dens["events"].tolist(),
            hovertemplate=f"%{{x}}: %{{y}} events dated to a day ({'per day' if strip_freq == 'D' else 'per week'})"
            "<extra></extra>",
        ),
        row=2, col=1,
    )  # fmt: skip
    first, last = _padded(lo, hi)
    fig.update_xaxes(type="date", range=[f"{first:%Y-%m-%d}", f"{last:%Y-%m-%d}"])
    whole = _padded(rows["start"].min(), rows["end"].max())  # the slider reaches every event, whatever the view
    fig.update_xaxes(rangeslider={"visible": True, "thickness": 0.06, "range": [f"{day:%Y-%m-%d}" for day in whole]},
                     row=2, col=1)  # fmt: skip
    note = "" if view is not None else _outside_note(rows, first, last)
    if note:
        fig.add_annotation(text=esc(note), showarrow=False, xref="paper", x=0, xanchor="left", yref="y2 domain", y=1,
                           yanchor="bottom", font={"size": 11, "color": "#555"})  # fmt: skip
    fig.update_yaxes(
        tickmode="array", tickvals=list(range(len(lane_order))), ticktext=[esc(lane) for lane in lane_order],
        range=[len(lane_order) - 0.5, -0.5], zeroline=False, fixedrange=True, row=1, col=1,
    )  # fmt: skip
    fig.update_yaxes(title_text="per day" if strip_freq == "D" else "per week", title_font={"size": 10}, nticks=3,
                     fixedrange=True, row=2, col=1)  # fmt: skip
    fig.update_layout(
        title=_title(title, rows) if title else None,
        template="plotly_white",
        barmode="overlay",
        hovermode="closest",
        dragmode="zoom",
        selectdirection="h",  # the Box Select tool picks a period: the dashboard turns it into its date filter
        clickmode="event+select",
        uirevision=f"{lanes}:{color}",
        height=min(1400, 320 + 34 * len(lane_order)) + (60 if title else 0),  # the title block takes 60 px
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.01, "x": 0, "title": {"text": CHOICES[color]}},
        hoverlabel={"align": "left", "bgcolor": "white", "bordercolor": "#888",
                    "font": {"color": "#1d1d1f", "size": 12}},
    )
    return fig


def _padded(lo: pd.Timestamp, hi: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The axis range showing days ``lo`` to ``hi`` whole, with a fortieth of the span (a day at least) either side."""
    pad = pd.Timedelta(days=max(1, (hi - lo).days // 40))
    return lo - pad, hi + pad + _ONE_DAY


def _outside_note(rows: pd.DataFrame, first: pd.Timestamp, last: pd.Timestamp) -> str:
    """How many events lie wholly outside the opening view ``first``..``last``, and in which years: background
    years left off screen by :func:`focus_range` must not go unnoticed. Empty when every event shows."""
    events = rows.drop_duplicates("event_id")
    parts = []
    for side, part in (("earlier", events[events["end"] < first]), ("later", events[events["start"] >= last])):
        if len(part):
            years = "–".join(str(year) for year in sorted({part["start"].min().year, part["end"].max().year}))
            parts.append(f"{len(part)} {side} event{'s' if len(part) > 1 else ''} ({years})")
    return " and ".join(parts) + " outside this view: drag the range slider to see them" if parts else ""


def _title(title: str, rows: pd.DataFrame) -> dict:
    """The title, with a subtitle giving how many events and which dates the chart holds, at the top of the
    figure: anchored to the container with automargin, plotly stacks it above the legend instead of under it."""
    count, first, last = rows["event_id"].nunique(), rows["start"].min(), rows["end"].max()
    subtitle = f"{count} dated event{'s' if count > 1 else ''} · {first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
    return {"text": esc(title), "subtitle": {"text": subtitle}, "automargin": True, "pad": {"t": 12, "l": 12},
            "x": 0, "xref": "container", "xanchor": "left", "y": 1, "yref": "container", "yanchor": "top"}  # fmt: skip


def event_at(fig: go.Figure, curve: int, index: int) -> str | None:
    """The event_id behind point ``index`` of trace ``curve`` (what a click selects), if any."""
    if not 0 <= curve < len(fig.data):
        return None
    ids = fig.data[curve].customdata
    if ids is None or not 0 <= index < len(ids):
        return None
    return str(ids[index])


def place_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Places with coordinates and how many events name them (for the map)."""
    records = []
    for event_id, cell in zip(frame["event_id"], frame["places"], strict=True):
        for place in cell:
            if isinstance(place, dict) and place.get("lat") is not None and place.get("lon") is not None:
                records.append(
                    {"name": place.get("name", ""), "country": place.get("country", ""), "lat": float(place["lat"]),
                     "lon": float(place["lon"]), "event_id": event_id}
                )  # fmt: skip
    if not records:
        return pd.DataFrame(columns=["name", "country", "lat", "lon", "events"])
    table = pd.DataFrame(records).drop_duplicates(["name", "event_id"])
    return (
        table.groupby(["name", "country"], as_index=False)
        .agg(lat=("lat", "first"), lon=("lon", "first"), events=("event_id", "size"))
        .sort_values("events", ascending=False, ignore_index=True)
    )


#: Places labelled on the map (the most mentioned); the others show their name on hover.
MAP_LABELS = 15


def _core_extent(places: pd.DataFrame) -> tuple[tuple[float, float], tuple[float, float]]:
    """Lat/lon ranges around the places holding most events (outliers stay reachable by panning)."""
    weights = places["events"].to_numpy()
    order = places.assign(w=weights)

    def span(col: str) -> tuple[float, float]:
        ranked = order.sort_values(col)
        cum = ranked["w"].cumsum() / ranked["w"].sum()
        return float(ranked.loc[cum >= 0.1, col].iloc[0]), float(ranked.loc[cum >= 0.9, col].iloc[0])

    (lat0, lat1), (lon0, lon1) = span("lat"), span("lon")
    lat_pad = max(3.0, (lat1 - lat0) * 0.25)
    lon_pad = max(6.0, (lon1 - lon0) * 0.25)
    return (max(-80.0, lat0 - lat_pad), min(80.0, lat1 + lat_pad)), (max(-180.0, lon0 - lon_pad),
                                                                     min(180.0, lon1 + lon_pad))


def map_figure(frame: pd.DataFrame) -> go.Figure:
    """Places sized by their number of events, on plotly's own geo projection (no map tiles).

    Place names are drawn as labels and the lat/lon grid is shown, so the map stays readable
    even when the base map outlines cannot be fetched (offline use).
    """
    places = place_table(frame)
    fig = go.Figure()
    if places.empty:
        fig.add_annotation(text="No events with a located place in this view", showarrow=False, font={"size": 16})
        fig.update_layout(height=320, template="plotly_white", xaxis_visible=False, yaxis_visible=False)
        return fig
    labelled = set(places["name"].head(MAP_LABELS))
    fig.add_trace(
        go.Scattergeo(
            lat=places["lat"].tolist(), lon=places["lon"].tolist(), mode="markers+text",
            text=[esc(n) if n in labelled else "" for n in places["name"]], textposition="top center",
            textfont={"size": 11, "color": "#333"},
            marker={"size": (8 + 6 * places["events"].map(math.sqrt)).clip(upper=60).tolist(), "color": "#d62728",
                    "opacity": 0.7, "line": {"width": 1, "color": "#222"}},
            hovertext=[f"<b>{esc(n)}</b> ({esc(c) or '–'})<br>{e} event{'s' if e > 1 else ''}"
                       for n, c, e in zip(places["name"], places["country"], places["events"], strict=True)],
            hoverinfo="text",
        )
    )  # fmt: skip
    (lat0, lat1), (lon0, lon1) = _core_extent(places)
    fig.update_geos(
        projection_type="mercator", showcountries=True, showland=True, landcolor="#f2efe9", countrycolor="#999",
        showocean=True, oceancolor="#eef4f8", lataxis={"range": [lat0, lat1], "showgrid": True, "dtick": 5},
        lonaxis={"range": [lon0, lon1], "showgrid": True, "dtick": 5},
    )  # fmt: skip
    fig.update_layout(height=560, margin={"l": 0, "r": 0, "t": 10, "b": 0})
    return fig
