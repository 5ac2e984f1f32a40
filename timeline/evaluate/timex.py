"""Score the temporal tagger on TimeML gold files the way TempEval-3 does (strict/relaxed spans, type, value).

The text of a document is the content of <TEXT> with tags stripped and entities decoded; its creation time is the
TIMEX3 whose functionInDocument is CREATION_TIME. Strict = identical span; relaxed = overlapping spans matched one
to one; type and value F1 = attribute accuracy over the relaxed matches times relaxed F1.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from timeline.temporal import tag

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)/?>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_BODY = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_DCT = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>")


class TimeMLError(ValueError):
    """A file is not TimeML the scorer can read; the message names the file and what is missing."""


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    dct: str
    timexes: tuple[GoldTimex, ...]


def parse_timeml(source: str, name: str = "<string>") -> Document:
    """The plain text, creation date and gold TIMEX3 spans of one TimeML document."""
    body = _BODY.search(source)
    if body is None:
        raise TimeMLError(f"{name}: no <TEXT> element; is this a TimeML file?")
    dct_tag = _DCT.search(source)
    dct = dict(_ATTR.findall(dct_tag.group()))["value"][:10] if dct_tag else ""
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes = []
    position = 0
    raw = body.group(1)
    for match in _TAG.finditer(raw):
        chunk = html.unescape(raw[position : match.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, element, attributes = match.group(1), match.group(2), match.group(3)
        if element != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attributes)))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    pieces.append(html.unescape(raw[position:]))
    return Document(name, "".join(pieces), dct, tuple(timexes))


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    value_equivalent: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok", "value_equivalent"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _f1(hits: int, system: int, gold: int) -> tuple[float, float, float]:
        precision = hits / system if system else 0.0
        recall = hits / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return 100 * precision, 100 * recall, 100 * f1

    def figures(self) -> dict[str, float]:
        strict = self._f1(self.strict, self.system, self.gold)
        relaxed = self._f1(self.relaxed, self.system, self.gold)
        type_f1 = relaxed[2] * (self.type_ok / self.relaxed) if self.relaxed else 0.0
        value_f1 = relaxed[2] * (self.value_ok / self.relaxed) if self.relaxed else 0.0
        equivalent_f1 = relaxed[2] * (self.value_equivalent / self.relaxed) if self.relaxed else 0.0
        return {
            "strict_p": strict[0], "strict_r": strict[1], "strict_f1": strict[2],
            "relaxed_p": relaxed[0], "relaxed_r": relaxed[1], "relaxed_f1": relaxed[2],
            "type_f1": type_f1, "value_f1": value_f1, "equivalent_value_f1": equivalent_f1,
        }


_UNSPECIFIED_TAIL = re.compile(r"(?:-XX)+$")
_DECADE_X = re.compile(r"^(\d{3})X$")
_SHORT_WEEK = re.compile(r"^(\d{4})-W(\d)(?=$|-)")
_HOUR_ONLY = re.compile(r"T(\d\d)$")


def equivalent_notation(value: str) -> str:
    """One spelling for TIMEX3 values that name the same thing in different notations: unspecified trailing
    parts (``1949-XX`` = ``1949``), a decade's X (``199X`` = ``199``), an unpadded week (``2000-W7``) and an
    hour without minutes (``T24`` = ``T24:00``). Used only for the second, labelled value figure; the
    TempEval-3 figure compares values exactly."""
    value = _UNSPECIFIED_TAIL.sub("", value) if value[:4].isdigit() else value
    value = _DECADE_X.sub(r"\1", value)
    value = _SHORT_WEEK.sub(r"\1-W0\2", value)
    return _HOUR_ONLY.sub(r"T\1:00", value)


def score_document(document: Document) -> Score:
    """Compare the tagger's output on one document with its gold TIMEX3s."""
    system = tag(document.text, document.dct or None)
    gold = sorted(document.timexes, key=lambda t: t.start)
    score = Score(gold=len(gold), system=len(system))
    system_spans = {(t.start, t.end) for t in system}
    score.strict = sum((g.start, g.end) in system_spans for g in gold)
    used: set[int] = set()
    text = document.text
    for item in gold:
        match_index = next(
            (i for i, t in enumerate(system) if i not in used and t.start < item.end and item.start < t.end), None
        )
        gold_text = " ".join(text[item.start : item.end].split())
        if match_index is None:
            score.errors.append(f"MISSED\t{document.name}\t{item.type}\t{item.value}\t{gold_text}")
            continue
        used.add(match_index)
        found = system[match_index]
        score.relaxed += 1
        score.type_ok += found.type == item.type
        score.value_ok += found.value == item.value
        score.value_equivalent += equivalent_notation(found.value) == equivalent_notation(item.value)
        found_text = " ".join(found.text.split())
        if (found.start, found.end) != (item.start, item.end):
            score.errors.append(f"SPAN\t{document.name}\t{gold_text}\t{found_text}")
        if found.value != item.value or found.type != item.type:
            score.errors.append(
                f"VALUE\t{document.name}\t{gold_text}\t{item.type} {item.value}\t{found.type} {found.value}"
                f"\t{found.rule}\tdct={document.dct}"
            )
    for index, found in enumerate(system):
        if index not in used:
            score.errors.append(
                f"SPURIOUS\t{document.name}\t{found.type}\t{found.value}\t{' '.join(found.text.split())}\t{found.rule}"
            )
    return score


