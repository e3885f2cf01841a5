"""SQL fragments the store's queries share: date ranges, and search filters as conditions."""

from __future__ import annotations

from dataclasses import dataclass


def date_range(column: str, since: str | None, until: str | None) -> tuple[list[str], list[object]]:
    """Conditions for ``since <= column <= until`` (prefix dates: '2024' or '2024-03' work).

    Dates without a year (--MM-DD) cannot be placed in a range, so a range leaves them out.
    """
    where: list[str] = []
    args: list[object] = []
    if since:
        where.append(f"{column} >= ? AND {column} NOT LIKE '--%'")
        args.append(since)
    if until:
        # "2024-03" must include "2024-03-31": compare against the prefix padded high.
        where.append(f"{column} <= ? AND {column} NOT LIKE '--%'")
        args.append(until + "\uffff")
    return where, args


@dataclass(frozen=True, slots=True)
class Condition:
    """One search filter, resolved to exact values, in the three forms a search plan needs."""

    test: str  # a test on the statement row ``s``; the planner may answer it from an index
    # The same test on a row already found, kept off any index that does not keep date order;
    # also safe on the (id, ...) filter index, where a seek on several values would multiply.
    walk: str
    ids: str  # the statement ids it selects on its own (as ``id``), read from an index
    args: tuple[object, ...]
    # One value's test, when an index on (column, published) serves each value in date order:
    # a walk can then merge one ordered arm a value (UNION ALL) instead of sorting.
    arm: str = ""
    # The test written on the statement id alone ("{id}"): a stream over the FTS index can
    # apply it before it reads the statement row.
    by_id: str = ""
    # The statement ids it selects above a given id (``?`` last), read from an index; only for
    # a filter whose statements never change once stored (``SQLiteStore._members``).
    newer: str = ""

    def test_on(self, id_column: str) -> str:
        return self.by_id.format(id=id_column) if self.by_id else self.walk


def _marks(values: list[object]) -> str:
    # An empty list (nothing resolved) matches nothing.
    return ",".join("?" * len(values)) or "NULL"


def column_in(column: str, values: list[object], *, dated: bool = False) -> Condition:
    """``column IN (values)``. With an index on (column, published) (``dated``), one value
    keeps it usable for a walk in date order; several values, or an index without the date,
    would make SQLite sort every match, so the walk tests them row by row instead."""
    test = f"s.{column} IN ({_marks(values)})"
    return Condition(test, test if dated and len(values) == 1 else "+" + test,
                     f"SELECT id FROM statements WHERE {column} IN ({_marks(values)})",
                     tuple(values), f"s.{column} = ?" if dated else "")


def dates(since: str | None, until: str | None) -> Condition | None:
    where, args = date_range("s.published", since, until)
    if not where:
        return None
    test = " AND ".join(where)
    return Condition(test, test, f"SELECT s.id FROM statements s WHERE {test}", tuple(args))


def about(names: list[object]) -> Condition:
    """Statements about any of the entity names; a row test probes the (statement, entity)
    key, the ids come from the (entity, statement) index."""
    marks = _marks(names)
    # "+" keeps the probe on the key: one seek to the statement's few entities, where the
    # (entity, statement) index would take one seek a name.
    by_id = ("EXISTS (SELECT 1 FROM statement_about ab WHERE ab.statement_id = {id}"
             f" AND +ab.entity IN ({marks}))")
    test = by_id.format(id="s.id")
    return Condition(test, test,
                     f"SELECT DISTINCT statement_id AS id FROM statement_about"
                     f" WHERE entity IN ({marks})", tuple(names), by_id=by_id,
                     newer=f"SELECT statement_id AS id FROM statement_about"
                           f" WHERE entity IN ({marks}) AND statement_id > ?")


def words(match: str) -> Condition:
    """An FTS5 match. Probing the index for one row costs tens of microseconds, so the row test
    is for a few hundred candidates at most; many are read from the index in rowid order."""
    probe = ("EXISTS (SELECT 1 FROM statements_fts f WHERE f.rowid = s.id"
             " AND f.statements_fts MATCH ?)")
    return Condition(probe, probe,
                     "SELECT rowid AS id FROM statements_fts WHERE statements_fts MATCH ?",
                     (match,))
