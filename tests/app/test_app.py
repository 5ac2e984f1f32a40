"""The dashboard in Streamlit's AppTest: runs on the demo corpus, filters, uploads, links, curation, exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from app_helpers import APP, TIMEOUT, chart_event_ids, chart_spec, editor_table, widget
from streamlit.testing.v1 import AppTest

from timeline.export import from_json
from timeline.schema import validate

XSS = (b'published: 2022-02-10\ntitle: Minsk <img src=x onerror="window.__xss=1"> report\n\n'
       b'On Wednesday, <img src=x onerror="window.__xss=1"> troops arrived in Minsk. '
       b'<script>window.__xss=2</script> Talks are set for 14 February.\n')  # fmt: skip


def param(at, name: str) -> list[str]:
    """A query parameter as a list (AppTest gives single values as str)."""
    value = at.query_params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def no_errors(at) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def test_opens_on_demo_with_chart_table_and_every_dated_event(app):
    at = app.run()
    no_errors(at)
    table = editor_table(at)
    assert len(table) > 30  # ~34 dispatches give many more events than that
    drawn = chart_event_ids(at)
    dated = set(table.loc[table["start"].notna(), "event_id"])
    assert drawn == dated  # every dated demo event is on the chart, nothing else
    assert [t.label for t in at.tabs] == ["Timeline", "Map", "Table", "Sources", "Export"]
    assert "Read" in at.expander[0].label


def test_filters_change_table_chart_and_url(app):
    at = app.run()
    before = editor_table(at)
    kind = widget(at.sidebar.multiselect, "Event type").options[0]
    widget(at.sidebar.multiselect, "Event type").set_value([kind]).run()
    no_errors(at)
    after = editor_table(at)
    assert 0 < len(after) < len(before) and set(after["event_type"]) == {kind}
    assert chart_event_ids(at) == set(after.loc[after["start"].notna(), "event_id"])
    assert param(at, "type") == [kind]
    widget(at.sidebar.text_input, "Search titles, sentences and headlines").input("zzzz-no-such-word").run()
    no_errors(at)  # an empty result is no error: the table, sources and exports still draw
    assert len(editor_table(at)) == 0 and "No dated events" in json.dumps(chart_spec(at)["layout"])
    assert param(at, "q") == ["zzzz-no-such-word"]


def test_all_dates_button_clears_a_narrowed_dates_filter(app):
    at = app.run()
    assert not [b for b in at.button if b.label.startswith("All dates")]  # nothing to clear yet
    everything = len(editor_table(at))
    undated = int(editor_table(at)["start"].isna().sum())  # no date range can hold them
    dates = widget(at.sidebar.date_input, "Dates (the chart zooms to them)")
    dates.set_value((dt.date(2022, 2, 20), dt.date(2022, 2, 28))).run()
    no_errors(at)
    assert 0 < len(editor_table(at)) < everything and param(at, "from") == ["2022-02-20"]
    (button,) = [b for b in at.button if b.label.startswith("All dates")]
    assert "2022-02-20" in button.label
    (outside,) = [i.value for i in at.info if "outside the dates shown" in i.value]
    assert int(outside.split()[0]) == everything - undated - len(editor_table(at))
    button.click().run()
    no_errors(at)
    assert len(editor_table(at)) == everything and param(at, "from") == []
    assert not [b for b in at.button if b.label.startswith("All dates")]


def test_upload_adds_its_events_as_text(app):
    at = app.run()
    before = editor_table(at)
    at.sidebar.file_uploader[0].upload("xss.txt", XSS, "text/plain").run()
    no_errors(at)
    after = editor_table(at)
    added = after[~after["event_id"].isin(before["event_id"])]
    assert len(added) >= 2
    assert any("<script>window.__xss=2</script>" in s for s in added["sentence"])  # kept as text
    spec = json.dumps(chart_spec(at))
    assert "<img" not in spec and "<script" not in spec  # escaped in hover labels, legends, ticks
    for element in [*at.markdown, *at.caption, *at.sidebar.markdown]:
        assert "<img" not in element.value and "<script" not in element.value


def test_query_string_restores_view(app):
    at = app.run()
    table = editor_table(at)
    kind = table["event_type"].value_counts().index[0]
    event_id = table.loc[table["event_type"] == kind, "event_id"].iloc[0]
    shared = AppTest.from_file(str(APP), default_timeout=TIMEOUT)  # a new session opened from a copied link
    shared.query_params.update({"lanes": "source", "color": "event_type", "type": [kind], "event": event_id,
                                "q": ""})  # fmt: skip
    at = shared.run()
    no_errors(at)
    assert widget(at.selectbox, "Lanes").value == "source" and widget(at.selectbox, "Colour").value == "event_type"
    assert widget(at.sidebar.multiselect, "Event type").value == [kind]
    assert set(editor_table(at)["event_type"]) == {kind}
    assert widget(at.selectbox, "Event details").value == event_id  # its detail panel is open
    assert any("How the date was resolved" in m.value for m in at.markdown)
    assert param(at, "event") == [event_id] and param(at, "lanes") == ["source"]


def test_undated_sentences_setting_changes_rows_and_link(app):
    at = app.run()
    table = editor_table(at)
    widget(at.sidebar.radio, "Sentences that name no date").set_value("drop").run()
    no_errors(at)
    dropped = editor_table(at)
    assert 0 < len(dropped) < len(table)  # sentences dated only by the story or publication are left out
    assert set(dropped["event_id"]) <= set(table["event_id"])
    assert param(at, "undated") == ["drop"]
    shared = AppTest.from_file(str(APP), default_timeout=TIMEOUT)  # the copied link keeps the setting
    shared.query_params.update({"undated": "drop"})
    at = shared.run()
    assert widget(at.sidebar.radio, "Sentences that name no date").value == "drop"
    assert set(editor_table(at)["event_id"]) == set(dropped["event_id"])


def test_click_selects_event_and_detail_shows_sentence(app):
    at = app.run()
    table = editor_table(at)
    event_id = table.loc[table["start"].notna(), "event_id"].iloc[0]
    widget(at.selectbox, "Event details").set_value(event_id).run()
    no_errors(at)
    quote = next(m.value for m in at.markdown if m.value.startswith(">"))
    assert ":orange-background[" in quote or len(quote) > 3
    assert any(t.get("name") == "selected" for t in chart_spec(at)["data"])  # ringed on the chart


def test_curation_survives_rerun_and_is_audited(app):
    at = app.run()
    table = editor_table(at)
    event_id = table["event_id"].iloc[0]
    widget(at.text_input, "Your name (for the audit log)").input("ana").run()
    widget(at.selectbox, "Event details").set_value(event_id).run()
    widget(at.text_input, "Title").input("Corrected by the desk")  # a form: sent with its submit button
    widget(at.button, "Save correction").click().run()
    no_errors(at)
    edited = editor_table(at).set_index("event_id")
    assert edited.loc[event_id, "title"] == "Corrected by the desk"
    audit = next(df.value for df in at.dataframe if "who" in df.value.columns)
    assert audit.iloc[-1][["who", "event_id", "field", "new"]].tolist() == [
        "ana", event_id, "title", "Corrected by the desk"
    ]
    widget(at.radio, "Key events").set_value("off").run()  # any rerun: the edit stays
    assert editor_table(at).set_index("event_id").loc[event_id, "title"] == "Corrected by the desk"
    other = table["event_id"].iloc[1]
    widget(at.selectbox, "Merge this event…").set_value(other).run()
    widget(at.selectbox, "…into this one").set_value(event_id).run()
    widget(at.button, "Merge").click().run()
    no_errors(at)
    assert other not in set(editor_table(at)["event_id"])
    audit = next(df.value for df in at.dataframe if "who" in df.value.columns)
    assert audit.iloc[-1]["action"] == "merge"
    reports = next(df.value for df in at.dataframe if "merged" in df.value.columns)  # the detail still lists it
    assert reports.set_index("merged").loc["merged by hand", "title"] == table.set_index("event_id").loc[other, "title"]
    next(b for b in at.button if b.label.startswith("Un-merge")).click().run()
    no_errors(at)
    assert other in set(editor_table(at)["event_id"])
    audit = next(df.value for df in at.dataframe if "who" in df.value.columns)
    assert audit.iloc[-1][["action", "event_id"]].tolist() == ["unmerge", other]


def test_the_chosen_sort_survives_an_edit(app):
    at = app.run()
    widget(at.selectbox, "Sort by").set_value("title").run()
    titles = editor_table(at)["title"].tolist()
    assert titles == sorted(titles, key=str.casefold)
    widget(at.selectbox, "Event details").set_value(editor_table(at)["event_id"].iloc[3]).run()
    widget(at.text_input, "Title").input("Zz last by title")
    widget(at.button, "Save correction").click().run()
    no_errors(at)
    after = editor_table(at)["title"].tolist()
    assert after == sorted(after, key=str.casefold) and after[-1] == "Zz last by title"


def text(data) -> str:
    return data.decode("utf-8") if isinstance(data, bytes) else data


def test_exports_are_produced_and_parse(app, served):
    at = app.run()
    no_errors(at)
    shown = editor_table(at)
    rows = list(csv.DictReader(io.StringIO(text(served["crisis-timeline.csv"]))))
    assert {r["event_id"] for r in rows} == set(shown["event_id"])
    assert all(r["origin"].startswith("data/demo/") for r in rows)  # never the server's own folders
    frame = validate(from_json(text(served["crisis-timeline.json"])))
    assert set(frame["event_id"]) == set(shown["event_id"])
    doc = json.loads(text(served["crisis-timeline.timelinejs.json"]))
    assert set(doc) == {"title", "events"} and doc["events"]
    for event in doc["events"]:
        assert isinstance(event["start_date"]["year"], int)
        assert set(event["text"]) == {"headline", "text"}
        if "day" in event["start_date"]:
            assert "month" in event["start_date"]
    chronology = text(served["crisis-timeline.md"])
    assert chronology.count("\n- **") >= len(shown) // 2 and "## Undated" not in chronology.split("\n## ")[1]
    page = text(served["crisis-timeline.html"]())  # deferred: built when clicked
    assert page.startswith("<!DOCTYPE html>") and "Plotly.newPlot" in page and "cdn.plot.ly/plotly" not in page
    project = json.loads(text(served["crisis-timeline-project.json"]))
    assert project["format"] == "crisis-timeline/project" and len(project["articles"]) > 30


def test_pasted_article_and_publication_date_override(app):
    at = app.run()
    before = set(editor_table(at)["event_id"])
    at.toggle(key="src_demo").set_value(False)  # demo off: only the pasted article
    widget(at.sidebar.text_area, "Article text").input("Troops arrived in Minsk on Wednesday. Talks follow next week.")
    widget(at.sidebar.text_input, "Title (optional)").input("Pasted dispatch")
    widget(at.sidebar.button, "Add pasted article").click().run()
    no_errors(at)
    table = editor_table(at)
    assert len(table) >= 1 and not set(table["event_id"]) & before
    box = next(d for d in at.sidebar.date_input if d.label.startswith("Pasted dispatch"))
    box.set_value(__import__("datetime").date(2022, 2, 10)).run()  # the text names no year: the user gives it
    no_errors(at)
    dated = editor_table(at)
    assert "2022-02-09" in {str(d) for d in dated["start"]}  # "on Wednesday" before Thursday 10 February


def test_a_paste_clears_its_date_and_a_repeated_paste_is_refused(app):
    at = app.run()
    at.toggle(key="src_demo").set_value(False)
    widget(at.sidebar.text_area, "Article text").input("Troops crossed into Ukraine on Thursday.")
    widget(at.sidebar.date_input, "Publication date (optional)").set_value(__import__("datetime").date(2022, 2, 25))
    widget(at.sidebar.button, "Add pasted article").click().run()
    assert widget(at.sidebar.date_input, "Publication date (optional)").value is None  # never dates the next paste
    widget(at.sidebar.text_area, "Article text").input("Troops crossed into Ukraine on Thursday.")
    widget(at.sidebar.date_input, "Publication date (optional)").set_value(__import__("datetime").date(2022, 3, 1))
    widget(at.sidebar.button, "Add pasted article").click().run()
    no_errors(at)
    assert any("pasted already" in w.value for w in at.sidebar.warning)
    assert widget(at.sidebar.date_input, "Publication date (optional)").value is None  # a refusal clears it too


def test_too_many_files_are_refused_with_a_message(app):
    at = app.run()
    files = [(f"a{i}.txt", f"published: 2022-02-10\n\nTalks were held on Monday number {i}.".encode(), "text/plain")
             for i in range(52)]  # fmt: skip
    at.sidebar.file_uploader[0].set_value(files).run()
    assert any("only the first 50" in e.value for e in at.sidebar.error)


def test_links_follow_ssrf_rules(app):
    at = app.run()
    widget(at.sidebar.text_area, "One http(s) link or feed URL per line").input(
        "http://127.0.0.1:9/article\nfile:///etc/passwd"
    )
    widget(at.sidebar.button, "Fetch").click().run()
    assert not at.exception
    messages = " ".join(e.value for e in at.sidebar.error).replace("\\", "")  # shown Markdown-escaped
    assert "127.0.0.1" in messages and "refused" in messages  # a private address is never fetched
    assert "only http(s) links" in messages


def test_project_round_trip_restores_articles_and_edits(app, served):
    at = app.run()
    event_id = editor_table(at)["event_id"].iloc[0]
    widget(at.selectbox, "Event details").set_value(event_id).run()
    widget(at.text_input, "Title").input("Kept in the project")
    widget(at.button, "Save correction").click().run()
    widget(at.sidebar.text_input, "Search titles, sentences and headlines").input("Kept").run()
    project = served["crisis-timeline-project.json"]
    reopened = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    reopened.sidebar.file_uploader(key="src_project_file").upload("p.json", project, "application/json").run()
    no_errors(reopened)
    assert reopened.toggle(key="src_demo").value is False  # the project's own copy of the articles is used
    assert widget(reopened.sidebar.text_input, "Search titles, sentences and headlines").value == "Kept"
    table = editor_table(reopened).set_index("event_id")
    assert table.loc[event_id, "title"] == "Kept in the project"
    assert len(table) == len(editor_table(at))  # the saved view: the search keeps the corrected event


FLOOD = (b"published: 2023-06-07\ntitle: Kakhovka dam\n\n"
         b"The Nova Kakhovka dam was destroyed early on Tuesday. Rescuers evacuated 1,000 people on Wednesday.\n")


def test_a_dates_range_never_narrowed_follows_newly_loaded_articles(app):
    at = app.run()
    at.sidebar.file_uploader[0].upload("flood.txt", FLOOD, "text/plain").run()
    no_errors(at)
    dates = widget(at.sidebar.date_input, "Dates (the chart zooms to them)").value
    assert dates[1] >= dt.date(2023, 6, 7), dates  # the demo's span grew to the new article's days
    table = editor_table(at)
    assert {dt.date(2023, 6, 6), dt.date(2023, 6, 7)} <= set(table["start"].dropna())
    assert param(at, "from") == []  # the whole span: nothing to keep in the link


def test_the_day_first_setting_reaches_uploaded_spreadsheets(app):
    at = app.run()
    widget(at.sidebar.toggle, "Demo corpus: Russia–Ukraine, Nov 2021 – Mar 2022").set_value(False).run()
    us = b'title,date,text\nUS date,03/02/2022,"Russian forces captured Kherson on Wednesday, the mayor said."\n'
    at.sidebar.file_uploader[0].upload("us.csv", us, "text/csv").run()
    assert set(editor_table(at)["start"].dropna()) == {dt.date(2022, 2, 2)}  # 3 Feb, a Thursday
    widget(at.sidebar.checkbox, "Read 03/04/2022 as 3 April (day first)").uncheck().run()
    no_errors(at)
    assert set(editor_table(at)["start"].dropna()) == {dt.date(2022, 3, 2)}  # 2 March, a Wednesday


def test_inputs_that_all_fail_say_why_on_the_page(app):
    at = app.run()
    widget(at.sidebar.toggle, "Demo corpus: Russia–Ukraine, Nov 2021 – Mar 2022").set_value(False).run()
    no_errors(at)  # nothing loaded: empty tables, no traceback
    assert any("No articles yet" in i.value for i in at.info)
    at.sidebar.file_uploader[0].upload("blank.txt", b"   \n", "text/plain").run()
    no_errors(at)
    assert any("None of the inputs gave an article" in w.value and "the file is empty" in w.value for w in at.warning)
    assert not any("No articles yet" in i.value for i in at.info)


def test_an_unreadable_file_beside_readable_ones_is_named_on_the_page(app):
    at = app.run()
    at.sidebar.file_uploader[0].upload("blank.txt", b"   \n", "text/plain").run()
    no_errors(at)
    (notice,) = [w.value for w in at.warning if "gave no article" in w.value]
    assert "blank.txt" in notice.replace("\\", "") and "no text" in notice and "the others were read" in notice


def test_a_link_naming_what_is_not_loaded_says_so_once(app):
    shared = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    shared.query_params.update({"source": ["CSV Times"], "event": "b43fb9af7b676c28", "lanes": "source"})
    at = shared.run()
    no_errors(at)
    (notice,) = [i.value for i in at.info if "view names what" in i.value]
    assert "CSV Times" in notice and "b43fb9af7b676c28" in notice
    assert widget(at.selectbox, "Lanes").value == "source"  # what the articles do have is restored
    at.run()
    assert not [i for i in at.info if "view names what" in i.value]  # said once, not on every run
    assert param(at, "event") == []


def test_a_link_with_dates_outside_the_articles_says_so(app):
    shared = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    shared.query_params.update({"from": "2030-01-01", "to": "2030-02-01"})
    at = shared.run()
    no_errors(at)
    (notice,) = [i.value for i in at.info if "view names what" in i.value]
    assert "2030-01-01" in notice.replace("\\", "")  # shown Markdown-escaped
