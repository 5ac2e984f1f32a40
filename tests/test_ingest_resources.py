"""The ingestion word lists: well-formed, no duplicates, no dead entries."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from timeline.ingest.dateline import find_dateline, month_numbers
from timeline.ingest.fields import ROLES, find_field, squash, synonyms


def data(name: str) -> dict:
    with resources.files("timeline.resources").joinpath(f"ingest/{name}").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_fields_file_has_every_role_and_no_duplicates():
    fields = data("fields.yaml")
    assert set(fields) == set(ROLES)
    for role, names in fields.items():
        squashed = [squash(n) for n in names]
        assert len(squashed) == len(set(squashed)), role
        assert all(s == n for s, n in zip(squashed, names, strict=True)), f"{role}: write names squashed"
    everywhere = [n for names in fields.values() for n in names]
    assert len(everywhere) == len(set(everywhere)), "a field name may serve one role only"


@pytest.mark.parametrize("role", ROLES)
def test_every_field_name_is_found(role):
    for name in synonyms()[role]:
        assert find_field({name.upper(): "value"}, role) == name.upper()


def test_datelines_file_is_consistent():
    words = data("datelines.yaml")
    assert set(words) == {"months", "weekdays", "cues", "ordinals"}
    seen: dict[str, int] = {}
    for language, months in words["months"].items():
        assert set(months.values()) <= set(range(1, 13)), language
        for name, number in months.items():
            assert name == name.lower()
            assert seen.setdefault(name, number) == number, f"{name} listed twice with different months"
    assert set(words["months"]["en"].values()) == set(range(1, 13))
    weekdays = [w for ws in words["weekdays"].values() for w in ws]
    assert len(weekdays) == len(set(weekdays))
    assert len(words["cues"]) == len(set(words["cues"]))


def test_every_month_name_reads_in_a_dateline():
    for name, number in month_numbers().items():
        found = find_dateline(f"{name.capitalize()} 10, 2022 / Wire\nBody.")
        assert found is not None and found.month == number, name


def test_every_cue_and_weekday_reads_in_a_dateline():
    words = data("datelines.yaml")
    for cue in words["cues"]:
        found = find_dateline(f"{cue.capitalize()}: 10 March 2022\nBody.")
        assert found is not None and found.month == 3, cue
    for weekday in (w for ws in words["weekdays"].values() for w in ws):
        found = find_dateline(f"{weekday.capitalize()}, 10 March 2022\nBody.")
        assert found is not None, weekday
