"""Clustering across outlets: corroboration counts outlets not copies; conflicts name both sources."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import schema
from timeline.events.cluster import cluster, copies_from_frame


def actor(name: str) -> dict:
    return {"name": name, "kind": "country", "country": "", "normalized": True}


def row(event_id, article, source, sentence, start, *, figures=(), actors=("Russia",), event_type="military",
        date_basis="explicit", published="2022-02-10", title="", char_start=0):
    return {
        "event_id": event_id, "article_id": article, "source": source, "article_title": title or article,
        "published": published, "published_basis": "metadata", "sentence": sentence, "char_start": char_start,
        "char_end": char_start + len(sentence), "timex_text": "", "date_basis": date_basis, "start": start,
        "end": start, "precision": "day", "status": "occurred", "title": sentence[:80], "event_type": event_type,
        "actors": [actor(a) for a in actors], "figures": list(figures),
    }


def troops(n: int) -> dict:
    return {"kind": "troops", "value": n, "low": n, "high": n, "unit": "troops", "text": f"{n:,} troops"}


MASSED_A = "Russia has massed 100,000 troops near the border with Ukraine"
MASSED_B = "Russia massed some 130,000 troops near Ukraine's border"
ARRIVED_A = "Gerasimov arrived in Belarus to supervise the joint drills"
ARRIVED_B = "Gerasimov arrived in Belarus on Tuesday to oversee joint drills"
PROTEST = "Protesters gathered in Minsk against the drills"


def frame() -> pd.DataFrame:
    both = ("Russia", "Ukraine")
    gerasimov = ("Valery Gerasimov", "Belarus")
    return schema.from_records(
        [
            row("e1", "north", "Demo Desk North", MASSED_A, "2022-02-09", figures=[troops(100_000)], actors=both),
            row("e2", "north", "Demo Desk North", ARRIVED_A, "2022-02-09", actors=gerasimov, char_start=100),
            row("e3", "east", "Eastline Wire", MASSED_B, "2022-02-09", figures=[troops(130_000)], actors=both,
                title="Drills"),
            row("e4", "east", "Eastline Wire", ARRIVED_B, "2022-02-08", actors=gerasimov, char_start=100,
                title="Drills"),
            # a verbatim copy of Eastline Wire's story, republished by another site: not a new outlet
            row("e5", "copy", "Copycat Daily", MASSED_B, "2022-02-09", figures=[troops(130_000)], actors=both,
                title="Drills", published="2022-02-11"),
            row("e6", "copy", "Copycat Daily", ARRIVED_B, "2022-02-08", actors=gerasimov, char_start=100,
                title="Drills", published="2022-02-11"),
            row("e7", "minsk", "Minsk Courier", PROTEST, "2022-02-09", actors=("Belarus",), event_type="protest"),
        ]
    )


def by_event(out: pd.DataFrame) -> dict[str, dict]:
    return {r["event_id"]: r for r in out.to_dict("records")}


def test_output_is_a_valid_frame():
    out = cluster(frame())
    schema.validate(out)
    assert (out["cluster_id"] != "").all()


def test_same_happening_shares_a_cluster_and_different_ones_do_not():
    rows = by_event(cluster(frame()))
    assert rows["e1"]["cluster_id"] == rows["e3"]["cluster_id"] == rows["e5"]["cluster_id"]
    assert rows["e2"]["cluster_id"] == rows["e4"]["cluster_id"]
    assert rows["e1"]["cluster_id"] != rows["e2"]["cluster_id"]
    assert rows["e7"]["cluster_id"] not in {rows["e1"]["cluster_id"], rows["e2"]["cluster_id"]}


def test_corroboration_counts_outlets_not_copies():
    assert copies_from_frame(frame()) == {"copy": "east"}
    rows = by_event(cluster(frame()))
    assert rows["e1"]["corroboration"] == 2  # North + Eastline (Copycat is Eastline's copy)
    assert rows["e7"]["corroboration"] == 1


def test_duplicate_links_from_ingestion_are_honoured():
    base = frame()
    base.loc[base["article_id"] == "copy", "sentence"] = base.loc[base["article_id"] == "copy", "sentence"] + " today"
    distinct = by_event(cluster(base))
    linked = by_event(cluster(base, duplicates={"copy": "east"}))
    assert linked["e1"]["corroboration"] == 2
    assert distinct["e1"]["corroboration"] in (2, 3)  # without the link only text similarity decides


def test_figure_conflict_names_both_sources():
    conflict = by_event(cluster(frame()))["e1"]["conflict"]
    assert "Demo Desk North says 100,000 troops" in conflict
    assert "Eastline Wire says 130,000 troops" in conflict


def test_date_conflict_names_both_sources():
    conflict = by_event(cluster(frame()))["e2"]["conflict"]
    assert "Demo Desk North says 9 February 2022" in conflict
    assert "Eastline Wire says 8 February 2022" in conflict


def test_no_conflict_when_sources_agree():
    assert by_event(cluster(frame()))["e7"]["conflict"] == ""


def test_far_apart_dates_are_not_clustered():
    records = frame()
    records.loc[records["event_id"] == "e3", ["start", "end"]] = pd.Timestamp("2022-03-20")
    rows = by_event(cluster(records))
    assert rows["e1"]["cluster_id"] != rows["e3"]["cluster_id"]


def test_salience_ranks_corroborated_events_higher():
    rows = by_event(cluster(frame()))
    assert 0 <= rows["e7"]["salience"] < rows["e1"]["salience"] <= 1


def test_empty_frame():
    out = cluster(schema.empty_frame())
    assert out.empty
    schema.validate(out)


_WORDS = ["Russia", "Ukraine", "troops", "talks", "Geneva", "drills", "Belarus", "said", "met", "sanctions"]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c", "d"]),
            st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8),
            st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2022, 1, 10)),
            st.sampled_from(["explicit", "publication"]),
        ),
        max_size=12,
    )
)
def test_any_valid_frame_clusters_into_a_valid_frame(items):
    records = [
        row(f"e{i}", article, article.upper(), " ".join(words), day.isoformat(), date_basis=basis,
            actors=[w for w in words if w[0].isupper()], char_start=i * 100)
        for i, (article, words, day, basis) in enumerate(items)
    ]
    out = cluster(schema.from_records(records))
    schema.validate(out)
    for _, members in out.groupby("cluster_id"):
        assert members["article_id"].is_unique  # never two rows of one article in a cluster
        assert (members["corroboration"] == members["source"].nunique()).all()


def test_figures_dated_differently_are_a_count_that_grew_not_a_conflict():
    fled = [
        row("f1", "a", "Outlet A", "The UN agency said 500,000 people had fled Ukraine", "2022-03-02",
            figures=[troops(500_000)], actors=("Ukraine", "UNHCR"), event_type="humanitarian"),
        row("f2", "b", "Outlet B", "The UN agency said 1,000,000 people had fled Ukraine", "2022-03-03",
            figures=[troops(1_000_000)], actors=("Ukraine", "UNHCR"), event_type="humanitarian"),
        row("f3", "c", "Outlet C", "The UN agency said 700,000 people had fled Ukraine", "2022-03-03",
            figures=[troops(700_000)], actors=("Ukraine", "UNHCR"), event_type="humanitarian"),
    ]
    out = cluster(schema.from_records(fled)).set_index("event_id")
    assert out.loc["f1", "cluster_id"] == out.loc["f2", "cluster_id"] == out.loc["f3", "cluster_id"]
    assert "1,000,000" in out.loc["f2", "conflict"] and "700,000" in out.loc["f2", "conflict"]
    assert "500,000" not in out.loc["f2", "conflict"]


def test_a_quote_of_another_type_does_not_join_on_weak_wording():
    talks = "Lavrov and Kuleba are set to meet in Antalya together with Cavusoglu"
    quote = "Lavrov said the building had been taken over by fighters and held no patients"
    names = ("Sergei Lavrov", "Ukraine")
    rows = [
        row("t1", "a", "Outlet A", talks, "2022-03-10", actors=(*names, "Dmytro Kuleba"), event_type="diplomacy"),
        row("t2", "b", "Outlet B", quote, "2022-03-10", actors=names, event_type="statement"),
    ]
    out = cluster(schema.from_records(rows)).set_index("event_id")
    assert out.loc["t1", "cluster_id"] != out.loc["t2", "cluster_id"]


def test_a_clause_that_names_nobody_borrows_the_names_of_its_sentence():
    first, second = "Russian forces pressed towards Kyiv on Friday", "after launching their invasion on Thursday."
    reports = [
        row("i1", "a", "Outlet A", first, "2022-02-25", actors=("Russia",), event_type="military"),
        row("i2", "a", "Outlet A", second, "2022-02-24", actors=(), event_type="attack", char_start=len(first) + 1),
        row("i3", "b", "Outlet B", "Russian forces launched an invasion of Ukraine early on Thursday", "2022-02-24",
            actors=("Russia", "Ukraine"), event_type="attack"),
    ]
    out = cluster(schema.from_records(reports)).set_index("event_id")
    assert out.loc["i2", "cluster_id"] == out.loc["i3", "cluster_id"]
