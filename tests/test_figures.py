"""Figures: what is drawn how, escaping, one trace per category, aggregation at scale."""

import datetime as dt
import json

import pandas as pd
import pytest
from frames import XSS_TITLE, event, small_frame, synthetic

from timeline.figures import (
    AGGREGATE_ABOVE,
    OTHER_LABEL,
    date_label,
    density,
    esc,
    event_at,
    focus_range,
    key_events,
    map_figure,
    place_table,
    timeline_figure,
)
from timeline.filters import NONE_LABEL, Filters, apply, facet_values, none_label
from timeline.schema import from_records


def traces_with(fig, event_id):
    return [t for t in fig.data if t.customdata is not None and event_id in list(t.customdata)]


def test_each_kind_is_drawn_its_way():
    frame = apply(small_frame(), Filters())
    fig = timeline_figure(frame, lanes="event_type", color="status")
    (point,) = traces_with(fig, "ev0001")
    assert point.type == "scattergl"
    (span,) = traces_with(fig, "ev0002")
    assert span.type == "bar" and span.orientation == "h"
    i = list(span.customdata).index("ev0002")
    assert span.base[i] == "2022-02-10" and span.x[i] == 10 * 86_400_000  # 10 days, inclusive end
    (month,) = traces_with(fig, "ev0003")
    assert month.type == "bar" and month.marker.opacity < 0.5  # a faint band, not a point on the 1st
    j = list(month.customdata).index("ev0003")
    assert month.base[j] == "2020-08-01" and month.x[j] == 31 * 86_400_000
    (possible,) = traces_with(fig, "ev0007")
    assert possible.marker.symbol[list(possible.customdata).index("ev0007")] == "circle-open"
    assert not traces_with(fig, "ev0006")  # undated: table only


def test_one_trace_group_per_category_and_all_events_present():
    frame = apply(small_frame(), Filters())
    fig = timeline_figure(frame, color="status")
    event_traces = [t for t in fig.data if t.customdata is not None]
    shown = {eid for t in event_traces for eid in t.customdata}
    assert shown == set(frame.dropna(subset=["start"])["event_id"])
    assert len(event_traces) <= 3 * frame["status"].nunique()


def test_no_two_named_colour_categories_share_a_colour():
    frame = from_records([event(i, source=f"Outlet {i}") for i in range(1, 41)])  # 40 outlets, 16 colours
    fig = timeline_figure(frame, color="source")
    colours: dict[str, set[str]] = {}
    for trace in fig.data:
        if trace.customdata is not None and trace.legendgroup:
            colours.setdefault(trace.marker.color, set()).add(trace.legendgroup)
    assert all(len(groups) == 1 for groups in colours.values()), colours
    assert any(OTHER_LABEL in groups for groups in colours.values())  # the rest, together


def test_article_text_is_escaped_everywhere():
    frame = apply(small_frame(), Filters())
    for lanes in ("source", "event_type"):
        payload = timeline_figure(frame, lanes=lanes, color="source").to_json()
        assert "<img" not in payload and "<script" not in payload and "<b>Evil" not in payload
        assert "&lt;img src=x" in payload
    (trace,) = traces_with(timeline_figure(frame), "ev0007")
    hover = trace.hovertext[list(trace.customdata).index("ev0007")]
    assert hover.startswith("<b>&lt;img") and XSS_TITLE not in hover


def test_lanes_by_actor_repeat_multi_actor_events():
    frame = apply(small_frame(), Filters())
    fig = timeline_figure(frame, lanes="actors")
    lanes = list(fig.layout.yaxis.ticktext)
    assert {"Russia", "Belarus", "NATO", none_label("actors")} <= set(lanes)
    (span,) = traces_with(fig, "ev0002")
    assert list(span.customdata).count("ev0002") == 2  # drills in the Russia lane and the Belarus lane


def test_event_at_and_selected_ring():
    frame = apply(small_frame(), Filters())
    fig = timeline_figure(frame, selected="ev0008")
    (trace,) = traces_with(fig, "ev0008")
    curve = list(fig.data).index(trace)
    assert event_at(fig, curve, list(trace.customdata).index("ev0008")) == "ev0008"
    assert event_at(fig, 99, 0) is None
    assert any(t.name == "selected" for t in fig.data)


