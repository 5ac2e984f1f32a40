"""A standalone HTML page of the timeline: the interactive chart (plotly.js inlined, works offline)
and the list of events it shows, with their sources.

Every article string is escaped here or, for the chart, by :mod:`timeline.figures`; the page
contains no script but plotly's own and the figure's data.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go

from timeline.export.links import safe_url
from timeline.figures import date_label
from timeline.schema import names

_STYLE = """body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
table{border-collapse:collapse;font-size:.85rem;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}.muted{color:#666}"""


def _rows(frame: pd.DataFrame) -> str:
    esc = html.escape
    out = []
    for row in frame.sort_values("start", na_position="last").to_dict("records"):
        url = safe_url(row["url"])
        outlet = esc(row["source"] or row["article_title"] or "source")
        source = f'<a href="{esc(url)}" rel="noopener noreferrer">{outlet}</a>' if url else outlet
        out.append(
            "<tr>"
            f"<td>{esc(date_label(row['start'], row['end'], row['precision']))}</td>"
            f"<td>{esc(row['title'])}</td><td>{esc(row['status'])}</td><td>{esc(row['event_type'])}</td>"
            f"<td>{esc(', '.join(names(row['actors'])))}</td><td>{esc(', '.join(names(row['places'])))}</td>"
            f"<td>{esc(row['sentence'])}</td><td>{source}</td>"
            "</tr>"
        )
    return "\n".join(out)


def to_html(fig: go.Figure, frame: pd.DataFrame, *, title: str = "Crisis timeline", note: str = "") -> str:
    """The page as text: ``fig`` (built from ``frame`` by timeline.figures) then a table of ``frame``."""
    chart = fig.to_html(full_html=False, include_plotlyjs=True, config={"displaylogo": False, "responsive": True})
    esc = html.escape
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_STYLE}</style></head>
<body><h1>{esc(title)}</h1>
<p class="muted">{len(frame)} events · exported {stamp} from Crisis Timeline{(' · ' + esc(note)) if note else ''}</p>
{chart}
<h2>Events</h2>
<table><thead><tr><th>Date</th><th>Title</th><th>Status</th><th>Type</th><th>Actors</th><th>Places</th>
<th>Sentence</th><th>Source</th></tr></thead><tbody>
{_rows(frame)}
</tbody></table></body></html>
"""
