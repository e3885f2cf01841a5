"""The SQLite store against a real file: idempotent ingest, full-text search, filters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quotetrace.errors import StoreError
from quotetrace.model import Article, Extraction, Skipped, Statement
from quotetrace.store import Filters, open_store
from quotetrace.store.sqlite import fts_query


def _article(aid: str, outlet: str, published: str | None, body: str) -> Article:
    return Article(id=aid, doc=f"{aid}.txt", uri=f"/in/{aid}.txt", body=body, outlet=outlet,
                   published=published, title=f"Title {aid}")


def _st(text: str, speaker: str | None, mention: str, kind: str = "direct") -> Statement:
    return Statement(text=text, kind=kind, start=0, end=len(text), cue="said",  # type: ignore[arg-type]
                     speaker_mention=mention, speaker=speaker, confidence=0.9)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "q.db") as s:
        s.add(Extraction(_article("a1", "Norland Post", "2024-03-01", "x"), (
            _st("The harbour treaty is dead.", "Amara Velde", "Velde"),
            _st("Nobody wants a trade war with NATO allies.", "Amara Velde", "she", "indirect"),
        )))
        s.add(Extraction(_article("a2", "Estmark Daily", "2024-05-10", "y"), (
            _st("NATO's summit changed nothing.", "Jonas Brekke", "Brekke"),
            _st("Unnamed official view.", None, "an official", "indirect"),
        )))
        s.add(Extraction(_article("a3", "Estmark Daily", "--06-01", "z"), (
            _st("A yearless NATO remark.", "Jonas Brekke", "he"),
        )))
        yield s


def test_same_article_is_stored_once(store) -> None:  # type: ignore[no-untyped-def]
    again = Extraction(_article("a1", "Norland Post", "2024-03-01", "x"), (_st("t", "X", "X"),))
    assert store.add(again) is False
    assert store.counts() == {"articles": 3, "statements": 5, "speakers": 2}


@pytest.mark.parametrize(
    ("query", "filters", "expected"),
    [
        ("NATO", Filters(), 3),
        ("nato allies", Filters(), 1),
        ("NATO's", Filters(), 1),  # apostrophes and quotes never break the FTS syntax
        ('"unbalanced', Filters(), 0),
        (None, Filters(speaker="velde"), 2),
        (None, Filters(speaker="Brek"), 2),
        (None, Filters(outlet="estmark"), 3),
        (None, Filters(kind="indirect"), 2),
        (None, Filters(since="2024-04"), 2),
        (None, Filters(until="2024-03"), 2),
        (None, Filters(since="2024-01-01", until="2024-12-31", speaker="Brekke"), 1),
        ("NATO", Filters(limit=1), 1),
        (None, Filters(speaker="100%_"), 0),
    ],
)
def test_search(store, query: str | None, filters: Filters, expected: int) -> None:  # type: ignore[no-untyped-def]
    assert len(store.search(query, filters)) == expected


def test_speaker_alias_from_name_mentions(store) -> None:  # type: ignore[no-untyped-def]
    store.relink()
    aliases = {r[0] for r in store.db.execute("SELECT alias FROM speaker_aliases")}
    assert aliases == {"Velde", "Brekke"}  # "she", "he", "an official" are not names


def test_failures_are_recorded(store) -> None:  # type: ignore[no-untyped-def]
    store.record_failure(Skipped("/in/bad.bin", "binary file"))
    assert store.db.execute("SELECT reason FROM failures").fetchone()[0] == "binary file"


def test_reopening_keeps_schema_and_data(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    with open_store(path) as s:
        s.add(Extraction(_article("a", "O", None, "b"), ()))
    with open_store(path) as s:
        assert s.counts()["articles"] == 1


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "not.db"
    path.write_bytes(b"this is not sqlite at all, just some text" * 100)
    with pytest.raises(StoreError, match="not a quotetrace database"):
        open_store(path)


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('NATO\'s "summit" OR -x') == '"NATO" "s" "summit" "OR" "x"'


def test_events_stored_and_aggregated_into_relations(tmp_path: Path) -> None:
    from quotetrace.model import Actor, Event
    from quotetrace.store.events import RelationFilters

    nor, est, eu = Actor("Norland", "NOR", "GOV"), Actor("Estmark", "EST"), Actor("the EU", "IGO")
    events = (
        Event("AGREE", "verbal cooperation", nor, (est,), statement=0),
        Event("ACCUSE", "verbal conflict", nor, (est, eu), statement=0),
        Event("COOPERATE", "material cooperation", nor, (eu,), negated=True),
        Event("ASSAULT", "material conflict", est, (nor,)),
    )
    with open_store(tmp_path / "e.db") as s:
        s.add(Extraction(_article("m1", "Wire", "2024-03-05", "b1"),
                         (_st("We agree.", "Amara Velde", "Velde"),), events))
        s.add(Extraction(_article("m2", "Wire", None, "b2"), (), events[:1]))
        rows = s.relations(RelationFilters(source="NOR"))
        assert {(r["period"], r["target"], r["event"], r["count"]) for r in rows} == {
            ("2024-03", "EST", "AGREE", 1), ("2024-03", "EST", "ACCUSE", 1),
            ("2024-03", "European Union", "ACCUSE", 1),
            ("2024-03", "European Union", "COOPERATE", 1), ("undated", "EST", "AGREE", 1)}
        by_pair = {(r["period"], r["target"]): r["balance"] for r in rows}
        assert by_pair[("2024-03", "EST")] == 0.0  # one cooperation, one conflict
        assert by_pair[("2024-03", "European Union")] == -1.0  # the negated one does not count
        assert [r["target"] for r in s.relations(RelationFilters(target="EU"))] == [
            "European Union", "European Union"]
        assert {r["period"] for r in s.relations(RelationFilters(since="2024-01"))} == {"2024-03"}
        assert s.relations(RelationFilters(by="year", source="Estmark"))[0]["period"] == "2024"


def test_count_statement_article_and_readonly(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert store.count("NATO") == 3 and store.count(None, Filters(speaker="Brekke")) == 2
    first = store.search("harbour")[0]
    assert store.statement(first.id) == first
    art = store.article(first.article_id)
    assert art is not None and art["title"] == "Title a1" and len(art["statements"]) == 2
    assert store.article("nope") is None
    store.db.commit()
    with open_store(store.path, readonly=True) as ro:
        assert ro.count() == 5
        with pytest.raises(sqlite3.OperationalError):
            ro.db.execute("DELETE FROM statements")
    with pytest.raises(StoreError, match="no database"):
        open_store(tmp_path / "absent.db", readonly=True)


def test_an_older_store_gets_the_filter_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with open_store(path) as s:
        s.add(Extraction(_article("a", "O", None, "b"), (_st("Words.", "Ann Lee", "Lee"),)))
        s.db.execute("DROP INDEX statements_filters")
        s.db.execute("PRAGMA user_version = 4")
    with open_store(path) as s:
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == 5
        assert s.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'statements_filters'"
                            ).fetchone()
        assert [r.id for r in s.find("words", Filters(speaker="Lee")).rows] == [1]