def test_date_labels_keep_precision():
    ts = pd.Timestamp
    assert date_label(ts("2022-02-09"), ts("2022-02-09"), "day") == "Wed 9 Feb 2022"
    assert date_label(ts("2020-08-01"), ts("2020-08-31"), "month") == "August 2020 (month)"
    assert date_label(ts("2014-01-01"), ts("2014-12-31"), "year") == "2014 (year)"
    assert "span" in date_label(ts("2022-02-10"), ts("2022-02-19"), "day")


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        ("2021-03-01", "2021-05-31", "season", "spring 2021 (season)"),
        ("2021-12-01", "2022-02-28", "season", "winter 2021–22 (season)"),
        ("2022-07-01", "2022-12-31", "half", "H2 2022 (half)"),
        ("1990-01-01", "1999-12-31", "decade", "the 1990s (decade)"),
        ("1900-01-01", "1999-12-31", "century", "the 20th century (century)"),
        ("2000-01-01", "2099-12-31", "century", "the 21st century (century)"),
        # a part of a season keeps its days
        ("2021-03-10", "2021-05-31", "season", "10 Mar 2021 – 31 May 2021 (season)"),
    ],
)
def test_date_labels_name_whole_seasons_halves_decades_and_centuries(start, end, precision, expected):
    assert date_label(pd.Timestamp(start), pd.Timestamp(end), precision) == expected


def test_date_labels_name_part_of_a_period():
    ts = pd.Timestamp
    assert date_label(ts("2023-01-01"), ts("2023-04-30"), "year") == "early 2023 (1 Jan – 30 Apr)"
    assert date_label(ts("2021-12-21"), ts("2021-12-31"), "month") == "late December 2021 (21–31 Dec)"
    assert date_label(ts("2022-01-11"), ts("2022-01-20"), "month") == "mid January 2022 (11–20 Jan)"
    # "later this month" said on the 10th: most of the month, not its end
    assert date_label(ts("2022-02-10"), ts("2022-02-28"), "month") == "part of February 2022 (10–28 Feb)"


def test_a_period_running_past_itself_is_a_span_from_it():
    ts = pd.Timestamp  # "Russia has held Crimea since 2014", published 27 November 2021
    assert date_label(ts("2014-01-01"), ts("2021-11-27"), "year") == "2014 – 27 Nov 2021 (span)"
    assert date_label(ts("2022-01-01"), ts("2022-03-17"), "month") == "January 2022 – 17 Mar 2022 (span)"


def test_density_counts_only_day_events():
    frame = small_frame()
    strip = density(frame, "D")
    assert int(strip["events"].sum()) == int(((frame["precision"] == "day") & frame["start"].notna()).sum())
    assert dt.date(2020, 8, 1) not in set(strip["period"].dt.date)


def test_key_events_top_per_week():
    frame = synthetic(400)
    top = key_events(frame, per="W", top=2)
    weeks = top["start"].dt.to_period("W")
    assert weeks.value_counts().max() <= 2
    best = frame.loc[frame["start"].dt.to_period("W") == weeks.iloc[0], "salience"].max()
    assert top.loc[weeks == weeks.iloc[0], "salience"].max() == best


def test_aggregates_when_crowded_and_stays_small():
    frame = synthetic(AGGREGATE_ABOVE * 2)
    fig = timeline_figure(frame)
    points = sum(len(t.x) for t in fig.data if t.type == "scattergl")
    assert points < len(frame) / 3
    assert len(json.dumps(fig.to_plotly_json(), default=str)) < 2_000_000
    small = timeline_figure(synthetic(200))
    assert sum(len(t.x) for t in small.data if t.type == "scattergl") > 100  # not aggregated


def test_empty_view_explains_itself():
    fig = timeline_figure(small_frame().iloc[0:0])
    assert "No dated events" in fig.layout.annotations[0].text


def test_map_sizes_places_by_events_and_escapes():
    frame = apply(small_frame(), Filters())
    table = place_table(frame)
    assert table.iloc[0]["name"] in {"Minsk", "Kyiv"} and table["events"].sum() == 6
    fig = map_figure(frame)
    assert fig.data[0].type == "scattergeo" and len(fig.data[0].lat) == 2
    assert "No events with a located place" in map_figure(frame.iloc[0:0]).layout.annotations[0].text


def test_the_default_view_keeps_the_first_dispatches_and_drops_far_background():
    first = [event(i, start=dt.date(2021, 11, 10), end=dt.date(2021, 11, 10)) for i in range(1, 4)]
    crisis = [event(i, start=dt.date(2021, 12, 1) + dt.timedelta(days=i), end=dt.date(2021, 12, 1)
                    + dt.timedelta(days=i)) for i in range(4, 200)]  # fmt: skip
    background = [event(200, start=dt.date(1997, 5, 1), end=dt.date(1997, 5, 31), precision="month")]
    lo, hi = focus_range(from_records(first + crisis + background))
    assert lo <= pd.Timestamp("2021-11-10") and lo > pd.Timestamp("2021-01-01")


