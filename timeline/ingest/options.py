"""Every setting and limit of ingestion, in one frozen record with documented defaults.

Kept apart from the loaders so that each of them (and the app) can import it without cycles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MIB = 2**20


@dataclass(frozen=True)
class IngestOptions:
    """What ingestion may read and how it reads it. Defaults suit a journalist's laptop.

    The limits bound memory and time on hostile or mistaken input (a zip bomb, a folder of videos,
    a page that never ends); an input past a limit becomes a ``Skipped`` record, never a crash.
    """

    #: A publication date the user gives: overrides everything else (basis "user").
    published: dt.date | None = None
    #: Record field names (JSON, JSONL, CSV); None recognises the common names in resources/ingest/fields.yaml.
    text_field: str | None = None
    title_field: str | None = None
    published_field: str | None = None
    url_field: str | None = None
    source_field: str | None = None
    #: A single file (or archive member, or download) larger than this is skipped as too_large.
    max_file_bytes: int = 20 * MIB
    #: Characters of text one article may hold (a long feature is 60,000); a longer text is no single news article
    #: and would keep the tagger busy for minutes, so it is skipped as too_large with a note to split it.
    max_article_chars: int = 500_000
    #: Bytes read in one run, all inputs together; inputs past it are skipped (limit).
    max_total_bytes: int = 500 * MIB
    #: Files read in one run (folder entries and archive members); files past it are skipped (limit).
    max_files: int = 10_000
    #: Members in one .zip archive; an archive with more is refused (limit).
    max_zip_members: int = 5_000
    #: Unpacked bytes of one .zip archive; members past it are skipped (limit).
    max_unpacked_bytes: int = 500 * MIB
    #: Fetch links that resolve to loopback, private, link-local or multicast addresses (off: SSRF guard).
    allow_private_hosts: bool = False
    #: Seconds to wait for a connection, and for each read, when fetching a link.
    connect_timeout: float = 5
    read_timeout: float = 20
    #: Redirects followed per link.
    max_redirects: int = 5
    #: Bytes downloaded per link; a longer body is skipped as too_large.
    max_fetch_bytes: int = 10 * MIB
    #: Sent with every request, so site owners know who is asking.
    user_agent: str = "CrisisTimeline/0.1 (+news timeline tool for journalists and researchers)"
    #: Read 03/04/2022 as 3 April (True) or as March 4 (False), in records and datelines.
    dayfirst: bool = True
    #: Estimated word-shingle overlap (Jaccard, 0..1) from which two articles are linked as near-duplicates.
    near_duplicate_threshold: float = 0.5
    #: Nested archives (a .zip inside a .zip) are opened to this depth.
    max_archive_depth: int = 2
