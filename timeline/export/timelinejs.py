"""TimelineJS3 JSON of the events frame (https://timeline.knightlab.com/docs/json-format.html).

Shape: ``{"title": {"text": {...}}, "events": [{"start_date": {"year", "month", "day"}, "end_date",
"text": {"headline", "text"}, "group", "unique_id", "display_date"}]}``. A date keeps its
precision: a month-precision event gives only year and month, a year only the year, so
TimelineJS never shows "1 February" for "in February". TimelineJS renders headline and text as
HTML, so all article text is escaped, and only http(s) links are written.
"""

from __future__ import annotations

import html

import pandas as pd

from timeline.export.links import safe_url
from timeline.figures import date_label, runs_past_its_period
from timeline.schema import names

_MONTH_LEVEL = ("month", "quarter", "season", "half")
_YEAR_LEVEL = ("year", "decade", "century")


def _date(ts: pd.Timestamp, precision: str) -> dict:
    if precision in _YEAR_LEVEL:
        return {"year": ts.year}
    if precision in _MONTH_LEVEL:
        return {"year": ts.year, "month": ts.month}
    return {"year": ts.year, "month": ts.month, "day": ts.day}


def _text(row: dict) -> str:
    esc = html.escape
    parts = [f"<p>{esc(row['sentence'])}</p>"]
    who = ", ".join(names(row["actors"]))
    where = ", ".join(names(row["places"]))
    if who or where:
        parts.append(f"<p>{esc(' · '.join(x for x in (who, where) if x))}</p>")
    outlet = esc(row["source"] or row["article_title"] or "source")
    url = safe_url(row["url"])
    source = f'<a href="{esc(url)}" target="_blank" rel="noopener noreferrer">{outlet}</a>' if url else outlet
    published = "" if pd.isna(row["published"]) else f", {row['published']:%d %b %Y}"
    parts.append(f"<p>Source: {source}{esc(published)} · status: {esc(row['status'])}</p>")
    if row["conflict"]:
        parts.append(f"<p>Conflict: {esc(row['conflict'])}</p>")
    return "".join(parts)


def to_timelinejs(frame: pd.DataFrame, *, title: str = "Crisis timeline", group_by: str = "event_type") -> dict:
    """A TimelineJS3 document (a dict: ``json.dumps`` it). Undated events are left out and counted."""
    events = []
    for row in frame.to_dict("records"):
        if pd.isna(row["start"]):
            continue
        precision, start, end = row["precision"], row["start"], row["end"]
        event = {
            "start_date": _date(start, precision),
            "text": {"headline": html.escape(row["title"]), "text": _text(row)},
            "group": html.escape(str(row.get(group_by) or "")),
            "unique_id": f"ev-{row['event_id']}",
            "display_date": html.escape(date_label(start, end, precision)),
        }
        if runs_past_its_period(start, end, precision):  # "since 2014": up to the day it ends
            event["end_date"] = _date(end, "day")
        elif end != start and precision not in ("month", "year"):
            event["end_date"] = _date(end, precision)
        events.append(event)
    undated = len(frame) - len(events)
    note = f"{len(events)} dated events" + (f"; {undated} undated events not shown" if undated else "")
    return {"title": {"text": {"headline": html.escape(title), "text": f"<p>{note}</p>"}}, "events": events}
