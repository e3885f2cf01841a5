"""SQLite behind the store interface: idempotent writes keyed by content hash, FTS5 search."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import Generic, Literal, TypeVar

from ..errors import StoreError
from ..link.about import normalise
from ..model import Extraction, Skipped, Statement
from . import clusters as cluster_store
from . import events as event_store
from . import speakers as speaker_store
from . import sql
from .migrations import MIGRATIONS
from .sql import Condition

_WORD = re.compile(r"\w+")
V = TypeVar("V")


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


@dataclass(frozen=True, slots=True)
class Found:
    """One page of a search (``SQLiteStore.find``)."""

    rows: list[StatementRow]
    total: int
    exact: bool  # False: ``total`` is a lower bound (more than this many match)
    order: Literal["published", "added"]  # newest first, or most recently added first
    more: bool  # another page follows


# ``find`` sorts results of up to SMALL statements by date; a larger one streams from an index.
SMALL = 1_000
# A streamed page may keep reading this long to learn whether the result is small.
BUDGET_S = 0.005
# Probing the FTS index for one candidate statement costs 40-120 us (1M statements), reading
# one match from it and testing it on a set of candidates well under 0.5 us: words with fewer
# than this many matches a candidate are read in full.
SCAN_A_PROBE = 100
# Values of one filter merged in date order at most (SQLite allows 500 arms to a compound).
MAX_ARMS = 100
# The first exact count of a large result (words alone, or everything) may take this long.
COUNT_BUDGET_S = 0.05
# About-filters whose statements a process keeps as a bitmap (see ``_words_about``).
MEMBER_SETS = 64
# Counts are recounted from scratch after this long, so a store rewritten by other means heals.
TOTALS_TTL_S = 300.0


class Memo(Generic[V]):
    """Values already paid for, shared by the connections of one process (a server's threads),
    each kept ``ttl_s`` from when it was first computed; the least recently used go first."""

    def __init__(self, size: int = 512, ttl_s: float = TOTALS_TTL_S) -> None:
        self._data: OrderedDict[tuple[str, str], tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()
        self.size = size
        self.ttl_s = ttl_s

    def get(self, key: tuple[str, str]) -> V | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is None or time.monotonic() - hit[0] > self.ttl_s:
                return None
            self._data.move_to_end(key)
            return hit[1]

    def put(self, key: tuple[str, str], value: V, *, renew: bool = True) -> None:
        with self._lock:
            old = self._data.get(key)
            at = time.monotonic() if renew or old is None else old[0]
            self._data[key] = (at, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


class Totals(Memo[tuple[int | None, int | None]]):
    """Exact counts: key -> (count or None when it was too slow, newest statement id it covers).
    ``members`` holds the statements of an about-filter as a bitmap over statement ids, with the
    newest id it covers (125 kB a million statements)."""

    def __init__(self, size: int = 512, ttl_s: float = TOTALS_TTL_S) -> None:
        super().__init__(size, ttl_s)
        self.members: Memo[tuple[bytearray, int]] = Memo(MEMBER_SETS, ttl_s)


def fts_query(query: str) -> str:
    """A user's words as an FTS5 query: every word must occur, no operator syntax to trip on."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


# A writer waits this long for another writer's transaction before giving up; readers never
# wait (WAL), so a search does not see "database is locked" while an ingest runs.
BUSY_TIMEOUT_MS = 10_000


class SQLiteStore:
    """The embedded store. ``readonly`` opens an existing file for reading only (the server)."""

    def __init__(self, path: Path, *, readonly: bool = False,
                 check_same_thread: bool = True, totals: Totals | None = None) -> None:
        self.path = path
        self.readonly = readonly
        self.totals = totals or Totals()
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

    def _conditions(self, f: Filters) -> list[Condition] | None:
        """The filters as conditions. Names given as "contains" (speaker, outlet, about) are
        resolved to ids or exact values first, so each condition can use an index; None when
        a filter resolves to nothing (no statement can match)."""
        out: list[Condition] = []
        if f.speaker:
            ids = [r[0] for r in self.db.execute(
                "SELECT id FROM speakers WHERE name LIKE ? ESCAPE '\\' UNION"
                " SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ? ESCAPE '\\'",
                [_like(f.speaker)] * 2)]
            if not ids:
                return None
            out.append(sql.column_in("speaker_id", ids, dated=True))
        if f.outlet:
            # The distinct outlets by skipping through the (outlet, published) index: one seek
            # an outlet instead of a read of every article's.
            outlets = [r[0] for r in self.db.execute(
                "WITH RECURSIVE o(x) AS (SELECT min(outlet) FROM statements UNION ALL"
                " SELECT (SELECT min(outlet) FROM statements WHERE outlet > x) FROM o"
                " WHERE x IS NOT NULL) SELECT x FROM o WHERE x LIKE ? ESCAPE '\\'",
                (_like(f.outlet),))]
            if not outlets:
                return None
            out.append(sql.column_in("outlet", outlets, dated=True))
        if f.kind:
            out.append(sql.column_in("kind", [f.kind]))
        if f.about:
            names = [r[0] for r in self.db.execute(
                "SELECT name FROM entities WHERE name = ? OR name LIKE ? ESCAPE '\\'",
                (normalise(f.about), _like(f.about)))]
            if not names:
                return None
            out.append(sql.about(names))
        if (dated := sql.dates(f.since, f.until)) is not None:
            out.append(dated)
        return out

    def _where(self, query: str | None, f: Filters) -> tuple[str, list[object]]:
        """The straightforward form of a search, every choice left to SQLite's planner."""
        conds = self._conditions(f)
        if conds is None:
            return " WHERE 0", []
        where = [c.test for c in conds]
        args = [a for c in conds for a in c.args]
        if query:
            where.insert(0, "s.id IN (SELECT rowid FROM statements_fts"
                         " WHERE statements_fts MATCH ?)")
            args.insert(0, fts_query(query))
        return (" WHERE " + " AND ".join(where) if where else ""), args

    _FROM = (" FROM statements s JOIN articles a ON a.id = s.article_id"
             " LEFT JOIN speakers sp ON sp.id = s.speaker_id")
    # The columns of a StatementRow, in its order.
    _SELECT = ("SELECT s.id, s.text, s.kind, sp.name AS speaker, s.speaker_mention, s.cue,"
               " s.confidence, a.id AS article_id, a.doc, a.outlet, a.published, a.title, a.url,"
               " s.cluster_id, s.speaker_id, s.start, s.end" + _FROM)
    # A statement looked up by id for its filters: the (id, ...) index holds them in entries a
    # tenth of the row's size (measured: 0.85 against 1.8 us a sparse full-text match on 1M
    # statements); SQLite prefers the rowid unless told.
    _BY_ID = "statements s INDEXED BY statements_filters"
    # Newest first (DESC puts undated statements last), in the order the published index keeps.
    _BY_DATE = " ORDER BY s.published DESC, s.id"

    def search(
        self, query: str | None = None, filters: Filters | None = None
    ) -> list[StatementRow]:
        """Statements matching all words of ``query`` and the filters, newest first."""
        f = filters or Filters()
        where, args = self._where(query, f)
        try:
            rows = self.db.execute(self._SELECT + where + self._BY_DATE + " LIMIT ? OFFSET ?",
                                   [*args, f.limit, f.offset]).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"search failed: {exc}") from exc
        return [StatementRow(**dict(r)) for r in rows]

    def count(self, query: str | None = None, filters: Filters | None = None) -> int:
        """How many statements ``search`` would find without limit and offset."""
        where, args = self._where(query, filters or Filters())
        try:
            # Every statement has its article (a foreign key), so no join is needed to count.
            return int(self.db.execute("SELECT count(*) FROM statements s" + where,
                                       args).fetchone()[0])
        except sqlite3.Error as exc:
            raise StoreError(f"search failed: {exc}") from exc

    def find(self, query: str | None = None, filters: Filters | None = None, *,
             small: int = SMALL) -> Found:
        """One page of ``search``, planned to stay fast on millions of statements.

        - When some filter (or the words) selects at most ``small`` statements on its own, the
          others are tested on those few and the whole result is sorted by date: exact total,
          newest first, as ``search``.
        - Otherwise the page streams in an order an index keeps, stopping once the page is
          full: without words newest first (the published index, one speaker's or outlet's
          (x, published) index, or one such arm a value merged); with words most recently
          added first (FTS5 rowid order). If
          the stream ends within ``small`` rows the result is small after all and is sorted by
          date. Totals of larger results are exact for words alone or no filter at all
          (counted within a time budget, then kept up to date by counting only newer rows),
          else a lower bound (``exact`` False).
        """
        f = filters or Filters()
        match = fts_query(query) if query else ""
        try:
            conds = self._conditions(f)
            if conds is None:
                return Found([], 0, True, "published", False)
            return self._find(match, conds, f, small)
        except sqlite3.Error as exc:
            raise StoreError(f"search failed: {exc}") from exc

    def _find(self, match: str, conds: list[Condition], f: Filters, small: int) -> Found:
        every = [sql.words(match), *conds] if match else conds
        end = f.offset + f.limit
        if every:
            sizes = [self._capped(c.ids, c.args, small + 1) for c in every]
            if (n := min(sizes)) <= small:
                driver = every[sizes.index(n)]
                rest = [c for c in every if c is not driver]
                query = (f"SELECT s.id FROM ({driver.ids}) d CROSS JOIN {self._BY_ID}"
                         " ON s.id = d.id")
                if match and driver is not every[0] and self._capped(
                        every[0].ids, every[0].args, n * SCAN_A_PROBE) < n * SCAN_A_PROBE:
                    # Reading every match of the words costs less than probing the FTS index
                    # for each candidate: the candidates become a set each match is tested on.
                    rest = rest[1:]
                    query = (f"SELECT s.id FROM statements_fts fts CROSS JOIN {self._BY_ID}"
                             " ON s.id = fts.rowid WHERE fts.statements_fts MATCH ?"
                             f" AND +fts.rowid IN ({driver.ids})")
                    ids = self._ids(query + "".join(f" AND {c.walk}" for c in rest)
                                    + self._BY_DATE,
                                    [match, *driver.args, *(a for c in rest for a in c.args)])
                else:
                    ids = self._ids(query + _and(c.walk for c in rest) + self._BY_DATE,
                                    [*driver.args, *(a for c in rest for a in c.args)])
                return Found(self._rows(ids[f.offset:end]), len(ids), True, "published",
                             end < len(ids))
        args = [a for c in conds for a in c.args]
        # Words alone or nothing at all: the result is the driver, known to be large, and its
        # total is counted apart; otherwise read on to learn whether the result is small.
        want = end + 1 if not conds else max(small, end) + 1
        sets = [c for c in conds if c.newer]
        if match and sets:
            order = "added"
            ids, done = self._words_sets(match, sets, [c for c in conds if not c.newer],
                                         limit=want, need=end + 1)
        elif match:
            # FTS5 as the outer loop (CROSS JOIN), so rows come in its rowid order and stop early;
            # tests on the id alone come first, so SQLite applies them before reading the row.
            order = "added"
            conds = sorted(conds, key=lambda c: not c.by_id)
            stream = (f"SELECT s.id FROM statements_fts fts CROSS JOIN {self._BY_ID}"
                      " ON s.id = fts.rowid WHERE fts.statements_fts MATCH ?"
                      + "".join(f" AND {c.test_on('fts.rowid')}" for c in conds)
                      + " ORDER BY fts.rowid DESC")
            args = [match, *(a for c in conds for a in c.args)]
        elif split := next((c for c in conds if c.arm and 1 < len(c.args) <= MAX_ARMS), None):
            # Several speakers (or outlets): one arm a value, each in date order from its
            # (value, published) index; SQLite merges the arms (MERGE UNION ALL) and stops early.
            order = "published"
            rest = [c for c in conds if c is not split]
            arm = ("SELECT s.id, s.published FROM statements s WHERE " + split.arm
                   + "".join(f" AND {c.walk}" for c in rest))
            stream = " UNION ALL ".join([arm] * len(split.args)) + " ORDER BY 2 DESC, 1"
            args = [a for v in split.args for a in (v, *(a for c in rest for a in c.args))]
        else:
            order = "published"
            stream = ("SELECT s.id FROM statements s" + _and(c.walk for c in conds)
                      + self._BY_DATE)
        if not (match and sets):
            ids, done = self._stream(stream, args, limit=want, need=end + 1)
        if done and len(ids) <= small:
            if order == "added":
                ids = self._ids("SELECT s.id FROM statements s WHERE s.id IN"
                                f" ({','.join(map(str, ids)) or 'NULL'})" + self._BY_DATE, [])
            return Found(self._rows(ids[f.offset:end]), len(ids), True, "published",
                         end < len(ids))
        rows = self._rows(ids[f.offset:end])
        if done:
            return Found(rows, len(ids), True, order, end < len(ids))
        total = None if conds else self._total(match)
        if total is not None:
            return Found(rows, total, True, order, True)
        return Found(rows, len(ids) - 1, False, order, True)  # more than this many

    def _capped(self, ids: str, args: tuple[object, ...], cap: int) -> int:
        """How many rows ``ids`` selects, counting no further than ``cap``."""
        return int(self.db.execute(f"SELECT count(*) FROM ({ids} LIMIT {cap})",
                                   args).fetchone()[0])

    def _ids(self, query: str, args: list[object]) -> list[int]:
        return [r[0] for r in self.db.execute(query, args)]

    def _stream(self, query: str, args: list[object], *, limit: int, need: int,
                budget_s: float = BUDGET_S) -> tuple[list[int], bool]:
        """Statement ids from ``query``: up to ``limit``, and True when that was all of them;
        once ``budget_s`` has passed, as soon as there are ``need`` (False). The budget only
        decides how far a total is known; the page is always filled."""
        deadline = time.perf_counter() + budget_s
        # The LIMIT also tells the planner that only the first rows matter.
        cur = self.db.execute(f"{query} LIMIT {int(limit)}", args)
        ids: list[int] = []
        try:
            while batch := cur.fetchmany(64):
                ids += (r[0] for r in batch)
                if len(ids) >= need and time.perf_counter() > deadline:
                    return ids, False
            return ids, len(ids) < limit
        finally:
            cur.close()

    def _words_sets(self, match: str, sets: list[Condition], rest: list[Condition], *,
                    limit: int, need: int, budget_s: float = BUDGET_S) -> tuple[list[int], bool]:
        """``_stream`` of the words' matches (most recently added first) that pass ``sets`` and
        ``rest``. Testing a match on an index costs about 1 us (a seek), so words and filters
        that are each common but rarely together took 25-80 ms on 1M statements; a bitmap of a
        filter's statements tests a match in a fraction of that. Only the matches in every
        bitmap are read from the filter index for ``rest``."""
        maps = [self._members(c) for c in sets]
        covered = min(cov for _, cov in maps)
        deadline = time.perf_counter() + budget_s
        # Statements newer than a bitmap (added since it was brought up to date) are tested.
        check = (f"SELECT s.id FROM {self._BY_ID} WHERE s.id IN ({{marks}}) AND (s.id <= ? OR"
                 f" ({' AND '.join(c.test_on('s.id') for c in sets)}))"
                 + "".join(f" AND {c.walk}" for c in rest) + " ORDER BY s.id DESC")
        check_args = [a for c in [*sets, *rest] for a in c.args]
        cur = self.db.cursor()
        cur.row_factory = None  # plain tuples: a sqlite3.Row a match would double the read
        cur.execute("SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?"
                    " ORDER BY rowid DESC", (match,))
        ids: list[int] = []
        try:
            while batch := cur.fetchmany(256):
                hits = [i for (i,) in batch]
                for bits, _ in maps:
                    hits = [i for i in hits if i > covered or bits[i >> 3] >> (i & 7) & 1]
                if hits and (rest or hits[0] > covered):
                    hits = self._ids(check.format(marks=",".join("?" * len(hits))),
                                     [*hits, covered, *check_args])
                ids += hits
                if len(ids) >= limit:
                    return ids[:limit], False
                if len(ids) >= need and time.perf_counter() > deadline:
                    return ids, False
            return ids, True
        finally:
            cur.close()

    def _members(self, c: Condition) -> tuple[bytearray, int]:
        """The statements a filter selects as a bitmap over statement ids, and the newest id it
        covers. Built once (a read of its index), then brought up to date by reading only newer
        statements. Only for filters on what never changes once stored: a statement's entities
        (not its speaker id, which a relink rewrites)."""
        key = (str(self.path), "\x1f".join([c.newer, *map(str, c.args)]))
        bits, covered = self.totals.members.get(key) or (bytearray(), -1)
        newest = int(self.db.execute("SELECT max(id) FROM statements").fetchone()[0] or 0)
        if newest > covered:
            bits = bits + bytearray(newest // 8 + 1 - len(bits))  # a copy: others may read it
            cur = self.db.cursor()
            cur.row_factory = None
            # Read as a stream, not a list (74k ids would add 8 MB to the server's peak).
            # Ids above ``newest`` (added meanwhile) stay out: above the bitmap they are tested
            # on their rows.
            for (i,) in cur.execute(c.newer, [*c.args, covered]):
                if i <= newest:
                    bits[i >> 3] |= 1 << (i & 7)
            self.totals.members.put(key, (bits, newest), renew=covered < 0)
        return bits, max(newest, covered)

    def _rows(self, ids: list[int]) -> list[StatementRow]:
        """The rows of ``ids``, in that order."""
        if not ids:
            return []
        found = {r["id"]: r for r in self.db.execute(
            self._SELECT + f" WHERE s.id IN ({','.join('?' * len(ids))})", ids)}
        return [StatementRow(**dict(found[i])) for i in ids if i in found]

    def _total(self, match: str) -> int | None:
        """The exact number of statements with the words (all statements without), or None
        when the first count takes longer than its budget. A count stays valid while only
        newer statements arrive (nothing rewrites or deletes a statement's text), so later
        calls count just the rows added since."""
        key = (str(self.path), match)
        count = ("SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ? AND rowid > ?"
                 if match else "SELECT count(*) FROM statements WHERE id > ?")
        # One statement: the newest id and the count come from the same snapshot.
        both = f"SELECT (SELECT max(id) FROM statements), ({count})"
        args: list[object] = [match] if match else []
        known = self.totals.get(key)
        if known is not None:
            total, newest = known
            if total is None:
                return None
            got = self.db.execute(both, [*args, newest or 0]).fetchone()
            self.totals.put(key, (total + got[1], got[0]), renew=False)
            return total + got[1]
        got = _budgeted(self.db, both, [*args, -1], COUNT_BUDGET_S)
        self.totals.put(key, (got[1], got[0]) if got else (None, None))
        return got[1] if got else None

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


def _and(tests: Iterable[str]) -> str:
    joined = " AND ".join(tests)
    return f" WHERE {joined}" if joined else ""


def _budgeted(db: sqlite3.Connection, query: str, args: list[object],
              seconds: float) -> tuple[int, int] | None:
    """One row of two integers from ``query``, or None when it takes longer than ``seconds``."""
    deadline = time.perf_counter() + seconds
    db.set_progress_handler(lambda: int(time.perf_counter() > deadline), 2_000)
    try:
        row = db.execute(query, args).fetchone()
        return int(row[0] or 0), int(row[1])
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            return None
        raise
    finally:
        db.set_progress_handler(None, 0)


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
