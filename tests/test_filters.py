"""Filters: each facet narrows the frame as a reader expects; views round-trip through dicts."""

import datetime as dt

from frames import event, small_frame
from hypothesis import given
from hypothesis import strategies as st

from timeline.filters import NONE_LABEL, Filters, apply, date_bounds, from_dict, options, outside_dates, to_dict
from timeline.schema import from_records


def ids(frame):
    return set(frame["event_id"])


def test_default_hides_only_negated():
    frame = small_frame()
    shown = apply(frame, Filters())
    assert ids(frame) - ids(shown) == {"ev0005"}
    assert ids(apply(frame, Filters(show_negated=True))) == ids(frame)
    assert ids(apply(frame, Filters(status=("negated",)))) == {"ev0005"}


def test_date_range_keeps_overlapping_periods_and_drops_undated():
    frame = small_frame()
    shown = apply(frame, Filters(date_from=dt.date(2022, 2, 12), date_to=dt.date(2022, 2, 20)))
    # the 10-19 Feb drills overlap; the 14 Feb event is inside; 9 Feb and 24 Feb are outside
    assert ids(shown) == {"ev0002", "ev0007"}
    year = apply(frame, Filters(date_from=dt.date(2014, 6, 1), date_to=dt.date(2014, 6, 30)))
    assert ids(year) == {"ev0004"}  # a year-precision event overlaps any range inside its year


def test_outside_dates_counts_what_only_the_dates_leave_out():
    frame = small_frame()
    feb = {"date_from": dt.date(2022, 2, 12), "date_to": dt.date(2022, 2, 20)}
    # dated and not negated: ev1, ev2, ev3, ev4, ev7, ev8; the range shows ev2 and ev7
    assert outside_dates(frame, Filters(**feb)) == 4
    assert outside_dates(frame, Filters(**feb, places=("Kyiv",))) == 2  # ev4 and ev8 (Kyiv) lie outside
    assert outside_dates(frame, Filters(places=("Kyiv",))) == 0  # no dates picked: nothing is outside


def test_facets_and_none_label():
    frame = small_frame()
    assert ids(apply(frame, Filters(event_type=("exercise",)))) == {"ev0002"}
    assert ids(apply(frame, Filters(actors=("Belarus",)))) == {"ev0002"}
    assert ids(apply(frame, Filters(actors=(NONE_LABEL,)))) == {"ev0003"}
    assert ids(apply(frame, Filters(places=("Kyiv",), status=("occurred",)))) == {"ev0004", "ev0008"}
    assert ids(apply(frame, Filters(source=("BBC",)))) == ids(frame[frame["source"] == "BBC"]) - {"ev0005"}


def test_corroboration_and_text_search():
    frame = small_frame()
    assert ids(apply(frame, Filters(min_corroboration=3))) == {"ev0004", "ev0008"}
    assert ids(apply(frame, Filters(text="DRILLS"))) == {"ev0002"}
    assert ids(apply(frame, Filters(text="script xss"))) == {"ev0007"}  # every word must match
    assert apply(frame, Filters(text="no-such-word")).empty


def test_search_treats_typographic_and_typed_apostrophes_alike():
    frame = from_records([event(1, title="Putin's decree"), event(2, title="Putin’s speech")])
    assert ids(apply(frame, Filters(text="Putin’s"))) == {"ev0001", "ev0002"}
    assert ids(apply(frame, Filters(text="putin's speech"))) == {"ev0002"}


def test_options_most_frequent_first_and_bounds():
    frame = small_frame()
    assert options(frame, "places")[0] == "Minsk"
    assert "Belarus" in options(frame, "actors")
    assert date_bounds(frame) == (dt.date(2014, 1, 1), dt.date(2022, 2, 24))
    assert date_bounds(frame.iloc[0:0]) is None


filters_strategy = st.builds(
    Filters,
    date_from=st.none() | st.dates(),
    date_to=st.none() | st.dates(),
    event_type=st.lists(st.text(max_size=5), max_size=3).map(tuple),
    actors=st.lists(st.text(max_size=5), max_size=3).map(tuple),
    min_corroboration=st.integers(1, 9),
    text=st.text(max_size=10),
    show_negated=st.booleans(),
)


@given(filters_strategy)
def test_dict_round_trip(filters):
    assert from_dict(to_dict(filters)) == filters


def test_from_dict_ignores_garbage():
    assert from_dict({"date_from": "not a date", "min_corroboration": "x", "bogus": 1}) == Filters()
