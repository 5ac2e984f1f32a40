"""Small hand-made events frames for the figure, filter, export and curation tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from timeline.schema import from_records

XSS_TITLE = '<img src=x onerror="window.__xss=1"> troops arrived'
XSS_SENTENCE = 'On Wednesday, <img src=x onerror="window.__xss=1"> troops arrived. <script>window.__xss=2</script>'

KYIV = {"name": "Kyiv", "kind": "city", "country": "UA", "lat": 50.45, "lon": 30.52}
MINSK = {"name": "Minsk", "kind": "city", "country": "BY", "lat": 53.9, "lon": 27.57}
RUSSIA = {"name": "Russia", "kind": "state", "country": "RU", "normalized": "Russia"}
NATO = {"name": "NATO", "kind": "organization", "country": "", "normalized": "NATO"}


def event(n: int, **overrides) -> dict:
    """A valid event row; ``n`` makes ids and offsets unique."""
    row = {
        "event_id": f"ev{n:04d}",
        "article_id": f"art{n % 3}",
        "article_title": f"Dispatch {n % 3}",
        "source": ["Reuters", "AP", "BBC"][n % 3],
        "url": f"https://example.org/{n % 3}",
        "published": dt.date(2022, 2, 10),
        "published_basis": "metadata",
        "sentence": f"Sentence {n} about troops on Wednesday.",
        "char_start": n * 100,
        "char_end": n * 100 + 40,
        "timex_text": "on Wednesday",
        "timex_start": n * 100 + 26,
        "timex_end": n * 100 + 38,
        "timex_type": "DATE",
        "timex_value": "2022-02-09",
        "timex_anchor": "2022-02-10",
        "timex_rule": "weekday",
        "date_basis": "relative_publication",
        "start": dt.date(2022, 2, 9),
        "end": dt.date(2022, 2, 9),
        "precision": "day",
        "status": "occurred",
        "title": f"Event {n}",
        "actors": [RUSSIA],
        "places": [MINSK],
        "event_type": "military",
        "cluster_id": f"c{n}",
        "corroboration": 1,
        "salience": float(n % 7),
    }
    row.update(overrides)
    return row


def small_frame() -> pd.DataFrame:
    """Eight events covering every drawing case: point, span, month, year, scheduled, negated, undated, XSS."""
    return from_records(
        [
            event(1),
            event(2, start=dt.date(2022, 2, 10), end=dt.date(2022, 2, 19), status="scheduled", title="Joint drills",
                  event_type="exercise", actors=[RUSSIA, {"name": "Belarus", "kind": "state"}]),
            event(3, start=dt.date(2020, 8, 1), end=dt.date(2020, 8, 31), precision="month", timex_value="2020-08",
                  title="Protests in Belarus", event_type="protest", actors=[], places=[]),
            event(4, start=dt.date(2014, 1, 1), end=dt.date(2014, 12, 31), precision="year", timex_value="2014",
                  title="Crimea annexed", event_type="annexation", places=[KYIV], corroboration=3),
            event(5, status="negated", title="No invasion planned", event_type="statement"),
            event(6, start=None, end=None, precision="unknown", date_basis="unresolved", title="Undated claim",
                  timex_value="", timex_text="", timex_start=-1, timex_end=-1),
            event(7, title=XSS_TITLE, sentence=XSS_SENTENCE, actors=[NATO], places=[KYIV], source="<b>Evil</b> Times",
                  start=dt.date(2022, 2, 14), end=dt.date(2022, 2, 14), status="possible"),
            event(8, start=dt.date(2022, 2, 24), end=dt.date(2022, 2, 24), title="Invasion begins",
                  event_type="attack", corroboration=3, salience=10.0, places=[KYIV]),
        ]
    )  # fmt: skip


def synthetic(n: int, seed: int = 0) -> pd.DataFrame:
    """``n`` varied events over Nov 2021 - Mar 2022 (deterministic) for scale tests."""
    rows = []
    base = dt.date(2021, 11, 1)
    for i in range(n):
        k = (i * 2654435761 + seed) % 2**32
        day = base + dt.timedelta(days=k % 150)
        precision = "month" if k % 11 == 0 else "day"
        start = day.replace(day=1) if precision == "month" else day
        end = (start + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1) if precision == "month" else day
        if k % 13 == 0:
            end = start + dt.timedelta(days=k % 9)
        rows.append(event(i, start=start, end=end, precision=precision, event_type=f"type{k % 6}",
                          status=["occurred", "scheduled", "reported", "possible"][k % 4],
                          corroboration=1 + k % 4, salience=float(k % 100)))  # fmt: skip
    return from_records(rows)
