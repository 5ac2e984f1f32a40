"""Build the timeline figure for 1k, 10k and 100k synthetic events; print build time and payload size.

Targets (issue 8): under 1 s and under 5 MB at 100k events in the zoomed-out view. As a peer
measured in the same run, a naive ``plotly.express`` scatter of every event (one marker per
event, title in the hover) shows what aggregation saves.

    .venv/bin/python -m bench.figure            # from the project root: 1k, 10k, 100k
    .venv/bin/python -m bench.figure 1000 5000  # chosen sizes
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd
import plotly.express as px

from timeline.figures import timeline_figure
from timeline.schema import COLUMNS, coerce

TYPES = ("military", "diplomacy", "statement", "sanctions", "cyber", "humanitarian", "protest", "other")
STATUSES = ("occurred", "occurred", "occurred", "reported", "scheduled", "possible", "ongoing")
OUTLETS = ("Reuters", "AP", "AFP", "BBC", "Kyiv Independent", "Meduza", "DW", "Guardian")
PLACES = (("Kyiv", 50.45, 30.52), ("Minsk", 53.9, 27.57), ("Moscow", 55.75, 37.62), ("Donetsk", 48.0, 37.8))


def synthetic(n: int, seed: int = 1) -> pd.DataFrame:
    """``n`` events over Nov 2021 - Mar 2022: 85% days, 7% multi-day spans, 8% month precision."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2021-11-01") + pd.to_timedelta(rng.integers(0, 150, n), unit="D")
    kind = rng.random(n)
    month = kind < 0.08
    span = (kind >= 0.08) & (kind < 0.15)
    start = start.where(~month, start.to_period("M").start_time)
    end = start + pd.to_timedelta(np.where(span, rng.integers(1, 10, n), 0), unit="D")
    end = end.where(~month, start.to_period("M").end_time.normalize())
    place = rng.integers(0, len(PLACES), n)
    frame = pd.DataFrame({
        "event_id": [f"{i:016x}" for i in range(n)],
        "article_id": [f"a{i // 12:015x}" for i in range(n)],
        "source": np.array(OUTLETS)[rng.integers(0, len(OUTLETS), n)],
        "published_basis": "metadata",
        "sentence": [f"Synthetic sentence number {i} about troop movements near the border." for i in range(n)],
        "date_basis": "explicit",
        "start": start,
        "end": end,
        "precision": np.where(month, "month", "day"),
        "status": np.array(STATUSES)[rng.integers(0, len(STATUSES), n)],
        "title": [f"Synthetic event {i}" for i in range(n)],
        "actors": [[{"name": a}] for a in np.array(("Russia", "Ukraine", "NATO", "US", "Belarus"))[
            rng.integers(0, 5, n)]],
        "places": [[{"name": PLACES[p][0], "lat": PLACES[p][1], "lon": PLACES[p][2]}] for p in place],
        "event_type": np.array(TYPES)[rng.integers(0, len(TYPES), n)],
        "corroboration": rng.integers(1, 5, n),
        "salience": rng.random(n),
    })  # fmt: skip
    defaults = {"str": "", "int": 0, "float": 0.0, "date": pd.NaT}
    for col in COLUMNS:
        if col.name not in frame:
            frame[col.name] = [[] for _ in range(n)] if col.kind == "list" else defaults[col.kind]
    frame[["timex_start", "timex_end"]] = -1
    return coerce(frame[[c.name for c in COLUMNS]])


def measure(build, repeat: int = 3) -> tuple[float, int]:
    """Best build time of ``repeat`` runs (the machine is shared), and the figure's JSON size in bytes."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fig = build()
        best = min(best, time.perf_counter() - start)
    return best, len(fig.to_json())


def main(sizes: list[int]) -> None:
    warm = synthetic(50)  # plotly validates lazily: the first figure of a process pays its imports
    timeline_figure(warm)
    px.scatter(warm, x="start", y="event_type")
    print(f"{'events':>8} {'ours s':>8} {'ours MB':>8} {'naive s':>8} {'naive MB':>9} {'time x':>7} {'size x':>7}")
    for n in sizes:
        frame = synthetic(n)
        ours_s, ours_b = measure(lambda frame=frame: timeline_figure(frame, lanes="event_type", color="status"))
        naive_s, naive_b = measure(lambda frame=frame: px.scatter(frame, x="start", y="event_type", color="status",
                                                                  hover_name="title", render_mode="webgl"))  # fmt: skip
        print(f"{n:>8} {ours_s:>8.3f} {ours_b / 1e6:>8.2f} {naive_s:>8.3f} {naive_b / 1e6:>9.2f} "
              f"{naive_s / ours_s:>7.1f} {naive_b / ours_b:>7.1f}")  # fmt: skip
    print("targets at 100k (ours): build < 1 s, payload < 5 MB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
