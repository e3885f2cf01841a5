"""Utterance clusters in SQLite: each new statement is compared with the stored statements that
share word triples with it, and joins (or joins together) their clusters."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ..link.clusters import diff_words, match_words, same_utterance, shingles

# Candidates must share this many word triples before the full comparison runs.
MIN_SHARED = 2


@dataclass(slots=True)
class ClusterRow:
    id: int
    text: str  # the fullest wording
    speaker: str | None
    first_seen: str | None
    first_outlet: str | None
    outlets: list[str]
    members: list[dict[str, object]] = field(default_factory=list)


def assign(db: sqlite3.Connection, statement_ids: list[int]) -> None:
    """Put each statement in its cluster: the union of the clusters of the same utterance."""
    for sid in statement_ids:
        (text,) = db.execute("SELECT text FROM statements WHERE id = ?", (sid,)).fetchone()
        words = match_words(text)
        grams = sorted(shingles(words))
        need = min(MIN_SHARED, len(grams))
        candidates: list[int] = []
        if grams:
            marks = ",".join("?" * len(grams))
            candidates = [r[0] for r in db.execute(
                f"SELECT statement_id FROM statement_shingles WHERE shingle IN ({marks})"
                " AND statement_id != ? GROUP BY statement_id HAVING count(*) >= ?",
                [*grams, sid, need])]
        clusters = {sid}
        for cid in candidates:
            other, cluster = db.execute(
                "SELECT text, cluster_id FROM statements WHERE id = ?", (cid,)).fetchone()
            if same_utterance(words, match_words(other)):
                clusters.add(cluster or cid)
        target = min(clusters)
        db.executemany("INSERT INTO statement_shingles (shingle, statement_id) VALUES (?, ?)",
                       [(g, sid) for g in grams])
        db.execute("UPDATE statements SET cluster_id = ? WHERE id = ?", (target, sid))
        others = sorted(clusters - {target})
        if others:
            marks = ",".join("?" * len(others))
            db.execute(f"UPDATE statements SET cluster_id = ? WHERE cluster_id IN ({marks})",
                       [target, *others])


def cluster(db: sqlite3.Connection, cluster_id: int) -> ClusterRow | None:
    rows = db.execute(
        "SELECT s.id, s.text, sp.name, a.outlet, a.published, a.id, a.title, a.url"
        " FROM statements s JOIN articles a ON a.id = s.article_id"
        " LEFT JOIN speakers sp ON sp.id = s.speaker_id WHERE s.cluster_id = ?"
        " ORDER BY a.published IS NULL, a.published LIKE '--%', a.published, s.id",
        (cluster_id,)).fetchall()
    if not rows:
        return None
    full = max(rows, key=lambda r: len(r[1]))
    base = match_words(full[1])
    outlets: dict[str, None] = {}
    members = []
    for sid, text, speaker, outlet, published, article_id, title, url in rows:
        if outlet:
            outlets.setdefault(outlet, None)
        members.append({"statement_id": sid, "text": text, "speaker": speaker, "outlet": outlet,
                        "published": published, "article_id": article_id, "title": title,
                        "url": url, "differs": diff_words(base, match_words(text))})
    first = rows[0]
    return ClusterRow(cluster_id, full[1], full[2], first[4], first[3], list(outlets), members)
