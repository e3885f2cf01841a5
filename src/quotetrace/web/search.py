"""Search for the web: the store's filters, with a plan that stays fast on a million statements.

``store.search`` sorts every match by date before it can return the first page: 1.5 s for a
common word over 1M statements. Here:

- a result of at most ``SMALL`` statements (found by a capped count under a time budget) is
  sorted by date, newest first, exactly as ``store.search`` sorts, and counted exactly;
- a larger result streams from the full-text index in reverse insertion order (most recently
  added first, which for a news archive is close to newest first): SQLite stops after one page.
  Its total is exact when the count fits the time budget (or is cached), else a lower bound, and
  the page says so.

The filter clauses are the store's own (``SQLiteStore._where``), so both agree on what matches.
TODO(lead): this belongs in store.search (an ``order="added"`` option and a capped count).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from dataclasses import astuple, dataclass, replace

from ..link.about import normalise
from ..store import Filters, SQLiteStore, StatementRow
from ..store.sqlite import _like, fts_query

SMALL = 1_000  # results up to this size are sorted by date
BUDGET_S = 0.01  # a count may take this long before a lower bound is shown instead
ABOUT_TTL_S = 60.0  # entities newly seen by an ingest join an "about" search within this time

_COLUMNS = SQLiteStore._SELECT.split(" FROM ")[0]
_JOINS = (" JOIN articles a ON a.id = s.article_id"
          " LEFT JOIN speakers sp ON sp.id = s.speaker_id")
_BY_DATE = " ORDER BY s.published IS NULL, s.published DESC, s.id"  # as store.search


@dataclass(frozen=True, slots=True)
class Result:
    rows: list[StatementRow]
    total: int
    exact: bool  # False: ``total`` is a lower bound
    order: str  # "published" (newest first) or "added" (most recently added first)
    more: bool  # another page follows


_about: dict[str, tuple[float, list[str]]] = {}
_about_lock = threading.Lock()


def _entities(db: sqlite3.Connection, about: str) -> list[str]:
    """The entity names the store's "about" filter matches (exact canonical name, or containing
    the words), looked up once a minute rather than on every search."""
    now = time.monotonic()
    with _about_lock:
        hit = _about.get(about)
    if hit and now - hit[0] < ABOUT_TTL_S:
        return hit[1]
    # The same test as the store's filter (SQLiteStore._where), applied to names only.
    names = [r[0] for r in db.execute(
        "SELECT name FROM entities WHERE name = ? OR name LIKE ? ESCAPE '\\'",
        (normalise(about), _like(about)))]
    with _about_lock:
        if len(_about) > 256:
            _about.clear()
        _about[about] = (now, names)
    return names


def _budgeted(db: sqlite3.Connection, sql: str, args: list[object], seconds: float) -> int | None:
    """One integer from ``sql``, or None when it takes longer than ``seconds``."""
    deadline = time.perf_counter() + seconds
    db.set_progress_handler(lambda: int(time.perf_counter() > deadline), 2_000)
    try:
        return int(db.execute(sql, args).fetchone()[0])
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            return None
        raise
    finally:
        db.set_progress_handler(None, 0)


class _Counts:
    """Exact totals already paid for, keyed by the query and the store's newest statement (an
    ingest changes the key; a relink that moves speakers may leave a speaker total stale until
    the next ingest adds a statement)."""

    def __init__(self, size: int = 512) -> None:
        self._data: OrderedDict[tuple[object, ...], tuple[int | None, bool]] = OrderedDict()
        self._lock = threading.Lock()
        self.size = size

    def get(self, key: tuple[object, ...]) -> tuple[int | None, bool] | None:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        return None

    def put(self, key: tuple[object, ...], value: tuple[int | None, bool]) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


counts = _Counts()


def search(store: SQLiteStore, query: str | None, f: Filters) -> Result:
    db = store.db
    match = fts_query(query) if query else ""
    # The store's filter clauses, without the word match; "about" resolved to entity names first
    # (the store's clause scans every statement-entity pair on each search).
    where, args = store._where(None, replace(f, about=None))
    if f.about:
        entities = _entities(db, f.about)
        marks = ",".join("?" * len(entities)) or "NULL"
        where = (where + " AND" if where else " WHERE") + (
            f" EXISTS (SELECT 1 FROM statement_about ab WHERE ab.statement_id = s.id"
            f" AND ab.entity IN ({marks}))")
        args = [*args, *entities]
    filtered = bool(where)
    if match:
        source = " FROM statements_fts fts JOIN statements s ON s.id = fts.rowid"
        where = (where + " AND" if where else " WHERE") + " fts.statements_fts MATCH ?"
        args = [*args, match]
    else:
        source = " FROM statements s"
    body = source + _JOINS + where
    newest = db.execute("SELECT max(id) FROM statements").fetchone()[0]
    key = (match, astuple(replace(f, limit=0, offset=0)), newest)

    known = counts.get(key)  # (exact total or None, known to exceed SMALL)
    if known is None:
        capped = _budgeted(db, f"SELECT count(*) FROM (SELECT 1{body} LIMIT {SMALL + 1})",
                           args, BUDGET_S)
        known = (capped if capped is not None and capped <= SMALL else None,
                 capped is not None and capped > SMALL)
        if known[0] is None and match and not filtered:
            # Without filters the index alone counts the words (tens of ms for the commonest).
            known = (_budgeted(db, "SELECT count(*) FROM statements_fts WHERE statements_fts"
                               " MATCH ?", [match], BUDGET_S * 5), True)
        elif known[0] is None and not filtered:
            known = (store_counts(store)["statements"], True)
        counts.put(key, known)  # a count too slow once is not tried again for this key
    total, over_small = known
    if total is not None and total <= SMALL:
        rows = db.execute(_COLUMNS + body + _BY_DATE + " LIMIT ? OFFSET ?",
                          [*args, f.limit, f.offset]).fetchall()
        out = [StatementRow(**dict(r)) for r in rows]
        return Result(out, total, True, "published", f.offset + len(out) < total)

    order = " ORDER BY fts.rowid DESC" if match else " ORDER BY s.id DESC"
    rows = db.execute(_COLUMNS + body + order + " LIMIT ? OFFSET ?",
                      [*args, f.limit + 1, f.offset]).fetchall()
    out = [StatementRow(**dict(r)) for r in rows[:f.limit]]
    more = len(rows) > f.limit
    if total is not None:
        return Result(out, total, True, "added", more)
    if not more and (out or not f.offset):
        return Result(out, f.offset + len(out), True, "added", False)
    # A lower bound: "more than N" (N = SMALL when the capped count got that far).
    bound = max(SMALL, f.offset + len(out)) if over_small else f.offset + len(out)
    return Result(out, bound, False, "added", more)


_store_counts: dict[str, tuple[float, dict[str, int]]] = {}


def store_counts(store: SQLiteStore) -> dict[str, int]:
    """Articles, statements and speakers in the store for the landing line: counting a million
    rows takes a while, so the figures are refreshed at most once a minute."""
    now = time.monotonic()
    hit = _store_counts.get(str(store.path))
    if hit is None or now - hit[0] > 60:
        hit = (now, store.counts())
        _store_counts[str(store.path)] = hit
    return hit[1]
