"""What a load did, in a few lines for stderr or the app: read, skipped by reason, duplicates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline.article import SKIP_REASONS, Article, Skipped


@dataclass
class LoadSummary:
    """Counts of a load and one message per input that needs the user's attention."""

    read: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> count
    duplicates: int = 0  # articles kept but linked to an earlier near-duplicate
    messages: list[str] = field(default_factory=list)
    basis: dict[str, int] = field(default_factory=dict)  # published_basis -> count of articles

    @classmethod
    def from_results(cls, results: Iterable[Article | Skipped]) -> LoadSummary:
        summary = cls()
        for result in results:
            summary.add(result)
        return summary

    def add(self, result: Article | Skipped) -> None:
        """Count one result (the command line counts as it streams)."""
        if isinstance(result, Skipped):
            self.skipped[result.reason] = self.skipped.get(result.reason, 0) + 1
            self.messages.append(result.message())
            return
        self.read += 1
        self.basis[result.published_basis] = self.basis.get(result.published_basis, 0) + 1
        if result.duplicate_of:
            self.duplicates += 1
        if result.lossy:
            self.messages.append(
                f"{result.origin}: some bytes could not be decoded and were replaced (read as {result.encoding})"
            )

    def lines(self, *, messages: bool = True) -> list[str]:
        """The counts first, then (optionally) each message."""
        articles = "article" if self.read == 1 else "articles"
        out = [f"Read {self.read} {articles}"]
        if self.duplicates:
            out[0] += (
                f" ({self.duplicates} near-duplicate{'s' if self.duplicates != 1 else ''} of earlier ones, linked)"
            )
        skipped = sum(self.skipped.values())
        if skipped:
            reasons = ", ".join(f"{n} {SKIP_REASONS[reason]}" for reason, n in Counter(self.skipped).most_common())
            out.append(f"Skipped {skipped} input{'s' if skipped != 1 else ''}: {reasons}")
        unknown = self.basis.get("unknown", 0)
        if unknown:
            out.append(f"{unknown} {'article has' if unknown == 1 else 'articles have'} no publication date: give one")
        return out + (list(self.messages) if messages else [])
