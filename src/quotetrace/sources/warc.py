"""WARC files (Common Crawl news and the like): HTML response records become sources."""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..model import Skipped, Source


def read_warc(data: bytes, uri: str, max_bytes: int) -> Iterator[Source | Skipped]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    try:
        records = ArchiveIterator(
            io.BytesIO(data), record_types=WarcRecordType.response, parse_http=True
        )
        for n, record in enumerate(records, 1):
            url = record.headers.get("WARC-Target-URI") or None
            where = f"{uri}#{url or n}"
            http = record.http_headers
            ctype = (http.get("Content-Type") or "") if http is not None else ""
            if http is not None and http.status_code != 200:
                continue
            if "html" not in ctype.lower():
                continue
            body = record.reader.read(max_bytes + 1)
            if len(body) > max_bytes:
                yield Skipped(where, f"WARC record larger than {max_bytes} bytes")
                continue
            date = record.headers.get("WARC-Date") or None
            yield Source(
                uri=where,
                doc=url or f"{uri.rsplit('/', 1)[-1]}#{n}",
                media="html",
                raw=body,
                url=url,
                fetched=date[:10] if date else None,
            )
    except Exception as exc:  # fastwarc raises plain exceptions on damaged archives
        yield Skipped(uri, f"damaged WARC file, stopped reading it: {exc}")
