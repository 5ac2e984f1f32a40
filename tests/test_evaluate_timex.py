"""The TempEval-3 style scorer, on tiny hand-made TimeML documents."""

from __future__ import annotations

import argparse

import pytest
from project_paths import shared_path

from timeline.evaluate import timex as scorer

DOC = "\n".join(
    [
        '<?xml version="1.0" ?>',
        "<TimeML>",
        "<DOCID>demo</DOCID>",
        '<DCT><TIMEX3 tid="t0" type="DATE" value="2022-02-10" functionInDocument="CREATION_TIME">'
        "20220210</TIMEX3></DCT>",
        "<TEXT>",
        'Troops <EVENT eid="e1">arrived</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2022-02-09">Wednesday</TIMEX3>',
        '&amp; drills start <TIMEX3 tid="t2" type="DATE" value="2022-02-10">today</TIMEX3> for',
        '<TIMEX3 tid="t3" type="DURATION" value="P10D">ten days</TIMEX3>, said',
        '<TIMEX3 tid="t4" type="DATE" value="2022-W06">the week</TIMEX3>\'s bulletin.',
        "</TEXT>",
        "</TimeML>",
    ]
)


def test_parse_timeml_strips_tags_and_decodes_entities():
    document = scorer.parse_timeml(DOC, "demo")
    assert document.dct == "2022-02-10"
    assert "&amp;" not in document.text and "& drills" in document.text
    assert [document.text[t.start : t.end] for t in document.timexes] == ["Wednesday", "today", "ten days", "the week"]
    assert [t.value for t in document.timexes] == ["2022-02-09", "2022-02-10", "P10D", "2022-W06"]


def test_parse_timeml_without_text_is_a_named_error():
    with pytest.raises(scorer.TimeMLError, match="no <TEXT>"):
        scorer.parse_timeml("<TimeML></TimeML>", "broken.tml")


def test_score_counts_strict_relaxed_and_values():
    score = scorer.score_document(scorer.parse_timeml(DOC, "demo"))
    assert (score.gold, score.strict) == (4, 3)  # "the week" is not found
    assert score.relaxed == score.value_ok == 3
    figures = score.figures()
    assert figures["relaxed_p"] == pytest.approx(100.0)
    assert figures["relaxed_r"] == pytest.approx(75.0)
    assert figures["value_f1"] == pytest.approx(figures["relaxed_f1"])
    assert any(line.startswith("MISSED") and "the week" in line for line in score.errors)


def test_relaxed_match_is_one_to_one_and_value_f1_is_accuracy_times_f1():
    score = scorer.Score(gold=4, system=4, strict=2, relaxed=4, type_ok=4, value_ok=2)
    figures = score.figures()
    assert figures["strict_f1"] == pytest.approx(50.0)
    assert figures["relaxed_f1"] == pytest.approx(100.0)
    assert figures["value_f1"] == pytest.approx(50.0)


def _run(paths, capsys, *extra):
    parser = argparse.ArgumentParser()
    scorer.add_arguments(parser)
    code = scorer.run(parser.parse_args([*map(str, paths), *extra]))
    return code, capsys.readouterr()


def test_command_prints_summary_as_last_line(tmp_path, capsys):
    (tmp_path / "demo.tml").write_text(DOC, encoding="utf-8")
    code, out = _run([tmp_path], capsys, "--per-doc", "--errors")
    assert code == 0
    lines = out.out.strip().splitlines()
    assert lines[0].startswith("demo.tml:")
    assert lines[-1].startswith("timex 1 docs, 4 gold") and "value F1" in lines[-1]


def test_command_rejects_missing_paths(tmp_path, capsys):
    code, out = _run([tmp_path / "absent"], capsys)
    assert code == 2 and "no such file" in out.err


def test_timebank_scores_above_heideltime_relaxed():
    folder = shared_path("data", "tbaq", "timebank")
    total = scorer.Score()
    for document in scorer.iter_documents([str(folder)])[:40]:
        total.add(scorer.score_document(document))
    assert total.figures()["relaxed_f1"] > 85


@pytest.mark.parametrize(
    ("gold", "system", "same"),
    [
        ("1949-XX", "1949", True),
        ("1994-XX-XX", "1994", True),
        ("1998-10-XX", "1998-10", True),
        ("199X", "199", True),
        ("2000-W7", "2000-W07", True),
        ("1989-10-27T24", "1989-10-27T24:00", True),
        ("XXXX-XX-XX", "XXXX", False),  # nothing known is not "some year"
        ("1998-10", "1998", False),
        ("2000-W17", "2000-W07", False),
        ("P1W", "1998-W32", False),
    ],
)
def test_equivalent_notations_only_merge_spellings_of_one_value(gold, system, same):
    assert (scorer.equivalent_notation(gold) == scorer.equivalent_notation(system)) is same
