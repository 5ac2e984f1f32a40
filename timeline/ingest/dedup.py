"""Near-duplicate articles (the same wire story in several outlets), linked rather than dropped.

Each article gets a MinHash signature of its word 5-shingles; locality-sensitive hashing finds
earlier articles that may share many shingles, and the signatures estimate their Jaccard
similarity. Only the signatures are kept (512 bytes an article), so a stream of thousands of
articles stays small in memory. An exact repeat (same text) is reported as a duplicate.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field, replace

import numpy as np

from timeline.article import Article, Skipped

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BAND_ROWS = 2  # 32 bands of 2 rows: pairs at Jaccard 0.5 become candidates with probability > 0.999
_PRIME = np.uint64(2**31 - 1)
_RNG = np.random.default_rng(20220224)
_A = _RNG.integers(1, 2**31 - 1, size=PERMUTATIONS, dtype=np.uint64)
_B = _RNG.integers(0, 2**31 - 1, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")
_CHUNK = 4096


def signature(text: str) -> np.ndarray:
    """MinHash of the text's lower-cased word shingles (whole text when shorter than a shingle)."""
    words = _WORD.findall(text.lower())
    n = min(SHINGLE_WORDS, max(len(words), 1))
    shingles = {zlib.crc32(" ".join(words[i : i + n]).encode()) for i in range(max(len(words) - n + 1, 1))}
    hashes = np.fromiter(shingles, dtype=np.uint64, count=len(shingles)) % _PRIME
    result = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(hashes), _CHUNK):  # bounded memory for very long texts
        chunk = hashes[start : start + _CHUNK]
        values = (_A[:, None] * chunk[None, :] + _B[:, None]) % _PRIME
        result = np.minimum(result, values.min(axis=1))
    return result


@dataclass
class Deduplicator:
    """Remembers the articles seen so far in one load and links each new one to an earlier twin."""

    threshold: float = 0.5
    _signatures: dict[str, np.ndarray] = field(default_factory=dict)
    _origins: dict[str, str] = field(default_factory=dict)
    _order: dict[str, int] = field(default_factory=dict)
    _roots: dict[str, str] = field(default_factory=dict)
    _bands: dict[tuple[int, bytes], list[str]] = field(default_factory=dict)

    def check(self, article: Article) -> Article | Skipped:
        """The article (with ``duplicate_of`` set when it repeats an earlier one) or Skipped for an exact repeat."""
        if article.article_id in self._origins:
            first = self._origins[article.article_id]
            return Skipped(article.origin, "duplicate", f"same text as {first}")
        sig = signature(article.text)
        keys = [(b, sig[b * BAND_ROWS : (b + 1) * BAND_ROWS].tobytes()) for b in range(PERMUTATIONS // BAND_ROWS)]
        candidates = {other for key in keys for other in self._bands.get(key, ())}
        scores = {other: float(np.mean(self._signatures[other] == sig)) for other in candidates}
        order = self._order
        best = max(scores, key=lambda o: (scores[o], -order[o]), default="")  # most similar; on a tie, the earliest
        best_score = scores.get(best, 0.0)
        self._signatures[article.article_id] = sig
        self._order[article.article_id] = len(self._order)
        self._origins[article.article_id] = article.origin
        for key in keys:
            self._bands.setdefault(key, []).append(article.article_id)
        if best and best_score >= self.threshold:
            root = self._roots.get(best, best)
            self._roots[article.article_id] = root
            return replace(article, duplicate_of=root)
        return article
