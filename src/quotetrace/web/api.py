"""The JSON API under /api/: the store's reads, as they are, plus permanent addresses."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import asdict, replace
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from ..store import SQLiteStore, StatementRow
from ..store.events import RelationFilters
from . import queries
from .cache import profiles, speaker_lists
from .ingest import ingest_body
from .params import Search, search_params
from .security import require_token

router = APIRouter(prefix="/api", tags=["api"])

# Downloads page through the result; this many rows at most, so one request stays bounded.
MAX_EXPORT = 5_000
Id = Annotated[int, Path(ge=1, le=2**62)]
ArticleId = Annotated[str, Path(pattern=r"^[0-9a-f]{6,64}$", max_length=64)]


def store_of(request: Request) -> SQLiteStore:
    return request.app.state.stores.get()  # type: ignore[no-any-return]


Store = Annotated[SQLiteStore, Depends(store_of)]
Params = Annotated[Search, Depends(search_params)]


def statement_item(row: StatementRow) -> dict[str, object]:
    return {**asdict(row), "permalink": f"/statements/{row.id}"}


@router.get("/statements", summary="Search statements")
def statements(store: Store, s: Params) -> dict[str, object]:
    """Full-text search (every word must occur) with filters.

    Returns ``{"items": [...], "total": N, "total_exact", "order", "limit", "offset"}``. Up to
    1,000 matches, and larger results without words, are sorted newest first
    (``order: "published"``); larger results with words come most recently added first
    (``order: "added"``), and ``total`` may then be a lower bound (``total_exact: false``).
    """
    found = store.find(s.q, s.filters)
    return {"items": [statement_item(r) for r in found.rows], "total": found.total,
            "total_exact": found.exact, "order": found.order,
            "limit": s.filters.limit, "offset": s.filters.offset}


def _export_rows(store: SQLiteStore, s: Search) -> Iterator[StatementRow]:
    offset = 0
    while offset < MAX_EXPORT:
        page = store.search(s.q, replace(s.filters, limit=500, offset=offset))
        yield from page
        if len(page) < 500:
            return
        offset += 500


COLUMNS = ["id", "published", "outlet", "speaker", "speaker_mention", "kind", "cue", "text",
           "title", "url", "article_id", "cluster_id", "speaker_id", "confidence"]


def _csv_cell(value: object) -> object:
    # A cell starting with = + - @ is a formula to a spreadsheet: quoted text must stay text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@router.get("/statements.csv", summary="Download a search as CSV")
def statements_csv(store: Store, s: Params) -> StreamingResponse:
    """The search's rows (up to 5,000) as CSV, same parameters as /api/statements."""
    def lines() -> Iterator[str]:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(COLUMNS)
        for row in _export_rows(store, s):
            d = asdict(row)
            writer.writerow([_csv_cell(d[c]) for c in COLUMNS])
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
        yield buf.getvalue()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": 'attachment; filename="statements.csv"'})


@router.get("/statements.json", summary="Download a search as JSON")
def statements_json(store: Store, s: Params) -> StreamingResponse:
    """The search's rows (up to 5,000) as a JSON array, same parameters as /api/statements."""
    def chunks() -> Iterator[str]:
        yield "["
        for i, row in enumerate(_export_rows(store, s)):
            yield ("," if i else "") + json.dumps(statement_item(row), ensure_ascii=False)
        yield "]\n"

    return StreamingResponse(chunks(), media_type="application/json", headers={
        "Content-Disposition": 'attachment; filename="statements.json"'})


@router.get("/statements/{statement_id}", summary="One statement")
def statement(store: Store, statement_id: Id) -> dict[str, object]:
    row = store.statement(statement_id)
    if row is None:
        raise HTTPException(404, f"no statement {statement_id}")
    return statement_item(row)


@router.get("/speakers", summary="Speakers, most quoted first")
def speakers(store: Store, name: Annotated[str | None, Query(max_length=200)] = None,
             limit: Annotated[int, Query(ge=1, le=200)] = 50,
             offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, object]:
    wanted = (name or "").strip() or None
    rows = speaker_lists.get((str(store.path), wanted), lambda: store.speakers(wanted))
    return {"items": [asdict(r) for r in rows[offset:offset + limit]], "total": len(rows)}


@router.get("/speakers/{speaker_id}", summary="A speaker's profile")
def speaker(store: Store, speaker_id: Id) -> dict[str, object]:
    if not queries.speaker_exists(store.db, speaker_id):
        raise HTTPException(404, f"no speaker {speaker_id}")
    return profiles.get((str(store.path), speaker_id),
                        lambda: store.speaker_profile(speaker_id))


@router.get("/articles/{article_id}", summary="An article with its statements and events")
def article(store: Store, article_id: ArticleId) -> dict[str, object]:
    found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@router.get("/clusters/{cluster_id}", summary="One utterance as each outlet reported it")
def cluster(store: Store, cluster_id: Id) -> dict[str, object]:
    found = store.cluster(cluster_id)
    if found is None:
        raise HTTPException(404, f"no cluster {cluster_id}")
    return asdict(found)


@router.get("/relations", summary="Events between actors by period")
def relations(
    store: Store,
    source: Annotated[str | None, Query(max_length=200, description="Actor code or name")]
    = None,
    target: Annotated[str | None, Query(max_length=200, description="Actor code or name")]
    = None,
    by: Literal["month", "year"] = "month",
    outlet: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, object]:
    rows = store.relations(RelationFilters(source=source or None, target=target or None, by=by,
                                           outlet=outlet or None))
    return {"items": rows, "total": len(rows)}


@router.post("/ingest", summary="Ingest articles (token required)", status_code=201,
             dependencies=[Depends(require_token)])
def ingest(request: Request, body: bytes = Depends(ingest_body)) -> dict[str, object]:
    """Body: JSONL (``application/x-ndjson``, one ``{"text", ...}`` a line), plain text or HTML.
    Needs ``Authorization: Bearer $QUOTETRACE_TOKEN``; answers the run's counts."""
    from .ingest import run_ingest

    return run_ingest(request, body)
