"""A written chronology of the events frame in Markdown: the form an explainer timeline takes in an
article or a briefing, ready to paste into a document.

One heading per date as a reader should see it (a month stays "February 2022 (month)", a span stays
a span), in calendar order, finer dates first; one item per happening: the events that report the
same happening (one ``cluster_id``) are one item listing every report, so each outlet and sentence
stays traceable. Undated events close the page. Article text is escaped so that it cannot become
Markdown (a heading, a link, emphasis), and only http(s) links are written.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from timeline.export.links import safe_url
from timeline.figures import date_label
from timeline.schema import PRECISIONS

# Characters Markdown gives a meaning to inside a line (emphasis, code, links, HTML, tables, a closing "#"). Lines
# here never start with article text, so list and heading markers ("-", "+", "1.") need no escape.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~])")
_FINER_FIRST = {precision: rank for rank, precision in enumerate(PRECISIONS)}


def _escape(text: str) -> str:
    """``text`` on one line with every Markdown character escaped."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))


def _report(row: dict) -> str:
    """One report: outlet (linked when it has an http(s) link), publication day, and the sentence."""
    outlet = _escape(row["source"] or row["article_title"] or "source")
    url = safe_url(row["url"])
    outlet = f"[{outlet}](<{url}>)" if url else outlet
    published = "" if pd.isna(row["published"]) else f", {row['published'].day} {row['published']:%b %Y}"
    return f"{outlet}{published}: “{_escape(row['sentence'])}”"


def _item(rows: list[dict]) -> list[str]:
    """The lines of one happening: its title, status when it is not a plain fact, and every report."""
    first = rows[0]
    status = "" if first["status"] == "occurred" else f" *({first['status']})*"
    outlets = len({r["source"] for r in rows})
    count = f" · {outlets} outlets" if outlets > 1 else ""
    lines = [f"- **{_escape(first['title'])}**{status}{count}"]
    if first["conflict"]:
        lines.append(f"  - Sources disagree: {_escape(first['conflict'])}")
    lines += [f"  - {_report(r)}" for r in rows]
    return lines


def _groups(frame: pd.DataFrame) -> list[tuple[str, list[list[dict]]]]:
    """(date heading, happenings) in calendar order; a happening is the reports of one cluster."""
    ordered = frame.assign(
        _undated=frame["start"].isna(), _rank=frame["precision"].map(_FINER_FIRST).fillna(len(_FINER_FIRST))
    ).sort_values(["_undated", "start", "_rank", "end", "char_start"], na_position="last", kind="stable")
    sections: dict[str, dict[str, list[dict]]] = {}
    for row in ordered.to_dict("records"):
        heading = date_label(row["start"], row["end"], row["precision"])
        happening = row["cluster_id"] or row["event_id"]
        sections.setdefault(heading, {}).setdefault(happening, []).append(row)
    return [(heading, list(items.values())) for heading, items in sections.items()]


def to_chronology(frame: pd.DataFrame, *, title: str = "Crisis timeline") -> str:
    """The chronology as Markdown text."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"# {_escape(title)}", "", f"{len(frame)} events · exported {stamp} from Crisis Timeline"]
    for heading, happenings in _groups(frame):
        lines += ["", f"## {_escape(heading.capitalize() if heading == 'undated' else heading)}", ""]
        for rows in happenings:
            lines += _item(rows)
    return "\n".join(lines) + "\n"
