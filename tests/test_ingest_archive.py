"""Zip archives: members read in memory, traversal refused, member and size limits held."""

from __future__ import annotations

import io
import zipfile

from ingest_fixtures import text_article

from timeline.article import Article, Skipped
from timeline.ingest import IngestOptions, load, load_bytes
from timeline.ingest.archive import unsafe_name


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_members_are_read_and_traversal_is_refused(tmp_path):
    data = make_zip({
        "a/one.txt": text_article("First.").encode(),
        "../../etc/evil.txt": b"Owned.",
        "/abs.txt": b"Absolute.",
        "__MACOSX/._one.txt": b"resource fork",
        "two.md": ("---\ntitle: Two\n---\n\n" + text_article("Second.")).encode(),
    })  # fmt: skip
    path = tmp_path / "batch.zip"
    path.write_bytes(data)
    results = list(load([path]))
    kept = [r for r in results if isinstance(r, Article)]
    refused = [r for r in results if isinstance(r, Skipped)]
    assert [a.origin for a in kept] == [f"{path}!a/one.txt", f"{path}!two.md"]
    assert kept[1].title == "Two"
    assert sorted(r.origin.split("!")[1] for r in refused) == ["../../etc/evil.txt", "/abs.txt"]
    assert {r.reason for r in refused} == {"refused"}
    assert not (tmp_path.parent / "etc").exists()


def test_member_count_limit():
    data = make_zip({f"{i}.txt": f"Story {i}.".encode() for i in range(6)})
    [skipped] = load_bytes("many.zip", data, IngestOptions(max_zip_members=5))
    assert skipped.reason == "limit" and "6 files" in skipped.detail


def test_unpacked_size_limits():
    big = b"x " * 6000
    data = make_zip({"a.txt": big, "b.txt": big})
    results = list(load_bytes("bomb.zip", data, IngestOptions(max_unpacked_bytes=15_000)))
    assert [type(r).__name__ for r in results] == ["Article", "Skipped"]
    assert results[1].reason == "limit"
    results = list(load_bytes("bomb.zip", data, IngestOptions(max_file_bytes=10_000)))
    assert [r.reason for r in results] == ["too_large", "too_large"]


def test_nested_archive_and_depth_limit():
    inner = make_zip({"inner.txt": b"Inner story about drills."})
    outer = make_zip({"inner.zip": inner})
    [article] = load_bytes("outer.zip", outer)
    assert isinstance(article, Article) and article.origin == "outer.zip!inner.zip!inner.txt"
    [skipped] = load_bytes("outer.zip", outer, IngestOptions(max_archive_depth=1))
    assert skipped.reason == "limit"


def test_broken_archive():
    [skipped] = load_bytes("broken.zip", b"PK\x03\x04 not really a zip")
    assert skipped.reason == "invalid"


def test_unsafe_names():
    assert unsafe_name("../x") and unsafe_name("a/../../x") and unsafe_name("/etc/x") and unsafe_name("C:\\x")
    assert not unsafe_name("a/b.txt") and not unsafe_name("..hidden.txt")


def test_a_gzip_file_is_read_as_the_file_inside(tmp_path):
    import gzip
    import json

    lines = "\n".join(json.dumps({"title": f"T{i}", "text": text_article(f"Story {i}."), "date": "2022-02-10"})
                      for i in range(3))  # fmt: skip
    path = tmp_path / "export.jsonl.gz"
    path.write_bytes(gzip.compress(lines.encode()))
    results = list(load([path]))
    assert [r.title for r in results if isinstance(r, Article)] == ["T0", "T1", "T2"]
    assert results[0].origin == f"{path}#1"


def test_gzip_limits_and_damage_are_reported():
    import gzip

    bomb = gzip.compress(b"a" * 50_000)
    [skipped] = load_bytes("big.txt.gz", bomb, IngestOptions(max_unpacked_bytes=10_000))
    assert isinstance(skipped, Skipped) and skipped.reason == "limit"
    [broken] = load_bytes("x.txt.gz", b"\x1f\x8b\x08\x00garbage")
    assert isinstance(broken, Skipped) and broken.reason == "invalid" and "gzip" in broken.detail