def iter_documents(paths: list[str]) -> list[Document]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(path.glob("*.tml")))
        elif path.is_file():
            files.append(path)
        else:
            raise TimeMLError(f"{path}: no such file or folder; pass folders of .tml files or .tml files")
    if not files:
        raise TimeMLError(f"no .tml files under {', '.join(paths)}")
    return [parse_timeml(file.read_text(encoding="utf-8"), file.name) for file in files]


def _line(label: str, score: Score) -> str:
    f = score.figures()
    return (
        f"{label}: gold={score.gold} sys={score.system} | strict P={f['strict_p']:.1f} R={f['strict_r']:.1f} "
        f"F1={f['strict_f1']:.1f} | relaxed P={f['relaxed_p']:.1f} R={f['relaxed_r']:.1f} F1={f['relaxed_f1']:.1f} "
        f"| type F1={f['type_f1']:.1f} | value F1={f['value_f1']:.1f}"
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="DIR", help="folders of TimeML .tml files (or single files)")
    parser.add_argument("--per-doc", action="store_true", help="print one line of figures per document first")
    parser.add_argument("--errors", action="store_true", help="print every missed, spurious and wrong expression")


def run(args: argparse.Namespace) -> int:
    try:
        documents = iter_documents(args.paths)
    except TimeMLError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    total = Score()
    kinds: Counter[str] = Counter()
    for document in documents:
        score = score_document(document)
        total.add(score)
        if args.per_doc:
            print(_line(document.name, score))
        for error in score.errors:
            kinds[error.split("\t", 1)[0]] += 1
            if args.errors:
                print(error)
    print("errors: " + ", ".join(f"{kind.lower()}={count}" for kind, count in sorted(kinds.items())))
    figures = total.figures()
    print(
        f"value F1 counting equivalent notations as equal (1949-XX = 1949, 199X = 199, 2000-W7 = 2000-W07, "
        f"T24 = T24:00): {figures['equivalent_value_f1']:.1f}"
    )
    print(
        f"timex {len(documents)} docs, {total.gold} gold, {total.system} system: "
        f"strict F1 {figures['strict_f1']:.1f} (P {figures['strict_p']:.1f} R {figures['strict_r']:.1f}), "
        f"relaxed F1 {figures['relaxed_f1']:.1f} (P {figures['relaxed_p']:.1f} R {figures['relaxed_r']:.1f}), "
        f"type F1 {figures['type_f1']:.1f}, value F1 {figures['value_f1']:.1f}"
    )
    return 0
