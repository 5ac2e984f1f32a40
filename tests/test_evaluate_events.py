"""The event-dating measure: the README's matching rules, the scorer on a tiny folder, the reference figure."""

from __future__ import annotations

import argparse
import datetime as dt
import json

import pytest
from project_paths import shared_path

from timeline.evaluate import events
from timeline.evaluate.events import GoldError, Mention, Report, matches, score_document
from timeline.pipeline import PipelineSettings

D = dt.date


@pytest.mark.parametrize(
    ("start", "precision", "gold", "expected"),
    [
        (D(2004, 3, 1), "day", "2004-03-01", True),
        (D(2004, 3, 1), "month", "2004-03-01", False),  # coarser than the gold is wrong
        (D(2004, 3, 2), "day", "2004-03-01", False),
        (D(2004, 3, 15), "day", "2004-03", True),
        (D(2004, 3, 8), "week", "2004-03", True),
        (D(2004, 3, 1), "quarter", "2004-03", False),
        (D(2004, 7, 1), "season", "2004", True),
        (D(2004, 1, 1), "year", "2004", True),
        (D(2000, 1, 1), "decade", "2004", False),
        (D(2005, 1, 1), "year", "2004", False),
    ],
)
def test_matching_at_the_gold_granularity(start, precision, gold, expected):
    assert matches(start, precision, gold) is expected


def test_the_row_with_the_nearest_date_expression_is_scored():
    mention = Mention("d.txt", 40, 46, "bought", frozenset({"1986"}))
    sentence = "In 2005 Disney acquired it; in 1986 he bought Pixar."
    rows = [
        {
            "char_start": 0,
            "char_end": len(sentence),
            "sentence": sentence,
            "timex_text": "2005",
            "start": D(2005, 1, 1),
            "precision": "year",
            "date_basis": "explicit",
        },
        {
            "char_start": 0,
            "char_end": len(sentence),
            "sentence": sentence,
            "timex_text": "1986",
            "start": D(1986, 1, 1),
            "precision": "year",
            "date_basis": "explicit",
        },
    ]
    report = Report()
    score_document([mention], rows, report)
    assert report.accuracy() == (1, 1)
    report = Report()
    score_document([mention], rows[:1], report)
    assert report.accuracy() == (0, 1) and report.outcomes[0].error == "own date wrong (explicit)"
    report = Report()
    score_document([mention, Mention("d.txt", 0, 2, "In", frozenset())], [], report)
    assert report.outcomes[0].error == "no row covers the mention" and report.unknown_gold["no row"] == 1


def _folder(tmp_path, body: str, gold: list[dict]):
    (tmp_path / "a.txt").write_text(
        f'---\ntitle: "T"\npublished: 2022-02-10\nsource: wire\n---\n\n{body}', encoding="utf-8"
    )
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return tmp_path


def _gold(body: str, word: str, date: str) -> dict:
    at = body.index(word)
    return {"doc": "a.txt", "mention": word, "char_start": at, "char_end": at + len(word), "date": date}


def test_pipeline_is_scored_on_a_small_folder(tmp_path, capsys):
    body = "Troops moved\nFebruary 10, 2022\nGerasimov arrived on Wednesday. He inspected troops.\n"
    folder = _folder(tmp_path, body, [_gold(body, "arrived", "2022-02-09"), _gold(body, "inspected", "2022-02-09")])
    keep = events.evaluate([folder], PipelineSettings(undated="keep"))
    assert keep.accuracy() == (1, 2)
    args = argparse.Namespace(folders=[folder], undated="continue", baseline=None, errors=True, examples=1)
    assert events.run(args) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].startswith("event dating, pipeline (undated=continue): 100.0% (2/2)")
    assert out[-1].startswith("SUMMARY events")


def test_gold_that_does_not_match_its_text_is_an_error(tmp_path):
    folder = _folder(
        tmp_path,
        "Troops moved.\n",
        [{"doc": "a.txt", "mention": "ran", "char_start": 0, "char_end": 3, "date": "2022"}],
    )
    with pytest.raises(GoldError, match="does not hold"):
        events.evaluate([folder], PipelineSettings())
    with pytest.raises(GoldError, match="gold.jsonl"):
        events.read_gold(tmp_path / "nowhere")


def test_publication_baseline_reproduces_the_reference_figure():
    folder = shared_path("data", "semeval2015-timeline", "trial")
    report = events.evaluate([folder], PipelineSettings(), baseline="publication")
    assert report.accuracy() == (78, 155)
    assert report.accuracy("day") == (71, 123)


def test_the_evaluator_scores_the_pipeline_default():
    parser = argparse.ArgumentParser()
    events.add_arguments(parser)
    assert parser.parse_args(["somewhere"]).undated == PipelineSettings().undated == "continue"
