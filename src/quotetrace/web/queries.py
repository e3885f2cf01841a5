"""Read queries the pages need and the store does not offer (yet): parameterised SQL only."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..store import SQLiteStore, StatementRow

_ROW = SQLiteStore._SELECT


def latest_statements(db: sqlite3.Connection, speaker_id: int,
                      limit: int = 20) -> list[StatementRow]:
    """A speaker's newest statements (undated ones last)."""
    rows = db.execute(
        # s.published walks the (speaker_id, published) index: newest first, yearless and
        # undated last.
        _ROW + " WHERE s.speaker_id = ? ORDER BY s.published IS NULL,"
        " s.published LIKE '--%', s.published DESC, s.id DESC LIMIT ?",
        (speaker_id, limit)).fetchall()
    return [StatementRow(**dict(r)) for r in rows]


def top_targets(db: sqlite3.Connection, speaker_id: int,
                limit: int = 10) -> list[dict[str, object]]:
    """Whom a speaker's statements act on most: event targets, with cooperation and conflict
    counted apart (negated and hypothetical events left out, as in relations)."""
    rows = db.execute(
        "SELECT e.target_key AS target, min(e.target_text) AS example, count(*) AS events,"
        " sum(e.quad LIKE '%cooperation' AND NOT e.negated AND NOT e.hypothetical) AS cooperation,"
        " sum(e.quad LIKE '%conflict' AND NOT e.negated AND NOT e.hypothetical) AS conflict"
        " FROM statements s JOIN events e ON e.statement_id = s.id"
        " WHERE s.speaker_id = ? AND e.target_key IS NOT NULL"
        " GROUP BY e.target_key ORDER BY events DESC, target LIMIT ?",
        (speaker_id, limit)).fetchall()
    return [dict(r) for r in rows]


def cluster_sizes(db: sqlite3.Connection, cluster_ids: Sequence[int | None]) -> dict[int, int]:
    """How many reports each cluster holds (a search result links only real clusters)."""
    ids = sorted({c for c in cluster_ids if c is not None})
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(db.execute(
        f"SELECT cluster_id, count(*) FROM statements WHERE cluster_id IN ({marks})"
        " GROUP BY cluster_id", ids).fetchall())


def top_pairs(db: sqlite3.Connection, limit: int = 15) -> list[dict[str, object]]:
    """The actor pairs with most events: where a reader of /relations may want to start."""
    rows = db.execute(
        "SELECT source_key AS source, target_key AS target, count(*) AS events FROM events"
        " WHERE source_key IS NOT NULL AND target_key IS NOT NULL AND source_key != target_key"
        " GROUP BY source_key, target_key ORDER BY events DESC, source, target LIMIT ?",
        (limit,)).fetchall()
    return [dict(r) for r in rows]


def speaker_exists(db: sqlite3.Connection, speaker_id: int) -> bool:
    return db.execute("SELECT 1 FROM speakers WHERE id = ?", (speaker_id,)).fetchone() is not None
