"""Curation: edits apply by event_id, survive re-extraction, are audited; projects round-trip."""

import dataclasses
import datetime as dt
import json

import pandas as pd
import pytest
from frames import event, small_frame

from timeline.article import Article
from timeline.curation import (
    CurationError,
    Edit,
    ProjectFileError,
    apply_edits,
    audit_frame,
    edits_from_changes,
    hidden_ids,
    merge_edit,
    merges,
    project_from_json,
    project_to_json,
    unmatched,
    unmerge_edit,
)
from timeline.schema import from_records, validate


def row(frame, event_id):
    return frame.set_index("event_id").loc[event_id]


def test_field_edits_apply_and_are_logged():
    frame = small_frame()
    edits = edits_from_changes(frame, {"ev0001": {"title": "Gerasimov arrives", "status": "reported"}}, who="ana")
    assert [(e.field, e.old, e.new, e.who) for e in edits] == [
        ("title", "Event 1", "Gerasimov arrives", "ana"),
        ("status", "occurred", "reported", "ana"),
    ]
    out = apply_edits(frame, edits)
    assert row(out, "ev0001")["title"] == "Gerasimov arrives" and row(out, "ev0001")["status"] == "reported"
    assert row(frame, "ev0001")["title"] == "Event 1"  # input untouched
    log = audit_frame(edits)
    assert list(log.columns) == ["when", "who", "event_id", "action", "field", "old", "new"] and len(log) == 2


def test_unchanged_values_make_no_edit_and_bad_values_are_refused():
    frame = small_frame()
    assert edits_from_changes(frame, {"ev0001": {"title": "Event 1"}}, who="a") == []
    for change in ({"status": "maybe"}, {"start": "9 Feb"}, {"title": ""}, {"precision": "hour"}, {"sentence": "x"}):
        with pytest.raises(CurationError):
            edits_from_changes(frame, {"ev0001": change}, who="a")
    with pytest.raises(CurationError, match="not in the table"):
        edits_from_changes(frame, {"nope": {"title": "x"}}, who="a")


def test_pinning_a_month_event_to_a_day_is_logged_in_full():
    frame = small_frame()
    edits = edits_from_changes(frame, {"ev0003": {"start": "2020-08-09"}}, who="a")
    assert {(e.field, e.new) for e in edits} == {("start", "2020-08-09"), ("precision", "day"), ("end", "2020-08-09")}
    fixed = row(apply_edits(frame, edits), "ev0003")
    assert fixed["start"] == fixed["end"] == pd.Timestamp("2020-08-09") and fixed["precision"] == "day"


def test_start_after_end_is_kept_consistent():
    frame = small_frame()
    out = apply_edits(frame, [Edit("ev0002", "set", "start", "", "2022-03-01")])
    assert row(out, "ev0002")["end"] >= row(out, "ev0002")["start"]
    validate(out)


def test_an_end_before_the_start_is_refused_with_a_message():
    frame = small_frame()
    start = row(frame, "ev0002")["start"]
    before = (start - pd.Timedelta(days=5)).strftime("%Y-%m-%d")
    with pytest.raises(CurationError, match="before the start"):
        edits_from_changes(frame, {"ev0002": {"end": before}}, who="a")
    # moving both together is fine
    assert edits_from_changes(frame, {"ev0002": {"start": before, "end": before}}, who="a")


def test_moving_the_start_of_a_one_day_event_moves_its_end_along():
    frame = small_frame()  # ev0008: 24 Feb 2022, one day
    for day in ("2022-02-27", "2022-02-20"):  # later (never refused as "end before start") and earlier (no span)
        edits = edits_from_changes(frame, {"ev0008": {"start": day}}, who="a")
        assert {(e.field, e.new) for e in edits} == {("start", day), ("end", day)}
        moved = row(apply_edits(frame, edits), "ev0008")
        assert moved["start"] == moved["end"] == pd.Timestamp(day) and moved["precision"] == "day"
    # a span keeps its end: moving its start only widens or narrows it
    edits = edits_from_changes(frame, {"ev0002": {"start": "2022-02-12"}}, who="a")
    assert [(e.field, e.new) for e in edits] == [("start", "2022-02-12")]


