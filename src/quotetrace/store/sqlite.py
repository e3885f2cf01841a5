"""SQLite behind the store interface: idempotent writes keyed by content hash, FTS5 search."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

from ..errors import StoreError
from ..link.about import normalise
from ..model import Extraction, Skipped, Statement
from . import clusters as cluster_store
from . import events as event_store
from . import speakers as speaker_store
from .migrations import MIGRATIONS
from .sql import date_range

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    speaker: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    about: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class StatementRow:
    id: int
    text: str
    kind: str
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    confidence: float
    article_id: str
    doc: str
    outlet: str | None
    published: str | None
    title: str | None
    url: str | None
    cluster_id: int | None
    speaker_id: int | None
    start: int
    end: int


def fts_query(query: str) -> str:
    """A user's words as an FTS5 query: every word must occur, no operator syntax to trip on."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


# A writer waits this long for another writer's transaction before giving up; readers never
# wait (WAL), so a search does not see "database is locked" while an ingest runs.
BUSY_TIMEOUT_MS = 10_000


class SQLiteStore:
    """The embedded store. ``readonly`` opens an existing file for reading only (the server)."""

    def __init__(self, path: Path, *, readonly: bool = False,
                 check_same_thread: bool = True) -> None:
        self.path = path
        self.readonly = readonly
        try:
            if readonly:
                if not path.exists():
                    raise StoreError(f"no database at {path}; ingest some articles first")
                self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                          check_same_thread=check_same_thread)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(path, check_same_thread=check_same_thread)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        self.db.row_factory = sqlite3.Row
        self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if readonly:
            self._check_version()
        else:
            self._migrate()

    def _check_version(self) -> None:
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a quotetrace database: {exc}") from exc
        if version != len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {version}, this quotetrace needs "
                f"{len(MIGRATIONS)}: run any 'quotetrace ingest --db' on it to upgrade")

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if not self.readonly:
            self.db.commit()
            # Keeps the planner's statistics current as the store grows (SQLite's advice for
            # connections that wrote); cheap when nothing changed much.
            self.db.execute("PRAGMA optimize")
        self.db.close()

    def _migrate(self) -> None:
        try:
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            for number, (_name, script) in enumerate(MIGRATIONS, 1):
                if number > version:
                    with self.db:
                        self.db.executescript(script)
                        self.db.execute(f"PRAGMA user_version = {number}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a quotetrace database: {exc}") from exc

    # -- writing ---------------------------------------------------------------------------

    def add(self, ex: Extraction) -> bool:
        """Store an article and its statements; False when the article was already stored.

        Speakers are linked provisionally (by exact name or alias); ``relink`` regroups all names
        once a run is done, so the result does not depend on the order of articles.
        """
        a = ex.article
        with self.db:
            cur = self.db.execute(
                "INSERT OR IGNORE INTO articles (id, doc, uri, url, outlet, title, standfirst,"
                " published, published_precision, language, body, removed)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (a.id, a.doc, a.uri, a.url, a.outlet, a.title, a.standfirst, a.published,
                 a.published_precision, a.language, a.body, json.dumps(list(a.removed))),
            )
            if cur.rowcount == 0:
                return False
            ids = []
            for seq, st in enumerate(ex.statements):
                sid = self.db.execute(
                    "INSERT INTO statements (article_id, seq, kind, text, start, end, cue,"
                    " speaker_id, speaker_name, speaker_mention, confidence, published, outlet)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (a.id, seq, st.kind, st.text, st.start, st.end, st.cue,
                     self._speaker_id(st), st.speaker, st.speaker_mention, st.confidence,
                     a.published, a.outlet),
                ).lastrowid
                ids.append(sid)
                self.db.executemany(
                    "INSERT OR IGNORE INTO statement_about (statement_id, entity) VALUES (?, ?)",
                    [(sid, e) for e in st.about])
                self.db.executemany("INSERT OR IGNORE INTO entities (name) VALUES (?)",
                                    [(e,) for e in st.about])
            self.db.executemany(
                "INSERT OR IGNORE INTO name_roles (name, role, article_id, published)"
                " VALUES (?, ?, ?, ?)", [(n, r, a.id, a.published) for n, r in ex.roles])
            self.db.executemany(
                "INSERT OR IGNORE INTO name_kinds (name, kind, article_id) VALUES (?, ?, ?)",
                [(n, k, a.id) for n, k in ex.kinds])
            cluster_store.assign(self.db, [i for i in ids if i is not None])
            event_store.add_events(self.db, a.id, ex.events, [i or 0 for i in ids])
        return True

    def _speaker_id(self, st: Statement) -> int | None:
        if not st.speaker:
            return None
        row = self.db.execute(
            "SELECT id FROM speakers WHERE name = ? UNION ALL"
            " SELECT speaker_id FROM speaker_aliases WHERE alias = ? LIMIT 1",
            (st.speaker, st.speaker)).fetchone()
        if row:
            return int(row[0])
        return self.db.execute(
            "INSERT INTO speakers (name) VALUES (?)", (st.speaker,)).lastrowid

    def relink(self) -> None:
        """Regroup every speaker name into speakers (after a run, or a manual merge/split)."""
        speaker_store.relink(self.db)

    def merge_speakers(self, a: str, b: str) -> None:
        speaker_store.add_override(self.db, "merge", a, b)

    def split_speaker(self, name: str) -> None:
        speaker_store.add_override(self.db, "split", name)

    def speakers(self, name: str | None = None) -> list[speaker_store.SpeakerRow]:
        return speaker_store.speakers(self.db, name)

    def speaker_profile(self, speaker_id: int) -> dict[str, object]:
        return speaker_store.profile(self.db, speaker_id)

    def relations(self, filters: event_store.RelationFilters) -> list[dict[str, object]]:
        return event_store.relations(self.db, filters)

    def cluster(self, cluster_id: int) -> cluster_store.ClusterRow | None:
        return cluster_store.cluster(self.db, cluster_id)

    def record_failure(self, skipped: Skipped) -> None:
        with self.db:
            self.db.execute(
                "INSERT INTO failures (uri, reason) VALUES (?, ?)", (skipped.uri, skipped.reason)
            )

    # -- reading ---------------------------------------------------------------------------

    def _where(self, query: str | None, f: Filters) -> tuple[str, list[object]]:
        """SQL conditions for a search. Names given as "contains" (speaker, outlet, about) are
        resolved to the ids or exact values first, so each condition can use an index."""
        where: list[str] = []
        args: list[object] = []
        if query and (match := fts_query(query)):
            where.append("s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
            args.append(match)
        if f.speaker:
            ids = [r[0] for r in self.db.execute(
                "SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\' UNION"
                " SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ? ESCAPE '\\'",
                [_like(f.speaker)] * 2)]
            where.append(_in("s.speaker_id", ids, args))
        if f.outlet:
            outlets = [r[0] for r in self.db.execute(
                "SELECT DISTINCT outlet FROM articles WHERE outlet LIKE ? ESCAPE '\\'",
                (_like(f.outlet),))]
            where.append(_in("s.outlet", outlets, args))
        if f.kind:
            where.append("s.kind = ?")
            args.append(f.kind)
        if f.about:
            names = [r[0] for r in self.db.execute(
                "SELECT name FROM entities WHERE name = ? OR name LIKE ? ESCAPE '\\'",
                (normalise(f.about), _like(f.about)))]
            marks = ",".join("?" * len(names)) or "NULL"
            where.append("s.id IN (SELECT statement_id FROM statement_about"
                         f" WHERE entity IN ({marks}))")
            args += names
        dates, date_args = date_range("s.published", f.since, f.until)
        where += dates
        args += date_args
        return (" WHERE " + " AND ".join(where) if where else ""), args

    _FROM = (" FROM statements s JOIN articles a ON a.id = s.article_id"
             " LEFT JOIN speakers sp ON sp.id = s.speaker_id")
    # The columns of a StatementRow, in its order.
    _SELECT = ("SELECT s.id, s.text, s.kind, sp.name AS speaker, s.speaker_mention, s.cue,"
               " s.confidence, a.id AS article_id, a.doc, a.outlet, a.published, a.title, a.url,"
               " s.cluster_id, s.speaker_id, s.start, s.end" + _FROM)

    def search(
        self, query: str | None = None, filters: Filters | None = None
    ) -> list[StatementRow]:
        """Statements matching all words of ``query`` and the filters, newest first."""
        f = filters or Filters()
        where, args = self._where(query, f)
        sql = (
            self._SELECT + where
            + " ORDER BY s.published IS NULL, s.published DESC, s.id LIMIT ? OFFSET ?"
        )
        try:
            rows = self.db.execute(sql, [*args, f.limit, f.offset]).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"search failed: {exc}") from exc
        return [StatementRow(**dict(r)) for r in rows]

    def count(self, query: str | None = None, filters: Filters | None = None) -> int:
        """How many statements ``search`` would find without limit and offset."""
        where, args = self._where(query, filters or Filters())
        try:
            return int(self.db.execute("SELECT count(*)" + self._FROM + where, args).fetchone()[0])
        except sqlite3.Error as exc:
            raise StoreError(f"search failed: {exc}") from exc

    def statement(self, statement_id: int) -> StatementRow | None:
        row = self.db.execute(
            self._SELECT + " WHERE s.id = ?",
            (statement_id,)).fetchone()
        return StatementRow(**dict(row)) if row else None

    def article(self, article_id: str) -> dict[str, object] | None:
        """An article with its metadata, body, removed boilerplate, statements and events."""
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["removed"] = json.loads(out["removed"] or "[]")
        out["statements"] = [
            asdict(StatementRow(**dict(r))) for r in self.db.execute(
                self._SELECT
                + " WHERE s.article_id = ? ORDER BY s.seq", (article_id,))]
        out["events"] = [dict(r) for r in self.db.execute(
            "SELECT * FROM events WHERE article_id = ? ORDER BY seq", (article_id,))]
        return out

    def counts(self) -> dict[str, int]:
        one = self.db.execute
        return {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "statements": one("SELECT count(*) FROM statements").fetchone()[0],
            "speakers": one("SELECT count(*) FROM speakers").fetchone()[0],
        }


def _in(column: str, values: list[object], args: list[object]) -> str:
    """``column IN (...)`` over resolved values; nothing resolved matches nothing."""
    args += values
    return f"{column} IN ({','.join('?' * len(values)) or 'NULL'})"


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
