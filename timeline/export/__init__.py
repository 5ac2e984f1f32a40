"""Exports of the (filtered, curated) events frame: pure functions returning text.

Each format lives in its own module: :mod:`.csv` (spreadsheets), :mod:`.json` (the schema,
round-trips), :mod:`.timelinejs` (TimelineJS3 JSON), :mod:`.html` (a standalone interactive
chart that works offline) and :mod:`.chronology` (a written chronology in Markdown). Article text is
escaped wherever the target renders HTML or Markdown.
"""

from timeline.export.chronology import to_chronology
from timeline.export.csv import audit_to_csv, to_csv
from timeline.export.html import to_html
from timeline.export.json import from_json, to_json
from timeline.export.timelinejs import to_timelinejs

__all__ = ["audit_to_csv", "from_json", "to_chronology", "to_csv", "to_html", "to_json", "to_timelinejs"]
