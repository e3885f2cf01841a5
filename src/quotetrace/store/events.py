"""Events in SQLite: stored with their statement; relations between actors aggregated by period."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Event

COOPERATION = ("verbal cooperation", "material cooperation")
CONFLICT = ("verbal conflict", "material conflict")


def add_events(db: sqlite3.Connection, article_id: str, events: Sequence[Event],
               statement_ids: Sequence[int]) -> None:
    rows = []
    for seq, ev in enumerate(events):
        sid = statement_ids[ev.statement] if ev.statement is not None and \
            ev.statement < len(statement_ids) else None
        src = ev.source
        for tgt in ev.targets or (None,):
            rows.append((article_id, sid, seq, ev.type, ev.quad,
                         src.text if src else None, src.code if src else None,
                         src.sector if src else None,
                         tgt.text if tgt else None, tgt.code if tgt else None,
                         tgt.sector if tgt else None,
                         int(ev.negated), int(ev.hypothetical), ev.trigger, ev.start, ev.end))
    db.executemany(
        "INSERT INTO events (article_id, statement_id, seq, type, quad, source_text, source_code,"
        " source_sector, target_text, target_code, target_sector, negated, hypothetical, trigger,"
        " start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


@dataclass(frozen=True, slots=True, kw_only=True)
class RelationFilters:
    source: str | None = None  # an actor code (RUS, EU) or words of its name
    target: str | None = None
    by: str = "month"  # or "year"
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    include_negated: bool = False  # "no more joint projects" is not cooperation


def _actor(side: str, value: str) -> tuple[str, list[str]]:
    return (f"(e.{side}_code = ? COLLATE NOCASE OR e.{side}_text LIKE ?)",
            [value, f"%{value}%"])


def relations(db: sqlite3.Connection, f: RelationFilters) -> list[dict[str, object]]:
    """Per period and source-target pair: the count of each event type, with its quad class.

    Rows also carry the pair's cooperation-conflict balance in that period:
    (cooperation - conflict) / (cooperation + conflict), from -1 (all conflict) to +1.
    Negated and hypothetical events are counted apart (``negated``/``hypothetical`` columns) and
    left out of the balance: a refusal to cooperate is not cooperation.
    """
    width = 7 if f.by == "month" else 4
    where, args = ["a.published IS NOT NULL", "a.published NOT LIKE '--%'"], []
    for side, value in (("source", f.source), ("target", f.target)):
        if value:
            clause, a = _actor(side, value)
            where.append(clause)
            args += a
    if f.outlet:
        where.append("a.outlet LIKE ?")
        args.append(f"%{f.outlet}%")
    if f.since:
        where.append("a.published >= ?")
        args.append(f.since)
    if f.until:
        where.append("a.published <= ?")
        args.append(f.until + "\uffff")
    sql = (
        f"SELECT substr(a.published, 1, {width}) AS period,"
        " coalesce(e.source_code, e.source_text) AS source,"
        " coalesce(e.target_code, e.target_text) AS target,"
        " e.type AS event, e.quad, e.negated, e.hypothetical, count(*) AS count"
        " FROM events e JOIN articles a ON a.id = e.article_id WHERE " + " AND ".join(where)
        + " GROUP BY period, source, target, event, e.quad, e.negated, e.hypothetical"
        " ORDER BY period, source, target, count DESC, event"
    )
    rows = [dict(r) for r in db.execute(sql, args)]
    balance: dict[tuple[object, object, object], list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        if r["negated"] or r["hypothetical"]:
            continue
        key = (r["period"], r["source"], r["target"])
        if r["quad"] in COOPERATION:
            balance[key][0] += int(r["count"])  # type: ignore[call-overload]
        elif r["quad"] in CONFLICT:
            balance[key][1] += int(r["count"])  # type: ignore[call-overload]
    for r in rows:
        r["negated"], r["hypothetical"] = bool(r["negated"]), bool(r["hypothetical"])
        coop, conf = balance.get((r["period"], r["source"], r["target"]), [0, 0])
        r["balance"] = round((coop - conf) / (coop + conf), 3) if coop + conf else None
    return rows
