"""The tagger against the hand-checked dates of the demo corpus (``data/demo``, ``data/demo_expected.yaml``).

Every expected date expression is looked up in the tagger's output by its words; the values of the timexes inside
it (joined with "/" for "December 1 or 2"; the date part of a wider time such as "8 p.m. on Tuesday") must equal
the expected value. The agreement must not fall below the
level reached when this test was written; ``agreement()`` prints what differs when run as a script.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.temporal import tag

DATA = Path(__file__).resolve().parents[1] / "data"
MINIMUM_AGREEMENT = 0.97  # raise it when the tagger improves


def _body(path: Path) -> tuple[str, str]:
    """The article text (front matter removed) and its publication date."""
    raw = path.read_text(encoding="utf-8")
    _, front, body = raw.split("---", 2)
    return body, str(yaml.safe_load(front)["published"])


def _values_inside(timexes, body: str, expected_text: str, after: int) -> tuple[str | None, int]:
    """The "/"-joined values of the timexes inside the next occurrence of ``expected_text`` from ``after``."""
    start = body.find(expected_text, after)
    if start < 0:
        return None, after
    end = start + len(expected_text)
    inside = [t for t in timexes if t.start < end and t.end > start and t.type in ("DATE", "TIME")]
    if len(inside) == 1 and inside[0].start <= start and inside[0].end >= end and inside[0].end - inside[0].start > (
        end - start
    ):
        # "on Tuesday" inside "8 p.m. on Tuesday": the expected day is the date part of the wider value
        return inside[0].value.split("T")[0], start + 1
    return ("/".join(t.value for t in inside) if inside else None), start + 1


def agreement() -> tuple[int, int, list[str]]:
    """(agreeing, total, differences) over every expected date of the demo corpus."""
    expected = yaml.safe_load((DATA / "demo_expected.yaml").read_text(encoding="utf-8"))
    agree, total, differences = 0, 0, []
    for name, entry in expected.items():
        body, published = _body(DATA / "demo" / name)
        timexes = tag(body, published)
        position = 0
        for item in entry.get("dates") or []:
            total += 1
            found, position = _values_inside(timexes, body, item["text"], position)
            if found == str(item["value"]):
                agree += 1
            else:
                differences.append(f"{name}\t{item['text']!r}\texpected {item['value']}\tgot {found}")
    return agree, total, differences


def test_demo_dates_agree_with_the_hand_checked_values():
    if not (DATA / "demo_expected.yaml").exists():
        pytest.skip("demo corpus not present")
    agree, total, differences = agreement()
    assert total > 0
    assert agree / total >= MINIMUM_AGREEMENT, "\n".join(differences)


if __name__ == "__main__":
    agreed, counted, diffs = agreement()
    print("\n".join(diffs))
    print(f"demo agreement: {agreed}/{counted} = {agreed / counted:.1%}")
