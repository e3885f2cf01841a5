"""The store's planned search (``find``) against its straightforward one (``search``) on a real
store made from the seeds: the same statements match for every filter shape, whichever plan
(small result sorted by date, stream in index order) answers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotetrace.cli import main
from quotetrace.store import Filters, SQLiteStore, open_store
from quotetrace.store import sqlite as sqlite_store

QUERIES = [None, "NATO", "said", "minister", "the security", "nothing-matches-this"]
FILTERS = [
    Filters(),
    Filters(speaker="Lavrov"),
    Filters(speaker="a"),  # many speakers: an IN list
    Filters(outlet="TASS"),
    Filters(outlet="e"),  # several outlets
    Filters(kind="direct"),
    Filters(kind="indirect"),
    Filters(about="NATO"),
    Filters(about="European Union"),
    Filters(about="United"),  # several entity names
    Filters(since="2022"),
    Filters(until="2021-12"),
    Filters(since="2022-01", until="2022-06-30"),
    Filters(speaker="Lavrov", since="2022"),
    Filters(outlet="e", kind="direct", about="NATO"),
    Filters(speaker="a", about="United", since="2020"),
    Filters(speaker="nobody-is-called-this"),
    Filters(about="nothing-is-about-this"),
]


@pytest.fixture(scope="module")
def db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "seeds.db"
    result = CliRunner().invoke(main, ["ingest", "--db", str(path), str(shared / "seeds")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return path


def _all_pages(store: SQLiteStore, query: str | None, f: Filters, small: int,
               limit: int) -> tuple[list[int], list[object]]:
    """Every page of ``find`` in turn: the ids and each page's answer."""
    ids: list[int] = []
    pages: list[object] = []
    offset = 0
    while True:
        found = store.find(query, Filters(**{**_fields(f), "limit": limit, "offset": offset}),
                           small=small)
        pages.append(found)
        ids += [r.id for r in found.rows]
        if not found.more:
            return ids, pages
        assert len(found.rows) == limit
        offset += limit


def _fields(f: Filters) -> dict[str, object]:
    return {k: getattr(f, k) for k in ("speaker", "outlet", "since", "until", "kind", "about")}


@pytest.mark.parametrize("scan", [0, sqlite_store.SCAN_A_PROBE, 10**9])
@pytest.mark.parametrize("small", [0, 3, 1_000])
@pytest.mark.parametrize("query", QUERIES)
def test_find_matches_what_search_matches(db: Path, query: str | None, small: int, scan: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # scan: words beside a small driver probed a candidate (0), read in full (10**9), or chosen
    monkeypatch.setattr(sqlite_store, "SCAN_A_PROBE", scan)
    with open_store(db, readonly=True) as store:
        for f in FILTERS:
            expected = [r.id for r in store.search(query, Filters(**_fields(f), limit=10**6))]
            ids, pages = _all_pages(store, query, f, small, limit=7)
            assert sorted(ids) == sorted(expected), (query, f)
            first = pages[0]
            if first.order == "published":  # newest first, ties as search breaks them
                assert ids == expected, (query, f)
            if first.exact:
                assert first.total == len(expected), (query, f)
            else:
                assert first.total < len(expected), (query, f)
            if len(expected) <= small:
                assert first.exact and first.order == "published", (query, f)
            assert store.count(query, f) == len(expected)


def test_totals_follow_new_statements(db: Path, tmp_path: Path) -> None:
    """An exact total counted once is kept up to date by counting only newer statements."""
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    with open_store(copy) as store:
        before = store.find("NATO", Filters(limit=1), small=0)
        assert before.exact and before.more and before.total == store.count("NATO") > 3
        store.db.execute("INSERT INTO statements (article_id, seq, kind, text, start, end)"
                         " SELECT article_id, 1000 + seq, kind, text, start, end"
                         " FROM statements WHERE id IN (SELECT rowid FROM statements_fts"
                         " WHERE statements_fts MATCH 'NATO' LIMIT 3)")
        store.db.commit()
        after = store.find("NATO", Filters(limit=1), small=0)
        assert after.exact and after.total == before.total + 3 == store.count("NATO")
        everything = store.find(None, Filters(limit=1), small=0)
        assert everything.exact and everything.total == store.count()


def test_statements_found_by_id_are_tested_on_the_filter_index(db: Path) -> None:
    """Each statement a plan looks up by id (a full-text match, a candidate of a small driver)
    has its filters tested on the narrow (id, ...) index, never on the table row with its text."""
    seen: list[str] = []
    with open_store(db, readonly=True) as store:
        store.db.set_trace_callback(seen.append)
        for query, f in [("said", Filters(speaker="a", since="2020")),
                         ("said", Filters(about="United", kind="direct")),
                         ("NATO", Filters(speaker="Lavrov", outlet="e"))]:
            for small in (0, 1_000):
                store.find(query, f, small=small)
        store.db.set_trace_callback(None)
        plans = [(q, " | ".join(r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + q)))
                 for q in seen if " CROSS JOIN statements s " in q]
    assert len(plans) >= 3
    for query, plan in plans:
        assert "COVERING INDEX statements_filters (id=?" in plan, plan
        assert "INTEGER PRIMARY KEY" not in plan, plan
        if re.search(r"speaker_id IN \([^)]*,", query):  # several values: no seek a value
            assert "statements_filters (id=?)" in plan, plan


@pytest.mark.parametrize("stale", [False, True])
def test_about_bitmaps_follow_new_statements(db: Path, tmp_path: Path, stale: bool,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Statements added after an about-filter's bitmap was built are found as ``search`` finds
    them: the bitmap is brought up to date, or (added between its update and the read of the
    words) they are tested on their rows."""
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    f = Filters(about="United", speaker="a")
    cond = next(c for c in open_store(copy, readonly=True)._conditions(f) or [] if c.newer)
    with open_store(copy) as store:
        store.find("said", f, small=0)
        before = store._members(cond)
        store.db.execute("INSERT INTO statements (article_id, seq, kind, text, start, end,"
                         " speaker_id) SELECT article_id, 1000 + seq, kind, text, start, end,"
                         " speaker_id FROM statements WHERE id IN (SELECT statement_id FROM"
                         " statement_about WHERE entity LIKE '%United%')")
        store.db.execute("INSERT INTO statement_about (statement_id, entity)"
                         " SELECT n.id, ab.entity FROM statements n JOIN statements o"
                         " ON o.article_id = n.article_id AND o.seq + 1000 = n.seq"
                         " JOIN statement_about ab ON ab.statement_id = o.id")
        store.db.commit()
        if stale:
            monkeypatch.setattr(store, "_members", lambda c: before)
        for query in ("said", "the"):
            expected = [r.id for r in store.search(query, Filters(**_fields(f), limit=10**6))]
            assert max(expected) > before[1], "a new statement matches"
            ids, _ = _all_pages(store, query, f, 0, limit=7)
            assert sorted(ids) == sorted(expected), (query, stale)
