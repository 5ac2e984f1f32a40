"""Dates that head the lines of a list: a chronology's items ("Feb 24 - Russia invades") and a roundup's weekday
sections ("Saturday: the Crimean bridge is hit ... Friday: Putin says no need for more strikes").

A list's order places its dates where their tenses cannot: items and headings are told in the historic present.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from timeline.temporal.resolve import resolve_weekday
from timeline.temporal.tense import sentence_tense

if TYPE_CHECKING:  # the guards, which matching runs, ask this module whether a month heads a list line
    from timeline.temporal.matching import Candidate

_ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•·]\s*)?$")
_ITEM_SEPARATOR = re.compile(r"\s*[-–—:]\s")
_LINE_END = re.compile(r"[ \t]*:?[ \t]*(?:\n|$)")
SECTION_LABELS = 3  # weekday headings that make a roundup's week
DAYS_IN_WEEK = 7


def heads_a_list_item(text: str, start: int, end: int) -> bool:
    """ "March 2 - Russian forces capture Kherson": the date at ``start:end`` opens a line of a dated list, told in
    the historical present; the list's order, not the tense, places it."""
    return bool(_ITEM_START.search(text, max(0, start - 8), start) and _ITEM_SEPARATOR.match(text, end))


def labels_a_section(text: str, candidate: Candidate) -> bool:
    """A bare weekday heading a line of its own or a line's headline ("Monday: missiles rain down", "TUESDAY")."""
    draft = candidate.draft
    return (
        draft.kind == "calendar" and draft.weekday is not None and draft.month is None and not draft.period
        and draft.cue is None and not draft.offset
        and bool(_ITEM_START.search(text, max(0, candidate.start - 8), candidate.start))
        and (_ITEM_SEPARATOR.match(text, candidate.end) is not None or _LINE_END.match(text, candidate.end) is not None)
    )  # fmt: skip


def weekday_sections(
    text: str,
    chosen: Sequence[Candidate],
    sentence_after: Callable[[int], str],
    publication: dt.date | None,
) -> dict[int, dt.date]:
    """The days of a roundup's weekday headings, by their positions in ``chosen``: a run of at least three, each a
    later day of one week ("Saturday: ... Monday: ... Friday: ..."), is one week told in order. Its sections'
    tenses say which week: told in the past, the one that ends by publication (a Saturday paper's "Saturday" is then
    the week's first day, not today); in the future or the present of a schedule, the one that starts by it (a
    recap in the historic present reads as a preview: previews are the usual present-tense format).
    ``sentence_after(offset)`` is the text of the sentence after the one at ``offset`` (a section's first sentence,
    under its heading)."""
    labels = [position for position, candidate in enumerate(chosen) if labels_a_section(text, candidate)]
    if publication is None or len(labels) < SECTION_LABELS:
        return {}
    weekdays = [chosen[position].draft.weekday or 0 for position in labels]
    gaps = [(later - earlier) % DAYS_IN_WEEK for earlier, later in zip(weekdays, weekdays[1:], strict=False)]
    if 0 in gaps or sum(gaps) >= DAYS_IN_WEEK:
        return {}  # a day twice, or more than a week: a schedule or a list, no week told in order
    tenses = [sentence_tense(sentence_after(chosen[position].start)) for position in labels]
    past = sum(tense == "past" for tense in tenses)
    ahead = sum(tense in ("future", "present") for tense in tenses)  # a preview's schedule: "China publishes ..."
    if past == ahead:
        return {}
    if past > ahead:
        last = resolve_weekday(weekdays[-1], publication, None, "past")
        offsets = [sum(gaps[index:]) for index in range(len(labels))]
        return {position: last - dt.timedelta(days=back) for position, back in zip(labels, offsets, strict=True)}
    first = resolve_weekday(weekdays[0], publication, None, "future")
    offsets = [sum(gaps[:index]) for index in range(len(labels))]
    return {position: first + dt.timedelta(days=on) for position, on in zip(labels, offsets, strict=True)}


_YEAR_HEADING = re.compile(r"(?:#+\s*)?[*_]*(?P<year>[12]\d{3})\b[*_]*(?:\s*:?|(?:\s*[:–—-])?\s+[^.!?]+)")
_YEAR_LINE = re.compile(r"^[ \t#*_]*[12]\d{3}\b", re.MULTILINE)  # a line that opens with a year
HEADING_MAX_WORDS = 8
_BULLET = " \t-*•·"


def year_frames(text: str, opens_with_a_date: Callable[[int], bool]) -> list[tuple[int, int | None]]:
    """Where a chronology's year headings ("2021", "## 2022:", "2021 in review") start, with their years, and where
    each stops holding (None): the dates without a year below it are in its year ("2021 / November - US intelligence
    warns ... / 17 December - Moscow publishes ..."). Under the heading, either list lines (a date or a bullet opens
    each) or one paragraph: the first other line after the list, or the first line after the paragraph, ends it,
    as does a short heading set off by blank lines ("What comes next"). ``opens_with_a_date(offset)``: a date starts
    at that offset."""
    if not _YEAR_LINE.search(text):
        return []  # most texts have no year on a line of its own: no need to walk their lines
    frames: list[tuple[int, int | None]] = []
    lines = text.split("\n")
    offset = 0
    under: str | None = None  # what the open frame holds so far: "list", "paragraph", "done" (past its paragraph)
    for index, line in enumerate(lines):
        words = line.strip()
        start = offset
        offset += len(line) + 1
        if (heading := _YEAR_HEADING.fullmatch(words)) and len(words.split()) <= HEADING_MAX_WORDS:
            frames.append((start, int(heading["year"])))
            under = ""
            continue
        if under is None:
            continue
        if not words:
            under = "done" if under == "paragraph" else under
            continue
        item = len(line) - len(line.lstrip(_BULLET))  # where a bullet, if any, leaves off
        listed = line.lstrip(_BULLET) != line.lstrip() or opens_with_a_date(start + item)
        if under == "" and not _is_heading(lines, index, words):
            under = "list" if listed else "paragraph"
        elif under == "done" or (under == "list") != listed or _is_heading(lines, index, words):
            frames.append((start, None))
            under = None
    return frames


def _is_heading(lines: list[str], index: int, words: str) -> bool:
    """A short line with no closing stop set off by blank lines ("What comes next")."""
    return (
        len(words.split()) <= HEADING_MAX_WORDS and not words.endswith((".", "!", "?", '"', "”", ":"))
        and (index == 0 or not lines[index - 1].strip())
        and (index + 1 == len(lines) or not lines[index + 1].strip())
    )  # fmt: skip
