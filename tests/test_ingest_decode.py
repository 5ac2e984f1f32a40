"""Bytes to text: UTF-8 first, BOMs, detection, the lossy fallback, binary and empty input."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from timeline.article import Article, Skipped
from timeline.ingest import load_bytes
from timeline.ingest.decode import NotText, decode, normalize

TEXT = "Zelensky’s aide said – in Kyiv – that the “talks” would resume; café déjà vu.\nSecond line.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # without BOM
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "cp1252"],
)
def test_encodings_decode_to_the_same_text(data, encoding):
    decoded = decode(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding
    assert not decoded.lossy


def test_latin1_text_is_read():
    data = "Größere Übungen in Weißrussland: Panzer überqueren die Grenze, sagte das Ministerium.".encode("latin-1")
    decoded = decode(data)
    assert "Übungen" in decoded.text and not decoded.lossy


def test_undecodable_bytes_are_replaced_and_flagged():
    data = ("Troops arrived on Wednesday. " * 20).encode() + b"\xff\xfe\xfa" + b" more text " * 5
    decoded = decode(data)
    assert decoded.lossy or "\ufffd" not in decoded.text
    assert "Troops arrived" in decoded.text


def test_normalize_gives_nfc_and_unix_newlines():
    text = normalize("e\u0301\r\nline\rnext\ufeff")
    assert text == "é\nline\nnext"
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_not_text(data, reason):
    with pytest.raises(NotText) as info:
        decode(data)
    assert info.value.reason == reason


def test_files_record_their_encoding_and_offsets_point_into_the_text():
    [article] = load_bytes("a.txt", "Kyiv\r\nTroops arrived on Wednesday.\r\n".encode("utf-16"))
    assert isinstance(article, Article)
    assert article.encoding == "utf-16"
    assert article.text == "Kyiv\nTroops arrived on Wednesday.\n"


def test_pdf_is_named_in_the_skip_message():
    [skipped] = load_bytes("report.txt", b"%PDF-1.7\n" + bytes(200))
    assert isinstance(skipped, Skipped) and skipped.reason == "binary" and "PDF" in skipped.detail


def test_saved_page_charset_is_used_as_a_hint():
    html = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1250'><title>Kyjev</title>"
        "</head><body><article><p>Přijeli vojáci do Kyjeva, řekl ministr obrany. Žádné ústupky nebudou, dodal.</p>"
        "<p>Jednání v Bruselu budou pokračovat příští týden, uvedli diplomaté.</p></article></body></html>"
    )
    [article] = load_bytes("page.html", html.encode("cp1250"))
    assert "Přijeli vojáci" in article.text and article.encoding == "cp1250"
