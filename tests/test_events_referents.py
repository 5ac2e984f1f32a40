"""Referents: which earlier, dated event a phrase like "the Pahalgam attack" names (or none: no guess)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.events.referents import referent

DAY = dt.date(2022, 2, 24)


def row(sentence: str, event_type: str, type_cue: str, basis: str = "explicit", timex_text: str = "") -> dict:
    return {"sentence": sentence, "event_type": event_type, "type_cue": type_cue, "date_basis": basis,
            "start": DAY, "timex_text": timex_text}  # fmt: skip


INVADED = row("Russia invaded Ukraine on 24 February.", "attack", "invaded", timex_text="24 February")
SHELLED = row("Russian forces shelled Kharkiv on 1 March.", "attack", "shelled", timex_text="1 March")
PAHALGAM = row("Militants killed 26 tourists in Pahalgam on 22 April.", "attack", "killed", timex_text="22 April")
MET = row("Putin met Xi on 4 February.", "diplomacy", "met", timex_text="4 February")


@pytest.mark.parametrize(
    ("phrase", "earlier", "expected"),
    [
        ("the invasion", [INVADED, SHELLED], INVADED),  # the same word told as a verb, not the latest attack
        ("the Pahalgam attack", [PAHALGAM, SHELLED], PAHALGAM),  # by the name its sentence holds
        ("the attack", [PAHALGAM], None),  # "killed" is not "attack": no guess
        ("Putin's speech", [MET], None),  # a name alone does not make every sentence naming Putin the speech
        ("the speech", [row("Putin gave a speech on 21 February.", "statement", "")], "speech"),
        ("the ruling", [row("The court ruled on Friday that couples may marry.", "other", "")], "ruled"),  # -ing/-ed
        ("the ruling", [row("The ruler died on Friday.", "other", "")], None),  # another word
    ],
)
def test_referent_by_name_or_by_the_same_word(phrase, earlier, expected):
    found = referent(phrase, earlier)
    if isinstance(expected, str):
        assert found is not None and expected in found["sentence"]
    else:
        assert found is expected


def test_a_row_without_a_date_of_its_own_is_no_referent():
    carried = row("Russia invaded Ukraine.", "attack", "invaded", basis="continued")
    assert referent("the invasion", [carried]) is None


def test_a_rows_own_date_phrase_does_not_make_it_the_event():
    counted = row("Two weeks after the invasion, talks began.", "attack", "invasion", basis="relative_previous",
                  timex_text="Two weeks after the invasion")  # fmt: skip
    assert referent("the invasion", [INVADED, counted]) is INVADED


def test_a_phrase_resolved_before_names_the_same_event_again():
    assert referent("the attack", [PAHALGAM], named=[("the Pahalgam attack", PAHALGAM)]) is PAHALGAM
    assert referent("the Kharkiv attack", [SHELLED], named=[("the Pahalgam attack", PAHALGAM)]) is not PAHALGAM


def test_an_anniversary_names_its_event_that_many_years_before():
    marked = {**row("Ukraine marked the first anniversary of Russia's full-scale invasion on Friday.", "other", "",
                    timex_text="Friday"), "start": dt.date(2023, 2, 24), "precision": "day"}  # fmt: skip
    found = referent("the invasion", [marked])
    assert found is not None and found["start"] == dt.date(2022, 2, 24)
    assert referent("Russia's invasion", [marked])["start"] == dt.date(2022, 2, 24)
    assert referent("the Chinese invasion", [marked]) is None  # a name the anniversary does not hold
    tenth = {**marked, "sentence": "Crowds marked the tenth anniversary of the invasion on Friday."}
    assert referent("the invasion", [tenth])["start"] == dt.date(2013, 2, 24)


def test_what_a_row_commemorates_is_not_its_own_event():
    """Without an ordinal the anniversary gives no date, and the row marking it is not the invasion itself."""
    marked = {**row("Ukraine marked the anniversary of the invasion on Friday.", "attack", "invasion",
                    timex_text="Friday"), "precision": "day"}  # fmt: skip
    assert referent("the invasion", [marked]) is None
