"""Our TimelineJS export in the real TimelineJS3 library, when a copy of it is at hand.

TimelineJS is not vendored here. To run: ``npm pack @knight-lab/timelinejs@3.9.11``, unpack it and
set ``TIMELINEJS_DIST`` to its ``package/dist`` folder (the one holding ``js/timeline.js``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("pytest_playwright", reason="pip install playwright pytest-playwright")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the shared synthetic frames
from frames import small_frame  # noqa: E402

from timeline.export import to_timelinejs  # noqa: E402
from timeline.filters import Filters, apply  # noqa: E402

pytestmark = pytest.mark.e2e

DIST = Path(os.environ.get("TIMELINEJS_DIST", "/nonexistent"))


@pytest.fixture
def timelinejs() -> Path:
    if not (DIST / "js" / "timeline.js").exists():
        pytest.skip("set TIMELINEJS_DIST to an unpacked @knight-lab/timelinejs dist folder to run this check")
    return DIST


def test_export_loads_in_timelinejs_as_text(page, timelinejs, tmp_path):
    doc = to_timelinejs(apply(small_frame(), Filters()), title="Crisis <timeline>")
    html_page = tmp_path / "tl.html"
    html_page.write_text(f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{(timelinejs / 'css' / 'timeline.css').as_uri()}">
<script src="{(timelinejs / 'js' / 'timeline.js').as_uri()}"></script></head>
<body><div id="tl" style="width:1200px;height:700px"></div>
<script>window.tl = new TL.Timeline('tl', {json.dumps(doc)});</script></body></html>""")
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(html_page.as_uri())
    page.wait_for_function("window.tl && window.tl.config && window.tl.config.events.length > 0")
    assert page.evaluate("window.tl.config.events.length") == len(doc["events"]) and errors == []
    page.evaluate("window.tl.goToId('ev-ev0007')")
    page.wait_for_timeout(1000)
    assert page.get_by_text("<script>window.__xss=2</script>", exact=False).count() >= 1
    assert page.evaluate("typeof window.__xss") == "undefined" and dialogs == []
    assert page.locator("img[src=x]").count() == 0
