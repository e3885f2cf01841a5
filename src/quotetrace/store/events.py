"""Events in SQLite: stored with their statement; relations between actors aggregated by period."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..link.about import normalise
from ..model import Actor, Event
from .sql import date_range

# Codes that name a kind of actor rather than one actor (CAMEO/PLOVER group codes): relations
# key such actors by their canonical name instead ("European Union", not "IGO").
GENERIC_CODES = frozenset({"IGO", "NGO", "MNC", "UNK", "GOV", "MIL", "OPP", "REB", "CVL"})
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
            rows.append((article_id, sid, seq, ev.type, ev.quad, actor_key(src),
                         src.text if src else None, src.code if src else None,
                         src.sector if src else None, actor_key(tgt),
                         tgt.text if tgt else None, tgt.code if tgt else None,
                         tgt.sector if tgt else None,
                         int(ev.negated), int(ev.hypothetical), ev.trigger, ev.start, ev.end))
    db.executemany(
        "INSERT INTO events (article_id, statement_id, seq, type, quad, source_key, source_text,"
        " source_code, source_sector, target_key, target_text, target_code, target_sector,"
        " negated, hypothetical, trigger, start, end)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)


def actor_key(actor: Actor | None) -> str | None:
    """How relations name an actor: its code, or its canonical name when the code is generic."""
    if actor is None:
        return None
    if actor.code and actor.code.upper() not in GENERIC_CODES:
        return actor.code.upper()
    return normalise(actor.text)


def _keys_for(value: str) -> list[str]:
    """What a user's actor may be stored as: the words given, their canonical name, and the
    country code where the words name a country ('Russia' -> RUS)."""
    keys = {value, normalise(value)}
    try:
        import pycountry

        keys.add(pycountry.countries.lookup(normalise(value)).alpha_3)
    except LookupError:
        pass
    return sorted(keys)


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
    keys = _keys_for(value)
    marks = ",".join("?" * len(keys))
    return (f"(e.{side}_key COLLATE NOCASE IN ({marks}) OR e.{side}_key LIKE ?"
            f" OR e.{side}_text LIKE ?)", [*keys, f"%{value}%", f"%{value}%"])


def relations(db: sqlite3.Connection, f: RelationFilters) -> list[dict[str, object]]:
    """Per period and source-target pair: the count of each event type, with its quad class.

    Rows also carry the pair's cooperation-conflict balance in that period:
    (cooperation - conflict) / (cooperation + conflict), from -1 (all conflict) to +1.
    Negated and hypothetical events are counted apart (``negated``/``hypothetical`` columns) and
    left out of the balance: a refusal to cooperate is not cooperation.
    """
    width = 7 if f.by == "month" else 4
    # Undated articles (no year) are their own period; a date range leaves them out.
    where, args = date_range("a.published", f.since, f.until)
    where.insert(0, "1")
    for side, value in (("source", f.source), ("target", f.target)):
        if value:
            clause, a = _actor(side, value)
            where.append(clause)
            args += a
    if f.outlet:
        where.append("a.outlet LIKE ?")
        args.append(f"%{f.outlet}%")
    sql = (
        "SELECT CASE WHEN a.published IS NULL OR a.published LIKE '--%' THEN 'undated'"
        f" ELSE substr(a.published, 1, {width}) END AS period,"
        " e.source_key AS source, e.target_key AS target,"
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
