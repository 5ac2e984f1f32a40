"""The language data files themselves: well-formed, no duplicates, no dead entries."""

from __future__ import annotations

import re

import pytest
import yaml

from timeline.temporal.guards import GUARDS
from timeline.temporal.lexicon import RESOURCES, context_words, lexicon, macros
from timeline.temporal.normalize import NORMALIZERS
from timeline.temporal.rules import RuleError, expand, rules

FILES = sorted(RESOURCES.glob("*.yaml"))


def _duplicate_keys(path):
    """YAML silently keeps the last of two equal keys; find them in the raw text instead."""
    seen, duplicates, section = set(), [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"^[a-z_]+:", line):
            section = line.split(":")[0]
        match = re.match(r"^  ([^#\s-][^:]*):", line)
        if match:
            key = (section, match.group(1))
            if key in seen:
                duplicates.append(key)
            seen.add(key)
    return duplicates


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_files_parse_and_have_no_duplicate_keys(path):
    assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)
    assert _duplicate_keys(path) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_word_lists_have_no_duplicates_and_are_lower_case(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name, entries in data.items():
        if isinstance(entries, list) and not any(isinstance(e, dict) for e in entries):
            # YAML reads bare on/no/yes as booleans: every word must stay a string (quote them)
            not_words = [e for e in entries if not isinstance(e, str)]
            assert not_words == [], (path.name, name)
            assert len(entries) == len(set(entries)), (path.name, name)
            assert all(e == e.lower() for e in entries), (path.name, name)
        if isinstance(entries, dict):
            assert all(k == k.lower() for k in entries), (path.name, name)


def test_rule_names_unique_and_every_rule_has_an_example():
    names = [rule.name for rule in rules()]
    assert len(names) == len(set(names))
    assert all(rule.examples for rule in rules())


def test_every_normalizer_and_guard_is_used_and_exists():
    used_norms = {rule.norm for rule in rules()}
    used_guards = {rule.guard for rule in rules() if rule.guard}
    assert used_norms == set(NORMALIZERS)
    assert used_guards <= set(GUARDS)
    assert set(GUARDS) - used_guards == set()


def test_every_macro_is_used_by_some_rule():
    spec = yaml.safe_load((RESOURCES / "rules.yaml").read_text(encoding="utf-8"))
    patterns = " ".join(rule["pattern"] for rule in spec["rules"])
    assert {name for name in macros() if f"%{name}" not in patterns} == set()


def test_unknown_macro_is_a_named_error():
    with pytest.raises(RuleError, match="unknown macro %nosuch"):
        expand("%nosuch", "demo")


def test_ambiguous_words_are_in_their_tables():
    lex = lexicon()
    assert set(lex["ambiguous_months"]) <= set(lex["months"])
    assert set(lex["ambiguous_weekdays"]) <= set(lex["weekdays"])
    assert set(lex["span_mods"]) <= set(lex["mods"])
    assert set(lex["outside_mods"]) <= set(lex["mods"])
    assert not set(lex["outside_mods"]) & set(lex["span_mods"])
    assert not set(lex["movable_holidays"]) & set(lex["holidays"])


def test_lexicon_values_are_well_formed():
    lex = lexicon()
    assert set(lex["months"].values()) == set(range(1, 13))
    assert set(lex["weekdays"].values()) == set(range(1, 8))
    assert set(lex["seasons"].values()) == {"SP", "SU", "FA", "WI"}
    assert set(lex["references"].values()) <= {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
    assert all(re.fullmatch(r"PT?\d+[A-Z]|XXXX-XX-XXT(?:MO|AF|EV|NI)", v) for v in lex["frequencies"].values())
    for month, day in lex["holidays"].values():
        assert 1 <= month <= 12 and 1 <= day <= 31
    for rule in lex["movable_holidays"].values():
        if "easter" in rule:
            assert set(rule) <= {"easter", "orthodox"} and abs(rule["easter"]) <= 60
        elif calendar_name := {"hijri", "hebrew", "chinese"} & set(rule):  # [month, day] of a lunar calendar
            (name,) = calendar_name
            month, day = rule[name]
            assert set(rule) == {name} and 1 <= month <= 12 and 1 <= day <= 30
        else:
            assert {"month", "weekday", "nth"} <= set(rule) <= {"month", "weekday", "nth", "days"}
            assert 1 <= rule["month"] <= 12 and 1 <= rule["weekday"] <= 7 and rule["nth"] in (-1, 1, 2, 3, 4)


def test_context_lists_are_loaded_and_each_is_used():
    words = context_words()
    assert "in" in words["date_prepositions"] and "troops" in words["counted_nouns"]
    package = RESOURCES.parents[1] / "temporal"
    code = " ".join(path.read_text(encoding="utf-8") for path in package.glob("*.py"))
    assert {name for name in words if f'"{name}"' not in code and f"%{name}" not in code} == set()


def test_every_phrase_in_code_names_a_word_list():
    """A %name in a phrase template of the code is a context.yaml list or a lexicon table, and expands."""
    from timeline.temporal.lexicon import phrase

    package = RESOURCES.parents[1] / "temporal"
    code = " ".join(path.read_text(encoding="utf-8") for path in package.glob("*.py"))
    names = set(re.findall(r"%([a-z_]+)", code)) - {"name", "macro"}  # as docstrings write them
    assert len(names) > 20
    assert names - set(context_words()) - set(lexicon()) == set()
    assert phrase(r"\s*(?:-|%range_links)\s*").fullmatch(" until ")
    assert phrase(r"(%day_phrase_heads)\s+(%offset_directions)").fullmatch("The night  before")
    assert phrase(r"%weekday_modals", 0).fullmatch("May") is None  # case kept when asked
    with pytest.raises(KeyError):
        phrase(r"%no_such_list")


def test_tense_lists_are_used():
    data = yaml.safe_load((RESOURCES / "tense.yaml").read_text(encoding="utf-8"))
    code = (RESOURCES.parents[1] / "temporal" / "tense.py").read_text(encoding="utf-8")
    assert {name for name in data if f'"{name}"' not in code} == set()
    assert set(data["weak_future"]) <= set(data["future"])


def test_every_anchor_scan_finds_what_its_pattern_finds():
    """An anchor searched without its opening \\b (for speed) still matches exactly where the pattern does."""
    import re

    from timeline.temporal.rules import compile_scan, expand, fold

    text = fold("Monday's day-long holiday: today, midday, every weekday, each quarter, headquarters, 1990s, Q4 half")
    specs = yaml.safe_load((RESOURCES / "rules.yaml").read_text(encoding="utf-8"))["rules"]
    anchors = {expand(spec["anchor"]) for spec in specs if "anchor" in spec}
    assert any(compile_scan(p).word_start for p in anchors)  # the fast path is used
    for pattern in anchors:
        scan = compile_scan(pattern)
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in re.finditer(pattern, text)], pattern


def test_anchor_windows_find_exactly_what_a_full_scan_finds():
    """Anchors only speed rules up: windowed matching must equal a scan of the whole text."""
    from timeline.temporal.rules import anchor_windows, fold

    text = fold(
        "On Thursday, 10 February 2022 at 5 p.m. local time, about 10 days after early March, the third quarter "
        "ended; every week since the 1990s and the '80s, in late summer, 3-5 March, two years ago "
        + "x" * 400
        + " Christmas Eve of the 21st century, the first half, last quarter, June last year."
    )
    for rule in rules():
        if rule.anchor is None:
            continue
        full = [(m.start(), m.end()) for m in rule.regex.finditer(text)]
        windowed = [
            (m.start(), m.end())
            for start, end in anchor_windows(rule.anchor, text)
            for m in rule.regex.finditer(text, start, end)
        ]
        assert windowed == full, rule.name


def test_anchor_windows_find_every_rule_example():
    from timeline.temporal.rules import anchor_windows, fold

    for rule in rules():
        for example, _dct, _value in rule.examples if rule.anchor is not None else ():
            text = fold("x " * 200 + example + " y" * 200)
            full = [(m.start(), m.end()) for m in rule.regex.finditer(text)]
            windowed = [
                (m.start(), m.end())
                for start, end in anchor_windows(rule.anchor, text)
                for m in rule.regex.finditer(text, start, end)
            ]
            assert windowed == full and full, (rule.name, example)


def test_patterns_are_lower_case_because_text_is_folded():
    from timeline.temporal.rules import fold

    assert fold("Thursday, 10 FEBRUARY İstanbul") == "thursday, 10 february İstanbul"
    spec = yaml.safe_load((RESOURCES / "rules.yaml").read_text(encoding="utf-8"))
    for rule in spec["rules"]:
        assert not re.search(r"(?<!\\)(?<!\(\?)[A-Z]", rule["pattern"] + rule.get("anchor", "")), rule["name"]



def test_no_match_reaches_half_an_anchor_window_from_its_anchor_word():
    """ANCHOR_WINDOW must exceed how far any match reaches from its anchor word (checked on the demo corpus)."""
    from pathlib import Path

    from timeline.temporal.rules import ANCHOR_WINDOW, fold

    demo = Path(__file__).resolve().parents[1] / "data" / "demo"
    text = fold("\n\n".join(path.read_text(encoding="utf-8") for path in sorted(demo.glob("*.md"))))
    farthest = 0
    for rule in rules():
        for match in rule.regex.finditer(text) if rule.anchor is not None else ():
            anchors = list(rule.anchor.finditer(text, match.start(), match.end()))
            if anchors:
                farthest = max(farthest, anchors[0].start() - match.start(), match.end() - anchors[-1].end())
    assert farthest > 0 and farthest * 2 < ANCHOR_WINDOW


def test_no_resource_file_repeats_a_key():
    """A YAML mapping that names a key twice keeps only the last: the first list would silently go unused."""

    class StrictLoader(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [loader.construct_object(key, deep=deep) for key, _value in node.value]
        repeated = {key for key in keys if keys.count(key) > 1}
        assert not repeated, f"{node.start_mark}: {sorted(repeated)} named twice"
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    files = sorted(RESOURCES.parent.rglob("*.yaml"))
    assert len(files) > 5
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)
