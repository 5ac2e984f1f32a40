"""The bundled demo corpus (data/demo/) and its golden dates (data/demo_expected.yaml).

The app opens on this corpus and later golden tests rely on it, so a malformed dispatch, a stray file
or a golden entry that drifted away from its text must fail here, with a message naming the file.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from timeline.schema import DATE_BASES, PRECISIONS

DATA = Path(__file__).resolve().parents[1] / "data"
DEMO = DATA / "demo"
README = DATA / "README.md"
GOLDEN = DATA / "demo_expected.yaml"

FIRST_DAY, LAST_DAY = dt.date(2021, 11, 1), dt.date(2022, 3, 31)
REQUIRED = ("title", "published", "source", "facts_from")
NAME = re.compile(r"^\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$")
FRONT_MATTER = re.compile(r"\A---\n(?P<meta>.*?)\n---\n\n?(?P<body>.*)\Z", re.DOTALL)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def dispatch_paths() -> list[Path]:
    return sorted(DEMO.glob("*.md"))


@cache
def read(path: Path) -> tuple[dict, str]:
    """Front matter and body of one dispatch (the body after ONE blank line, as ingestion reads it)."""
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    assert match, f"{path.name}: no YAML front matter between '---' lines at the top"
    try:
        meta = yaml.safe_load(match["meta"])
    except (yaml.YAMLError, ValueError) as exc:  # PyYAML raises ValueError for an impossible date
        pytest.fail(f"{path.name}: front matter does not parse: {exc}")
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return meta, match["body"]


def as_date(value: object) -> dt.date:
    """PyYAML gives a date for an unquoted ISO date; a quoted one must still be a real ISO date."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return dt.date.fromisoformat(str(value))


@cache
def golden() -> dict:
    return yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))


def readme_section(heading: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"data/README.md has no '## {heading}' section"
    return match[1]


# --- the corpus as a whole -------------------------------------------------------------------------


def test_corpus_is_big_enough_and_varied():
    paths = dispatch_paths()
    assert len(paths) >= 30, f"only {len(paths)} dispatches in {DEMO}"
    sources = {read(p)[0]["source"] for p in paths}
    assert len(sources) >= 4, f"only {len(sources)} distinct outlets: {sorted(sources)}"


def test_every_file_in_demo_dir_is_a_numbered_dispatch():
    """The app ingests every *.md here: a README or golden file dropped in would become an article."""
    stray = [p.name for p in DEMO.iterdir() if not NAME.match(p.name)]
    assert not stray, f"files in {DEMO} that are not NNN-slug.md dispatches: {stray}"
    numbers = [p.name[:3] for p in dispatch_paths()]
    assert len(numbers) == len(set(numbers)), "two dispatches share a number"


def test_published_dates_spread_over_the_whole_period():
    months = {(as_date(read(p)[0]["published"]).year, as_date(read(p)[0]["published"]).month) for p in dispatch_paths()}
    assert months == {(2021, 11), (2021, 12), (2022, 1), (2022, 2), (2022, 3)}


# --- each dispatch ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", dispatch_paths(), ids=lambda p: p.name)
def test_front_matter(path: Path):
    meta, _ = read(path)
    missing = [key for key in REQUIRED if not str(meta.get(key) or "").strip()]
    assert not missing, f"{path.name}: missing or empty {missing}"
    published = as_date(meta["published"])
    assert FIRST_DAY <= published <= LAST_DAY, f"{path.name}: published {published} outside the crisis window"
    assert meta.get("url", "") == "", f"{path.name}: demo dispatches were never online, url must be empty"


@pytest.mark.parametrize("path", dispatch_paths(), ids=lambda p: p.name)
def test_body_length(path: Path):
    _, body = read(path)
    words = len(body.split())
    assert 80 <= words <= 400, f"{path.name}: body has {words} words (want 80-400)"


# --- data/README.md ----------------------------------------------------------------------------------


def test_readme_lists_every_dispatch():
    text = README.read_text(encoding="utf-8")
    unlisted = [p.name for p in dispatch_paths() if f"`{p.name}`" not in text]
    assert not unlisted, f"data/README.md does not list the sources of {unlisted}"


def test_conflict_files_named_in_readme_exist():
    named = set(re.findall(r"`(\d{3}-[a-z0-9-]+\.md)`", readme_section("Deliberate conflicts")))
    assert len(named) >= 3, f"the conflicts section names too few files: {sorted(named)}"
    missing = sorted(name for name in named if not (DEMO / name).is_file())
    assert not missing, f"data/README.md names conflict files that do not exist: {missing}"


def test_figure_conflict_is_still_planted():
    """026 and 027 report the same buildup on the same day with different troop figures (see README)."""
    (meta_a, body_a), (meta_b, body_b) = (read(next(DEMO.glob(f"{n}-*.md"))) for n in ("026", "027"))
    assert meta_a["published"] == meta_b["published"]
    assert meta_a["source"] != meta_b["source"]
    assert "130,000" in body_a and "100,000" in body_b


# --- the golden dates ----------------------------------------------------------------------------------


def test_golden_file_covers_exactly_the_dispatches():
    assert sorted(golden()) == [p.name for p in dispatch_paths()]


@pytest.mark.parametrize("path", dispatch_paths(), ids=lambda p: p.name)
def test_golden_entries_match_their_dispatch(path: Path):
    meta, body = read(path)
    entry = golden()[path.name]
    published = as_date(meta["published"])
    assert as_date(entry["published"]) == published, f"{path.name}: golden published date differs"
    claimed: list[tuple[int, int]] = []
    positions: dict[int, int] = {}
    dates = entry["dates"]
    # longest text first, so "later on Saturday" claims its words before "on Saturday" looks for its own
    for index in sorted(range(len(dates)), key=lambda i: -len(dates[i]["text"])):
        text, start = dates[index]["text"], 0
        while (found := body.find(text, start)) >= 0 and any(a < found + len(text) and found < b for a, b in claimed):
            start = found + 1
        assert found >= 0, f"{path.name}: golden text {text!r} not in the body (or listed more often than it occurs)"
        claimed.append((found, found + len(text)))
        positions[index] = found
    assert [positions[i] for i in range(len(dates))] == sorted(positions.values()), f"{path.name}: not in reading order"
    for item in dates:
        assert item["precision"] in PRECISIONS and item["basis"] in DATE_BASES, f"{path.name}: {item}"
        if item["start"] is None:
            assert item["end"] is None and item["value"].endswith("_REF"), f"{path.name}: {item}"
            continue
        first, last = as_date(item["start"]), as_date(item["end"])
        assert first <= last, f"{path.name}: {item['text']!r} starts after it ends"
        named = [day for day in WEEKDAYS if day in item["text"].lower()]
        if item["basis"] == "relative_publication" and len(named) == 1 and first == last:
            assert WEEKDAYS[first.weekday()] == named[0], f"{path.name}: {item['text']!r} is not a {named[0]}"
            assert abs((first - published).days) <= 6, f"{path.name}: {item['text']!r} is over a week away"
