"""User curation of the events frame: fix a field, hide or merge events, with an audit log.

Edits are a list of :class:`Edit` records keyed by ``event_id`` (stable across runs), applied
in order on top of a freshly extracted frame. So re-running extraction never loses a user's
work: the same edits land on the same events. Every edit is also the audit log entry
(who, when, event, field, old, new). A project (articles, settings, edits) saves to one JSON file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from timeline.article import Article
from timeline.schema import PRECISIONS, STATUSES, validate

#: Fields a user may change, in the order the table shows them.
EDITABLE: tuple[str, ...] = ("title", "start", "end", "precision", "event_type", "status")

ACTIONS: tuple[str, ...] = ("set", "hide", "unhide", "merge", "unmerge")

PROJECT_FORMAT = "crisis-timeline/project"
PROJECT_VERSION = 1


class CurationError(ValueError):
    """An edit cannot be made as asked; the message says which value to change."""


class ProjectFileError(ValueError):
    """A file given as a project is not one this app wrote; the message says what is wrong."""


@dataclass(frozen=True)
class Edit:
    """One user change. For ``merge``, ``new`` is the event_id the event was merged into; ``unmerge`` takes an
    event out of the one it was merged into (``old``)."""

    event_id: str
    action: str
    field: str = ""
    old: str = ""
    new: str = ""
    who: str = ""
    when: str = ""

    def __post_init__(self) -> None:
        if self.action not in ACTIONS:
            raise CurationError(f"unknown action {self.action!r}; use one of {ACTIONS}")
        if self.action == "set" and self.field not in EDITABLE:
            raise CurationError(f"field {self.field!r} cannot be edited; editable fields: {EDITABLE}")


def now() -> str:
    """The audit timestamp format: ISO 8601 UTC to the second."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(value: object) -> str:
    """A cell value as the audit log writes it (dates ISO, missing as "")."""
    if value is None or (not isinstance(value, (list, str)) and pd.isna(value)):
        return ""
    if isinstance(value, (pd.Timestamp, dt.date)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _check(field: str, value: str) -> str:
    """Normalize a new value for ``field``, or raise :class:`CurationError` saying what is accepted."""
    value = value.strip()
    if field in ("start", "end"):
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            raise CurationError(f"{field} must be a date as YYYY-MM-DD, got {value!r}") from None
    if field == "precision" and value not in PRECISIONS:
        raise CurationError(f"precision must be one of {PRECISIONS}, got {value!r}")
    if field == "status" and value not in STATUSES:
        raise CurationError(f"status must be one of {STATUSES}, got {value!r}")
    if field in ("title", "event_type") and not value:
        raise CurationError(f"{field} cannot be empty")
    if field == "title" and len(value) > 80:
        raise CurationError(f"title must be at most 80 characters (got {len(value)})")
    return value


def edits_from_changes(
    frame: pd.DataFrame, changes: Mapping[str, Mapping[str, object]], *, who: str, when: str | None = None
) -> list[Edit]:
    """Edits for a table's changed cells: ``changes[event_id][field] = new value``.

    ``hidden`` (bool) becomes hide/unhide. Fixing the start of an event dated only to a month
    or year makes it a day-precision event on that day (the user has pinned the date), logged
    as its own precision/end edits so the audit log tells the whole story. Moving the start of a
    one-day event moves its end along: the user corrected the day, not asked for a span.
    """
    when = when or now()
    by_id = frame.set_index("event_id")
    edits: list[Edit] = []
    for event_id, fields in changes.items():
        if event_id not in by_id.index:
            raise CurationError(f"event {event_id!r} is not in the table; reload the page and edit again")
        row = by_id.loc[event_id]
        for field, raw in fields.items():
            if field == "hidden":
                edits.append(Edit(event_id, "hide" if raw else "unhide", who=who, when=when))
                continue
            if field not in EDITABLE:
                raise CurationError(f"column {field!r} cannot be edited; editable: {EDITABLE}")
            old, new = _text(row[field]), _check(field, _text(raw))
            if new != old:
                edits.append(Edit(event_id, "set", field, old, new, who, when))
        pinned = "start" in fields and "precision" not in fields and row["precision"] != "day"
        one_day = row["precision"] == "day" and _text(row["start"])[:10] == _text(row["end"])[:10]
        moved = "start" in fields and "end" not in fields and (pinned or one_day)
        if pinned:
            edits.append(Edit(event_id, "set", "precision", row["precision"], "day", who, when))
        if moved:
            day = _check("start", _text(fields["start"]))
            if day[:10] != _text(row["end"])[:10]:
                edits.append(Edit(event_id, "set", "end", _text(row["end"]), day, who, when))
        _check_order(event_id, row, fields, moved)
    return edits


def _check_order(event_id: str, row: pd.Series, fields: Mapping[str, object], pinned: bool) -> None:
    """An end before the start is refused, never silently turned into a moved start."""
    start = (_text(fields["start"]) if "start" in fields else _text(row["start"]))[:10]
    end = (_text(fields["end"]) if "end" in fields else start if pinned else _text(row["end"]))[:10]
    if start and end and end < start:
        raise CurationError(
            f"event {event_id}: the end ({end}) would come before the start ({start}); change the start first, "
            "or both together"
        )


def merge_edit(frame: pd.DataFrame, source_id: str, target_id: str, *, who: str, when: str | None = None) -> Edit:
    """The edit that merges event ``source_id`` into ``target_id`` (same happening, reported twice)."""
    ids = set(frame["event_id"])
    if source_id == target_id:
        raise CurationError("pick two different events to merge")
    for event_id in (source_id, target_id):
        if event_id not in ids:
            raise CurationError(f"event {event_id!r} is not in the table; pick events from the current list")
    return Edit(source_id, "merge", "cluster_id", "", target_id, who, when or now())


def unmerge_edit(edits: Iterable[Edit], source_id: str, *, who: str, when: str | None = None) -> Edit:
    """The edit that undoes the merge of ``source_id``: it is shown again as an event of its own."""
    target = merges(edits).get(source_id)
    if target is None:
        raise CurationError(f"event {source_id!r} is not merged into another; pick one from the merged events")
    return Edit(source_id, "unmerge", "cluster_id", target, "", who, when or now())


def merges(edits: Iterable[Edit]) -> dict[str, str]:
    """The merges in force: merged event_id -> the event_id it was merged into (an unmerge cancels the merges of its
    event before it; the last merge of an event wins)."""
    merged: dict[str, str] = {}
    for edit in edits:
        if edit.action == "merge":
            merged[edit.event_id] = edit.new
        elif edit.action == "unmerge":
            merged.pop(edit.event_id, None)
    return merged


def hidden_ids(edits: Iterable[Edit]) -> set[str]:
    """Events hidden by the edits (the last hide/unhide of each wins)."""
    hidden: set[str] = set()
    for edit in edits:
        if edit.action == "hide":
            hidden.add(edit.event_id)
        elif edit.action == "unhide":
            hidden.discard(edit.event_id)
    return hidden


def apply_edits(
    frame: pd.DataFrame, edits: Iterable[Edit], *, keep_hidden: bool = False, keep_merged: bool = False
) -> pd.DataFrame:
    """The frame with every applicable edit made, in order; a valid events frame.

    Edits for events not in the frame (an article was removed) are skipped: they stay in the
    log and apply again if the event comes back. Merged events join the target's ``cluster_id``, their outlets
    counted in its corroboration, and are removed unless ``keep_merged`` (the reports behind a merged event);
    merges undone by a later unmerge are not made. Hidden events are removed unless ``keep_hidden``.
    """
    out = frame.copy()
    position = {eid: i for i, eid in enumerate(out["event_id"])}
    merged: set[str] = set()
    edits = list(edits)
    in_force = merges(edits)
    for edit in edits:
        i = position.get(edit.event_id)
        if i is None or (edit.action == "merge" and in_force.get(edit.event_id) != edit.new):
            continue
        if edit.action == "set":
            col = out.columns.get_loc(edit.field)
            value = pd.Timestamp(edit.new) if edit.field in ("start", "end") else edit.new
            out.iat[i, col] = value
            start, end = out["start"].iat[i], out["end"].iat[i]
            if pd.notna(start) and (pd.isna(end) or end < start):  # keep start <= end
                out.iat[i, out.columns.get_loc("end" if edit.field == "start" else "start")] = value
        elif edit.action == "merge" and edit.new in position:
            merged.add(edit.event_id)
            source_cluster = out["cluster_id"].iat[i] or edit.event_id
            target = position[edit.new]
            target_cluster = out["cluster_id"].iat[target] or edit.new
            members = (out["cluster_id"] == source_cluster) | (out["event_id"] == edit.event_id)
            out.loc[members, "cluster_id"] = target_cluster
            out.iat[target, out.columns.get_loc("cluster_id")] = target_cluster
            cluster = out["cluster_id"] == target_cluster
            out.loc[cluster, "corroboration"] = max(1, out.loc[cluster, "source"].replace("", pd.NA).nunique())
    drop = (set() if keep_merged else merged) | (set() if keep_hidden else hidden_ids(edits))
    out = out[~out["event_id"].isin(drop)]
    return validate(out)


def unmatched(frame: pd.DataFrame, edits: Iterable[Edit]) -> list[Edit]:
    """The edits whose event the frame does not hold (an article was removed, or re-dated so that its clauses
    changed): kept and applied again if the event comes back, but the user should know they do nothing now."""
    ids = set(frame["event_id"])
    return [edit for edit in edits if edit.event_id not in ids]


def audit_frame(edits: Iterable[Edit]) -> pd.DataFrame:
    """The audit log as a table: who, when, event, action, field, old, new (oldest first)."""
    columns = ["when", "who", "event_id", "action", "field", "old", "new"]
    return pd.DataFrame([dataclasses.asdict(e) for e in edits], columns=[f.name for f in dataclasses.fields(Edit)])[
        columns
    ]


def _article_dict(article: Article) -> dict:
    data = dataclasses.asdict(article)
    data["published"] = article.published.isoformat() if article.published else None
    return data


def _article(data: dict) -> Article:
    names = {f.name for f in dataclasses.fields(Article)}
    fields = {k: v for k, v in data.items() if k in names}
    if not isinstance(fields.get("text"), str) or not fields["text"].strip():
        raise ProjectFileError("an article in the project has no text; the file is damaged")
    if fields.get("published"):
        fields["published"] = dt.date.fromisoformat(fields["published"])
    fields.pop("article_id", None)  # recomputed from the text, so a tampered id cannot collide
    return Article(**fields)


def project_to_json(articles: Iterable[Article], settings: Mapping, edits: Iterable[Edit]) -> str:
    """One JSON file holding everything needed to reopen the work: articles, settings, edits."""
    doc = {
        "format": PROJECT_FORMAT,
        "version": PROJECT_VERSION,
        "saved": now(),
        "settings": dict(settings),
        "articles": [_article_dict(a) for a in articles],
        "edits": [dataclasses.asdict(e) for e in edits],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1)


@dataclass(frozen=True)
class Project:
    articles: tuple[Article, ...]
    settings: dict
    edits: tuple[Edit, ...]


def project_from_json(text: str | bytes) -> Project:
    """Read a project file written by :func:`project_to_json`, or raise :class:`ProjectFileError`."""
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ProjectFileError(f"not a JSON file ({exc}); choose a project saved with 'Save project'") from exc
    if not isinstance(doc, dict) or doc.get("format") != PROJECT_FORMAT:
        raise ProjectFileError(f"not a Crisis Timeline project (expected format {PROJECT_FORMAT!r})")
    if doc.get("version") != PROJECT_VERSION:
        raise ProjectFileError(f"project version {doc.get('version')!r} is not supported (this app reads version 1)")
    try:
        articles = tuple(_article(a) for a in doc.get("articles", []))
        edits = tuple(Edit(**e) for e in doc.get("edits", []))
    except (TypeError, ValueError) as exc:
        raise ProjectFileError(f"the project file is damaged: {exc}") from exc
    settings = doc.get("settings", {})
    return Project(articles, settings if isinstance(settings, dict) else {}, edits)
