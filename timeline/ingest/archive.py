"""Zip archives and gzip files: members are read one at a time, within limits on count, size and names.

Nothing is extracted to disk, yet a member whose name climbs out of the archive ("../x", "/etc/x")
is still refused: such an archive is malformed or hostile, and the user should know.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from timeline.article import Skipped
from timeline.ingest.options import IngestOptions

#: Folders that archive tools add and that hold no articles (macOS resource forks).
_NOISE = ("__MACOSX/",)


@dataclass(frozen=True)
class Member:
    origin: str  # "archive.zip!folder/member.txt"
    name: str
    data: bytes


def unsafe_name(name: str) -> bool:
    """True for absolute paths, drive letters and names with ".." parts."""
    normalized = name.replace("\\", "/")
    path = PurePosixPath(normalized)
    return normalized.startswith("/") or ".." in path.parts or (len(normalized) > 1 and normalized[1] == ":")


def members(source: str | IO[bytes], *, origin: str, options: IngestOptions) -> Iterator[Member | Skipped]:
    """Each file member of the archive as bytes, or a Skipped saying why it was not read."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        yield Skipped(origin, "invalid", f"not a readable zip archive: {exc}")
        return
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith(_NOISE)]
        if len(infos) > options.max_zip_members:
            yield Skipped(
                origin,
                "limit",
                f"the archive has {len(infos):,} files, over the limit of {options.max_zip_members:,}; "
                "split it or raise max_zip_members",
            )
            return
        if not infos:
            yield Skipped(origin, "empty", "the archive holds no files")
            return
        unpacked = 0
        for info in infos:
            where = f"{origin}!{info.filename}"
            if PurePosixPath(info.filename).name.startswith("."):
                continue  # hidden files (.DS_Store) are never articles
            if unsafe_name(info.filename):
                yield Skipped(where, "refused", "the member's path leaves the archive (path traversal)")
                continue
            if info.flag_bits & 0x1:
                yield Skipped(where, "unsupported", "the member is encrypted")
                continue
            if info.file_size > options.max_file_bytes:
                yield Skipped(
                    where, "too_large", f"{info.file_size:,} bytes, over the {options.max_file_bytes:,} limit"
                )
                continue
            if unpacked + info.file_size > options.max_unpacked_bytes:
                yield Skipped(where, "limit", f"the archive unpacks past {options.max_unpacked_bytes:,} bytes")
                continue
            try:
                with archive.open(info) as fh:  # read one byte past the cap: sizes in headers can lie
                    data = fh.read(options.max_file_bytes + 1)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
                yield Skipped(where, "invalid", f"cannot unpack: {exc}")
                continue
            if len(data) > options.max_file_bytes:
                yield Skipped(where, "too_large", f"unpacks past the {options.max_file_bytes:,}-byte limit")
                continue
            unpacked += len(data)
            yield Member(where, info.filename, data)


def gunzip(data: bytes, *, origin: str, options: IngestOptions) -> bytes | Skipped:
    """The bytes inside a gzip file ("pages.jsonl.gz"), read no further than the unpacked-size limit."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            inner = stream.read(options.max_unpacked_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return Skipped(origin, "invalid", f"not a readable gzip file: {exc}")
    if len(inner) > options.max_unpacked_bytes:
        return Skipped(
            origin, "limit", f"unpacks to more than {options.max_unpacked_bytes:,} bytes; raise max_unpacked_bytes"
        )
    return inner