def test_hide_unhide_and_keep_hidden():
    frame = small_frame()
    edits = edits_from_changes(frame, {"ev0008": {"hidden": True}}, who="a")
    assert hidden_ids(edits) == {"ev0008"}
    assert "ev0008" not in set(apply_edits(frame, edits)["event_id"])
    assert "ev0008" in set(apply_edits(frame, edits, keep_hidden=True)["event_id"])
    edits += edits_from_changes(frame, {"ev0008": {"hidden": False}}, who="a")
    assert "ev0008" in set(apply_edits(frame, edits)["event_id"])


def test_merge_removes_source_and_raises_corroboration():
    frame = from_records([event(1, source="Reuters"), event(2, source="AP"), event(3, source="Reuters")])
    out = apply_edits(frame, [merge_edit(frame, "ev0002", "ev0001", who="a")])
    assert list(out["event_id"]) == ["ev0001", "ev0003"]
    assert row(out, "ev0001")["corroboration"] == 2
    with pytest.raises(CurationError):
        merge_edit(frame, "ev0001", "ev0001", who="a")


def test_a_merged_report_stays_behind_its_event_and_an_unmerge_brings_it_back():
    frame = from_records([event(1, source="Reuters"), event(2, source="AP"), event(3, source="Reuters")])
    edits = [merge_edit(frame, "ev0002", "ev0001", who="a")]
    kept = apply_edits(frame, edits, keep_merged=True)
    assert list(kept["event_id"]) == ["ev0001", "ev0002", "ev0003"]
    assert row(kept, "ev0002")["cluster_id"] == row(kept, "ev0001")["cluster_id"] != ""
    assert merges(edits) == {"ev0002": "ev0001"}
    edits.append(unmerge_edit(edits, "ev0002", who="b"))
    assert (edits[-1].action, edits[-1].old) == ("unmerge", "ev0001")
    out = apply_edits(frame, edits)
    assert list(out["event_id"]) == ["ev0001", "ev0002", "ev0003"]
    assert row(out, "ev0001")["corroboration"] == 1 and merges(edits) == {}
    with pytest.raises(CurationError, match="not merged"):
        unmerge_edit(edits, "ev0002", who="b")
    edits.append(merge_edit(frame, "ev0002", "ev0003", who="c"))  # merged again, elsewhere: only that merge holds
    out = apply_edits(frame, edits)
    assert list(out["event_id"]) == ["ev0001", "ev0003"] and row(out, "ev0001")["corroboration"] == 1


def test_edits_survive_reextraction_and_skip_missing_events():
    edits = [Edit("ev0001", "set", "title", "Event 1", "Fixed"), Edit("gone", "hide")]
    first = apply_edits(small_frame(), edits)
    again = apply_edits(small_frame(), edits)  # a new extraction gives the same event ids
    assert row(first, "ev0001")["title"] == row(again, "ev0001")["title"] == "Fixed"
    assert len(again) == len(small_frame())


def test_project_round_trip_and_errors():
    article = Article(text="On Wednesday troops arrived.", title="T", published=dt.date(2022, 2, 10),
                      published_basis="user", source="X")  # fmt: skip
    edits = [Edit("ev0001", "set", "title", "a", "b", "ana", "2026-01-01T00:00:00Z")]
    text = project_to_json([article], {"lanes": "actors"}, edits)
    project = project_from_json(text)
    assert project.articles == (article,) and project.edits == tuple(edits)
    assert project.settings == {"lanes": "actors"}
    doc = json.loads(text)
    doc["articles"][0]["article_id"] = "forged"
    assert project_from_json(json.dumps(doc)).articles[0].article_id == article.article_id
    for bad in ("{", "[]", json.dumps({"format": "crisis-timeline/project", "version": 9}),
                json.dumps({"format": "crisis-timeline/project", "version": 1, "edits": [{"action": "boom"}]})):
        with pytest.raises(ProjectFileError):
            project_from_json(bad)
    assert dataclasses.asdict(project.edits[0])["who"] == "ana"


def test_edits_whose_event_is_gone_are_named():
    frame = small_frame()
    edits = [Edit("ev0001", "set", "title", "Event 1", "Kept"), Edit("gone", "hide")]
    assert [e.event_id for e in unmatched(frame, edits)] == ["gone"]
