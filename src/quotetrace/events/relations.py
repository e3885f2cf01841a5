"""Relations between actors over time: event counts per period and source-target pair.

A pure function over rows the store or the CLI hands in, so that the same figures come out of
SQLite, PostgreSQL or a JSONL export.

Balance: (cooperation - conflict) / (cooperation + conflict) over the pair's non-negated
events in the period: +1 all cooperation, -1 all conflict, 0 even (None when there is neither).
Negated events ("there will be no more joint projects") are counted apart, under ``negated``,
and left out of the type, quad and balance figures: they say what did not happen.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, Literal

Period = Literal["month", "year"]

_COOPERATION = frozenset(("verbal cooperation", "material cooperation"))
_CONFLICT = frozenset(("verbal conflict", "material conflict"))


def _period(published: str | None, by: Period) -> str | None:
    """ "2022-12-27" -> "2022-12" or "2022"; a date without a year ("--12-27") has no period."""
    if not published or published.startswith("--") or len(published) < 4:
        return None
    if by == "year":
        return published[:4]
    return published[:7] if len(published) >= 7 else None


def _name(actor: Any) -> str | None:
    """An actor as a key: its code when it has one, else its text (dict or plain string)."""
    if actor is None:
        return None
    if isinstance(actor, Mapping):
        code, text = actor.get("code"), actor.get("text")
        if code and code in ("IGO", "NGO", "IMG") and text:
            return f"{code}:{text}"  # organisations share a code: keep them apart by name
        return code or text
    return str(actor)


def balance(cooperation: int, conflict: int) -> float | None:
    total = cooperation + conflict
    return None if total == 0 else (cooperation - conflict) / total


def aggregate(rows: Iterable[Mapping[str, Any]], by: Period = "month") -> list[dict[str, Any]]:
    """Per period and source-target pair: counts of each event type and quad class, negated
    events apart, and the cooperation-conflict balance. Rows carry ``source``, ``target``,
    ``event``, ``quad``, ``negated`` and ``published``; rows without a dated period are put
    under period None rather than guessed."""
    if by not in ("month", "year"):
        raise ValueError(f"by must be 'month' or 'year', not {by!r}")
    groups: dict[tuple[str | None, str | None, str | None], dict[str, Counter[str]]] = defaultdict(
        lambda: {"events": Counter(), "quads": Counter(), "negated": Counter()}
    )
    for row in rows:
        key = (
            _period(row.get("published"), by),
            _name(row.get("source")),
            _name(row.get("target")),
        )
        g = groups[key]
        if row.get("negated"):
            g["negated"][row["event"]] += 1
            continue
        g["events"][row["event"]] += 1
        if row.get("quad"):
            g["quads"][row["quad"]] += 1
    out = []
    for (period, source, target), g in sorted(
        groups.items(), key=lambda kv: tuple(map(str, kv[0]))
    ):
        coop = sum(n for q, n in g["quads"].items() if q in _COOPERATION)
        conflict = sum(n for q, n in g["quads"].items() if q in _CONFLICT)
        out.append(
            {
                "period": period,
                "source": source,
                "target": target,
                "events": dict(g["events"]),
                "quads": dict(g["quads"]),
                "negated": dict(g["negated"]),
                "total": sum(g["events"].values()),
                "balance": balance(coop, conflict),
            }
        )
    return out
