"""Helpers for the browser tests: wait for Streamlit runs, and read plotly charts from the page."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the folder holding app.py
SCREENSHOTS = ROOT / "docs" / "screenshots"

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
