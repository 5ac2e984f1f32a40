"""Rules as data: ``resources/temporal/rules.yaml`` compiled once into regexes, with their guards and normalizers."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import yaml

from timeline.temporal.lexicon import RESOURCES, macros

_MACRO = re.compile(r"%([a-z_]+)")


class RuleError(ValueError):
    """A rule in rules.yaml is malformed; the message names the rule and what to fix."""


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    norm: str
    guard: str
    examples: tuple[tuple[str, str, str], ...]


def expand(pattern: str, rule_name: str = "?") -> str:
    """Replace each %macro in ``pattern`` by its alternation; an unknown macro is an error, not a literal."""
    table = macros()

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in table:
            raise RuleError(f"rule {rule_name!r} uses unknown macro %{name}; known: {', '.join(sorted(table))}")
        return table[name]

    return _MACRO.sub(replace, pattern)


@functools.cache
def rules() -> tuple[Rule, ...]:
    """All rules in file order (earlier rules win ties between equally long matches)."""
    with (RESOURCES / "rules.yaml").open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)["rules"]
    compiled = []
    for spec in raw:
        name = spec["name"]
        try:
            regex = re.compile(expand(spec["pattern"], name), re.IGNORECASE)
        except re.error as exc:
            raise RuleError(f"rule {name!r} does not compile: {exc}") from exc
        if regex.match(""):
            raise RuleError(f"rule {name!r} matches the empty string; make at least one part mandatory")
        examples = tuple(tuple(example) for example in spec.get("examples", ()))
        compiled.append(Rule(name, regex, spec["norm"], spec.get("guard", ""), examples))
    return tuple(compiled)
