"""Bytes to text: strict UTF-8 first, then detection, and a recorded lossy fallback.

Offsets in the events frame point into the text made here, so this is the one place text is
normalized: NFC and "\\n" newlines. Nothing is removed from the text (boilerplate lines are the
pipeline's business).
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

#: Leading bytes of formats that are not articles in any encoding (name for the skip message).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip file"),
    (b"PK\x03\x04", "a zip-based file (e.g. .docx); save it as text or HTML"),
    (b"\xd0\xcf\x11\xe0", "an old Office document; save it as text or HTML"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: How much of a large file the detector looks at (head and tail), as trafilatura does.
_SAMPLE = 64 * 1024
#: How much worse (chaos, coherence) windows-1252 may score than the best guess and still be preferred.
_TOLERANCE = 0.1


class NotText(ValueError):
    """The bytes are not text in any encoding we know; ``reason`` is a Skipped reason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    lossy: bool = False


def normalize(text: str) -> str:
    """NFC, "\\n" newlines, no BOM: the form every offset refers to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)


def sniff_binary(data: bytes) -> str | None:
    """Say what the bytes are when they are clearly not text (None when they may be text)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    head = data[:8192]
    if b"\x00" in head:
        return None if _looks_utf16(head) else "binary data (NUL bytes)"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.05:
        return "binary data (control bytes)"
    return None


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte."""
    even, odd = head[0::2], head[1::2]
    return max(even.count(0), odd.count(0)) > 0.3 * (len(head) / 2) and min(even.count(0), odd.count(0)) == 0


def decode(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode bytes, trying strict UTF-8 (with or without BOM) first, then a BOM, the declared
    charset (HTTP header), charset-normalizer's guesses, and last UTF-8 with replacement (lossy).

    Raises :class:`NotText` for empty or binary input.
    """
    if not data.strip():
        raise NotText("empty", "the file is empty")
    what = sniff_binary(data)
    if what:
        raise NotText("binary", f"not text: looks like {what}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(normalize(data.decode(encoding)), encoding.removesuffix("-sig"))
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:  # sniff_binary let it through: UTF-16 without a BOM
        even_nuls = data[0:8192:2].count(0)
        encoding = "utf-16-be" if even_nuls > data[1:8192:2].count(0) else "utf-16-le"
        try:
            return Decoded(normalize(data.decode(encoding)), encoding)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(normalize(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = ([declared] if declared else []) + _detected(data)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _is_garbled(text):
            return Decoded(normalize(text), codecs.lookup(encoding).name)
    return Decoded(normalize(data.decode("utf-8", errors="replace")), "utf-8", lossy=True)


def _detected(data: bytes) -> list[str]:
    """charset-normalizer's guesses, best first, except that windows-1252 goes first when it scores
    about as well as the best: on short texts the detector cannot tell Western code pages apart
    (cp1257 for French, say), and windows-1252 is what unlabelled Western news text almost always is
    (browsers assume it too). A clearly better guess (Czech in cp1250, Russian in cp1251) still wins.
    """
    matches = list(from_bytes(_sample(data)))
    if not matches:
        return []
    best = matches[0]
    western = next((m for m in matches if m.encoding == "cp1252"), None)
    if (
        western is not None
        and western.chaos <= best.chaos + _TOLERANCE
        and western.coherence >= best.coherence - _TOLERANCE
    ):
        matches.remove(western)
        matches.insert(0, western)
    return [m.encoding for m in matches]


def _sample(data: bytes) -> bytes:
    if len(data) <= 2 * _SAMPLE:
        return data
    return data[:_SAMPLE] + data[-_SAMPLE:]


def _is_garbled(text: str) -> bool:
    """A decode that yields C0/C1 control characters picked the wrong code page."""
    head = text[:20000]
    bad = sum(1 for ch in head if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return bad > max(2, len(head) // 1000)
