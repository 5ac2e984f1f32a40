"""Quantities an analyst tracks, parsed into numbers: troops, casualties, displaced people, money, weapons.

A figure is a number (digits, words, a range or a vague plural like "thousands") bound to a unit noun
that follows it within a couple of words ("30,000 Russian troops") or to a currency ("$600 million").
Numbers with no unit are not figures: dates ("10 February"), durations ("10 days"), years ("in 2014") and
weapon designations ("S-400") are left alone. Vocabulary lives in ``resources/enrich/figures.yaml``.

Each figure: ``{kind, value, low, high, unit, text}``. An exact number has low = high = value; "at least
352" has low only; "up to 5,000" high only; "about 100,000" value only; a range or a vague plural has
low and high and no single value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.events.gazetteer import Match, Matcher, load_yaml
from timeline.events.phrases import phrase

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_YEAR_CONTEXT = r"(?:\b<year_context_before>\s+|-)$"


@dataclass(frozen=True)
class _Lexicon:
    quantity: re.Pattern[str]
    units: Matcher  # unit noun -> kind ("generic" for people-counting nouns)
    cues: Matcher  # context cue -> kind, for generic nouns
    numbers: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, tuple[float, float]]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    approx: dict[str, str]  # qualifier phrase -> lower | upper | around
    max_gap: int


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def lexicon() -> _Lexicon:
    data = load_yaml("figures.yaml")
    numbers = {str(k).lower(): float(v) for k, v in data["numbers"].items()}
    scales = {str(k).lower(): float(v) for k, v in data["scales"].items()}
    vague = {str(k).lower(): (float(v[0]), float(v[1])) for k, v in data["vague"].items()}
    symbols = {str(k): v for k, v in data["currencies"]["symbols"].items()}
    words = {str(k).lower(): v for k, v in data["currencies"]["words"].items()}
    approx = {phrase: side for side, phrases in data["approx"].items() for phrase in phrases}
    number_words = _alternation(list(numbers))
    num = rf"(?:{_DIGITS}|(?:{number_words})(?:-(?:{number_words}))?)"
    word_scales = _alternation([s for s in scales if len(s) > 2])
    short_scales = _alternation([s for s in scales if len(s) <= 2])
    scale = rf"(?:\s+(?:{word_scales})\b|(?:{short_scales}|{word_scales})\b)"
    cur = _alternation(list(symbols))
    qual = _alternation(list(approx))
    quantity = re.compile(
        rf"(?<![\w.,-])(?:(?P<qual>{qual})\s+)?(?P<cur>{cur})?\s*"
        rf"(?:(?P<vague>{_alternation(list(vague))})(?:\s+of)?"
        rf"|(?:(?P<between>between|from)\s+)?(?P<a>{num})(?P<as>{scale})?"
        rf"(?:\s*(?P<sep>-|–|to|(?(between)and|(?!)))\s*(?P=cur)?(?P<b>{num})(?P<bs>{scale})?)?)"
        rf"(?![\w%])",
        re.IGNORECASE,
    )
    units = {u: kind for kind, nouns in data["kinds"].items() for u in nouns}
    units.update({u: "generic" for u in data["generic"]})
    cues = {c: kind for kind, phrases in data["context_cues"].items() for c in phrases}
    return _Lexicon(
        quantity,
        Matcher(units, ignore_case=True),
        Matcher(cues, ignore_case=True),
        numbers,
        scales,
        vague,
        symbols,
        words,
        approx,
        int(data.get("max_gap", 2)),
    )


def _number(text: str, lex: _Lexicon) -> float | None:
    token = text.lower().replace(",", "")
    try:
        return float(token)
    except ValueError:
        pass
    total = 0.0
    for part in token.split("-"):
        part = " ".join(part.split())
        if part not in lex.numbers:
            return None
        total += lex.numbers[part]
    return total


def _scale(text: str | None, lex: _Lexicon) -> float:
    return lex.scales.get(text.strip().lower(), 1.0) if text else 1.0


def _clean(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def parse_figures(text: str) -> list[dict]:
    """All figures in ``text``, in order."""
    lex = lexicon()
    units = {m.start: m for m in lex.units.find(text)}
    out: list[dict] = []
    for m in lex.quantity.finditer(text):
        if not (m.group("a") or m.group("vague")):
            continue
        figure = _figure(m, text, units, lex)
        if figure:
            out.append(figure)
    return out


def _figure(m: re.Match[str], text: str, units: dict[int, Match], lex: _Lexicon) -> dict | None:
    b = None
    if m.group("vague"):
        low, high = lex.vague[" ".join(m.group("vague").lower().split())]
        value, num_end, first = None, m.end(), m.start("vague")
    else:
        a = _number(m.group("a"), lex)
        if a is None:
            return None
        b = _number(m.group("b"), lex) if m.group("b") else None
        if m.group("b") and b is None:
            return None
        low_scale, high_scale = _scale(m.group("as"), lex), _scale(m.group("bs"), lex)
        if b is not None and not m.group("as") and m.group("bs") and a <= b:
            low_scale = high_scale  # "between one and five million"
        if b is None:
            value = low = high = a * low_scale
            num_end = m.end("as") if m.group("as") else m.end("a")
            first = m.start("a")
        else:
            value, low, high = None, a * low_scale, b * high_scale
            num_end, first = m.end(), m.start("between") if m.group("between") else m.start("a")
    side = lex.approx.get(" ".join((m.group("qual") or "").lower().split()), "")
    if value is not None and side:
        low, high = (value, None) if side == "lower" else (None, value) if side == "upper" else (None, None)
    if m.group("qual"):
        first = m.start("qual")
    elif m.group("cur"):
        first = m.start("cur")
    currency = lex.currency_symbols.get(m.group("cur") or "", "")
    unit_match = _unit_after(text, num_end, units, lex)
    after = re.match(r"\s+(\w+)", text[num_end : num_end + 20])
    if not currency and after and after.group(1).lower() in lex.currency_words:
        currency, unit_match = lex.currency_words[after.group(1).lower()], None
        num_end += after.end()
    if not m.group("vague") and _is_year(m, text, b, unit_match, num_end) and not currency:
        return None
    if currency:
        kind, unit, end = "money", currency, num_end
    elif unit_match is not None:
        kind, unit, end = unit_match.key, " ".join(unit_match.text.lower().split()), unit_match.end
        if kind == "generic":
            cue = next(iter(lex.cues.find(text[end : end + 120])), None)
            if cue is None:
                return None
            kind = cue.key
    else:
        return None
    return {
        "kind": kind,
        "value": _clean(value),
        "low": _clean(low),
        "high": _clean(high),
        "unit": unit,
        "text": text[first:end].strip(),
    }


def _is_year(m: re.Match[str], text: str, b: float | None, unit: Match | None, num_end: int) -> bool:
    """A bare four-digit number from 1800 to 2100 is a year unless a unit follows it at once ("2000 troops")
    and nothing before it reads like a date ("in 2014")."""
    raw = m.group("a")
    if m.group("as") or b is not None or not raw.isdigit() or len(raw) != 4 or not 1800 <= int(raw) <= 2100:
        return False
    if phrase(_YEAR_CONTEXT).search(text[max(0, m.start("a") - 12) : m.start("a")]):
        return True
    return unit is None or unit.start != num_end + 1


def _unit_after(text: str, end: int, units: dict[int, Match], lex: _Lexicon) -> Match | None:
    """The unit noun starting within ``max_gap`` words after ``end`` (skipping "of")."""
    pos = end
    for _ in range(lex.max_gap + 1):
        gap = phrase(r"\s+(?:<of_words>\s+)?").match(text[pos:])
        if not gap:
            return None
        start = pos + gap.end()
        if start in units:
            return units[start]
        word = re.match(r"[\w'’-]+", text[start:])
        if not word or word.group(0)[0].isdigit():
            return None
        pos = start + word.end()
    return None