def day_event(n: int, day: dt.date) -> dict:
    return event(n, start=day, end=day)


def test_the_default_view_opens_on_the_crisis_says_what_it_leaves_out_and_the_slider_reaches_it():
    crisis = [day_event(i, dt.date(2021, 12, 1) + dt.timedelta(days=i)) for i in range(1, 80)]
    background = [
        event(90, start=dt.date(1997, 5, 1), end=dt.date(1997, 5, 31), precision="month"),
        event(91, start=dt.date(2014, 1, 1), end=dt.date(2014, 12, 31), precision="year"),
        event(92, start=dt.date(2014, 1, 1), end=dt.date(2014, 12, 31), precision="year"),
    ]
    frame = from_records(crisis + background)
    fig = timeline_figure(frame)
    first, last = (pd.Timestamp(day) for day in fig.layout.xaxis.range)
    earlier = frame[frame["end"] < first]
    assert set(earlier["event_id"]) == {"ev0090", "ev0091", "ev0092"}  # the crisis fills the view, no background
    assert frame.loc[frame["start"] > pd.Timestamp("2015-01-01"), "start"].between(first, last).all()
    slider = [pd.Timestamp(day) for day in fig.layout.xaxis2.rangeslider.range]
    assert slider[0] <= frame["start"].min() and slider[1] > frame["end"].max()  # dragging reaches 1997
    (note,) = fig.layout.annotations
    assert note.text.startswith(f"{len(earlier)} earlier events (1997–2014) outside this view")
    assert "range slider" in note.text and "later" not in note.text

    zoomed = timeline_figure(frame, view=(dt.date(2021, 12, 5), dt.date(2021, 12, 20)))
    assert zoomed.layout.xaxis.range[0] == "2021-12-04" and not zoomed.layout.annotations  # the user's zoom, as is
    one_cluster = timeline_figure(from_records(crisis))
    assert not one_cluster.layout.annotations
    assert pd.Timestamp(one_cluster.layout.xaxis.range[0]) < pd.Timestamp("2021-12-02")


def legend_entries(fig) -> dict[str, object]:
    """Legend label -> the trace drawing its symbol (plotly shows one entry per trace not hidden from it)."""
    entries = [t for t in fig.data if t.showlegend is not False]
    assert len({t.name for t in entries}) == len(entries), [t.name for t in entries]  # one entry per category
    return {t.name: t for t in entries}


def legend_symbol(trace) -> str:
    assert trace.type in ("scatter", "scattergl"), f"{trace.name}: a {trace.type} swatch, not a marker"
    symbol = trace.marker.symbol
    return symbol if isinstance(symbol, str) else symbol[0]  # an array: plotly's legend copies the first point


def test_legend_markers_are_solid_except_tentative_statuses():
    frame = apply(small_frame(), Filters())
    dated = frame.dropna(subset=["start"])
    for color in ("actors", "places", "source", "event_type"):
        entries = legend_entries(timeline_figure(frame, color=color))
        assert set(entries) == set(facet_values(dated, color).str[0].map(esc)), color
        assert all(legend_symbol(trace) == "circle" for trace in entries.values()), color
    by_status = legend_entries(timeline_figure(frame, color="status"))
    assert set(by_status) == set(dated["status"])
    assert {name for name, trace in by_status.items() if legend_symbol(trace).endswith("-open")} == {
        "scheduled", "possible"} & set(dated["status"])  # fmt: skip


def lane_events(fig, lane: int) -> set[str]:
    """The events drawn in lane number ``lane`` (points are jittered at most 0.3 off it)."""
    return {eid for t in fig.data if t.customdata is not None
            for eid, y in zip(t.customdata, t.y, strict=True) if round(y) == lane}  # fmt: skip


def test_events_without_a_value_share_a_named_last_lane_that_is_also_their_filter():
    frame = apply(small_frame(), Filters())
    for facet, label in (("actors", "No actor named"), ("places", "No place named")):
        fig = timeline_figure(frame, lanes=facet)
        lanes = list(fig.layout.yaxis.ticktext)
        assert lanes[-1] == label == none_label(facet) and NONE_LABEL not in lanes
        picked = apply(frame, Filters(**{facet: (label,)}))
        assert lane_events(fig, len(lanes) - 1) == set(picked.dropna(subset=["start"])["event_id"]) != set()
        assert Filters(**{facet: (NONE_LABEL,)}) == Filters(**{facet: (label,)})  # views saved with "(none)"
