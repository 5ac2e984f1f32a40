"""Exports of the (filtered, curated) events frame: pure functions returning text.

Each format lives in its own module: :mod:`.csv` (spreadsheets), :mod:`.json` (the schema,
round-trips), :mod:`.timelinejs` (TimelineJS3 JSON) and :mod:`.html` (a standalone interactive
chart that works offline). Article text is escaped wherever the target renders HTML.
"""

from timeline.export.csv import audit_to_csv, to_csv
from timeline.export.html import to_html
from timeline.export.json import from_json, to_json
from timeline.export.timelinejs import to_timelinejs

__all__ = ["audit_to_csv", "from_json", "to_csv", "to_html", "to_json", "to_timelinejs"]
