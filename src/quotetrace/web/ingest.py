"""``POST /api/ingest``: the one writing route. The body goes to a temporary file, through the
same pipeline as ``quotetrace ingest``, into a separate writable store (the readers keep theirs).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import HTTPException, Request

from .. import pipeline
from ..ingest import ingest
from ..store import open_store
from .cache import profiles, speaker_lists

MAX_BODY = 16 * 2**20
SUFFIXES = {
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/json-lines": ".jsonl",
    "text/plain": ".txt",
    "text/html": ".html",
}


async def ingest_body(request: Request) -> bytes:
    """The request body, refused early when its type is not one we read or it is too large."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in SUFFIXES:
        raise HTTPException(415, "send JSONL (application/x-ndjson), text/plain or text/html; "
                                 f"got {media or 'no content type'}")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise HTTPException(413, f"body larger than {MAX_BODY // 2**20} MiB: split it")
        chunks.append(chunk)
    if not size:
        raise HTTPException(422, "empty body: nothing to ingest")
    return b"".join(chunks)


def run_ingest(request: Request, body: bytes) -> dict[str, object]:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    # One HTTP ingest at a time: SQLite has one writer, and a queue here beats busy timeouts.
    with request.app.state.ingest_lock, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{SUFFIXES[media]}"
        path.write_bytes(body)
        with open_store(request.app.state.db_path) as store:
            summary = ingest(pipeline.run([str(path)]), store)
    # This server's own ingest shows at once; another process's within the caches' minute.
    profiles.clear()
    speaker_lists.clear()
    return {"read": summary.read, "new": summary.new, "duplicate": summary.duplicate,
            "statements": summary.statements,
            "skipped": [{"uri": s.uri, "reason": s.reason} for s in summary.skipped]}
