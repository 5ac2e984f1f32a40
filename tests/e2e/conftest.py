"""Real-browser fixtures: Debian's chromium driven by Playwright, one Streamlit server per session.

Skips cleanly when chromium (``apt-get install -y chromium``) or playwright is missing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="pip install playwright pytest-playwright")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]  # the folder holding app.py
SCREENSHOTS = ROOT / "docs" / "screenshots"

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright hook: use Debian's chromium (playwright's own download is not available)."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} missing: apt-get install -y chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1440, "height": 1500}}


def _healthy(url: str) -> bool:
    with contextlib.suppress(OSError), urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
        return response.read().strip() == b"ok"
    return False


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} missing: apt-get install -y chromium")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
           "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none", "STREAMLIT_SERVER_HEADLESS": "true"}  # fmt: skip
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
             "--server.port", str(port)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    url, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 90
    try:
        while not _healthy(url):
            assert proc.poll() is None and time.monotonic() < deadline, f"streamlit did not start: see {log_path}"
            time.sleep(0.25)
        yield url
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # the server's own process group, nothing else
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


IDLE_JS = """() => { const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.dataset.testScriptState === 'notRunning' && app.dataset.testConnectionState === 'CONNECTED'
    && !document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSkeleton"]'); }"""

COUNT_RUNS_JS = """() => { window.__runsSeen = 0; const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(ms => ms.forEach(m => { if (m.oldValue === 'running') window.__runsSeen++; }))
    .observe(app, {attributes: true, attributeOldValue: true, attributeFilter: ['data-test-script-state']}); }"""

#: Distinct event ids drawn on a plotly chart (its traces carry them in customdata).
EVENT_IDS_JS = """el => [...new Set(el.data.filter(t => t.name !== 'selected')
  .flatMap(t => Array.from(t.customdata || [])))]"""

#: The most isolated visible marker of the WebGL traces: [page x, page y, hover text, event id].
ISOLATED_POINT_JS = """(el, wanted) => {
  const box = el.getBoundingClientRect(), pts = [];
  el._fullData.forEach((t, c) => {
    if (t.type !== 'scattergl' || !t.x) return;
    const xa = el._fullLayout['xaxis' + (t.xaxis === 'x' ? '' : t.xaxis.slice(1))];
    const ya = el._fullLayout['yaxis' + (t.yaxis === 'y' ? '' : t.yaxis.slice(1))];
    for (let i = 0; i < t.x.length; i++) {
      const px = xa.l2p(xa.d2l(t.x[i])), py = ya.l2p(ya.d2l(t.y[i]));
      if (px < 5 || px > xa._length - 5 || py < 5 || py > ya._length - 5) continue;
      const text = String(t.hovertext[i]);
      if (wanted && !text.includes(wanted)) continue;
      pts.push([box.left + xa._offset + px, box.top + ya._offset + py, text, t.customdata[i]]);
    }
  });
  let best = null, bestGap = -1;
  for (const p of pts) {
    let gap = Infinity;
    for (const q of pts) if (q !== p) gap = Math.min(gap, Math.hypot(p[0] - q[0], p[1] - q[1]));
    if (gap > bestGap) { best = p; bestGap = gap; }
  }
  return best; }"""


def wait_idle(page, settle_ms: int = 750, timeout_ms: int = 90_000) -> None:
    """The run is over, the chart is drawn, and it stays so for ``settle_ms``."""
    stable = 0
    for _ in range(timeout_ms // 100):
        stable = stable + 100 if page.evaluate(IDLE_JS) else 0
        if stable >= settle_ms:
            return
        page.wait_for_timeout(100)
    raise AssertionError("the app is still running")


def rerun_and_wait(page, action) -> None:
    """Do ``action`` (which triggers a rerun), then wait until that rerun is over."""
    page.evaluate(COUNT_RUNS_JS)
    action()
    page.wait_for_function("window.__runsSeen > 0", timeout=60_000)
    wait_idle(page)
