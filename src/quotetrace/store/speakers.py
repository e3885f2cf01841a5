"""The speaker registry in SQLite: rebuilt from every name seen and the user's overrides."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from ..link.registry import Override, build, word_keys

# Mentions that are names ("Lavrov", "Sergei Lavrov") are aliases; pronouns and role nouns
# ("he", "the Russian top diplomat") are not.
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*$")


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    id: int
    name: str
    kind: str | None
    aliases: list[str]
    roles: list[dict[str, str | None]]  # {"role", "first_seen", "last_seen"}
    statements: int


def relink(db: sqlite3.Connection) -> None:
    """Regroup all speaker names into speakers; speaker ids survive where a name kept its group."""
    counts = dict(db.execute(
        "SELECT speaker_name, count(*) FROM statements WHERE speaker_name IS NOT NULL"
        " GROUP BY speaker_name").fetchall())
    overrides = [Override(a, b, c) for a, b, c in db.execute(
        "SELECT action, a, b FROM speaker_overrides ORDER BY id")]
    hints: dict[str, dict[str, int]] = {}
    for name, kind, n in db.execute(
            "SELECT name, kind, count(*) FROM name_kinds GROUP BY name, kind"):
        hints.setdefault(name, {})[kind] = n
    groups = build(counts, overrides, hints)
    old: dict[str, int] = {}
    for sid, name in db.execute("SELECT id, name FROM speakers"):
        old[name.casefold()] = sid
    for sid, alias in db.execute("SELECT speaker_id, alias FROM speaker_aliases"):
        old.setdefault(alias.casefold(), sid)
    taken: set[int] = set()
    with db:
        db.execute("DELETE FROM speaker_aliases")
        # Move every current name aside so that canonical names can change hands freely.
        db.execute("UPDATE speakers SET name = char(1) || id")
        for g in groups:
            ids = sorted({old[n.casefold()] for n in g.names if n.casefold() in old} - taken)
            if ids:
                sid = ids[0]
                db.execute("UPDATE speakers SET name = ?, kind = ? WHERE id = ?",
                           (g.name, g.kind, sid))
            else:
                sid = db.execute("INSERT INTO speakers (name, kind) VALUES (?, ?)",
                                 (g.name, g.kind)).lastrowid or 0
            taken.add(sid)
            db.executemany("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, reason)"
                           " VALUES (?, ?, ?)", [(sid, a, r) for a, r in g.aliases.items()])
            # Only statements whose speaker changes are written: a small ingest into a large
            # store touches a few rows, not all of them.
            db.executemany("UPDATE statements SET speaker_id = ? WHERE speaker_name = ?"
                           " AND speaker_id IS NOT ?", [(sid, n, sid) for n in g.names])
            known = {n.casefold() for n in g.names}
            name_words = {w for n in g.names for w in word_keys(n)}
            # A mention is an alias when it is made of the speaker's name words only ("Lavrov",
            # "Sergei Lavrov"), not a pronoun or a title ("He", "Russian Foreign Minister ...").
            mentions = [m for (m,) in db.execute(
                "SELECT DISTINCT speaker_mention FROM statements WHERE speaker_id = ?", (sid,))
                if m and _NAME.match(m) and m.casefold() not in known
                and set(word_keys(m)) <= name_words]
            db.executemany("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, reason)"
                           " VALUES (?, ?, ?)",
                           [(sid, m, "mention resolved to this speaker in its article")
                            for m in mentions])
        db.execute("DELETE FROM speakers WHERE substr(name, 1, 1) = char(1)")


def add_override(db: sqlite3.Connection, action: str, a: str, b: str | None = None) -> None:
    with db:
        db.execute("INSERT INTO speaker_overrides (action, a, b) VALUES (?, ?, ?)", (action, a, b))
    relink(db)


def names_of(db: sqlite3.Connection, speaker_id: int) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT DISTINCT speaker_name FROM statements WHERE speaker_id = ?", (speaker_id,))]


def speakers(db: sqlite3.Connection, name: str | None = None,
             speaker_id: int | None = None) -> list[SpeakerRow]:
    """All speakers, or those whose name or an alias contains ``name``, or the one with
    ``speaker_id``; most quoted first."""
    where: str = ""
    args: list[object] = []
    if speaker_id is not None:
        where, args = " WHERE sp.id = ?", [speaker_id]
    elif name:
        where = (" WHERE sp.name LIKE ? OR EXISTS (SELECT 1 FROM speaker_aliases al"
                 " WHERE al.speaker_id = sp.id AND al.alias LIKE ?)")
        args = [f"%{name}%"] * 2
    rows = db.execute(
        "SELECT sp.id, sp.name, sp.kind, (SELECT count(*) FROM statements s"
        " WHERE s.speaker_id = sp.id) AS n FROM speakers sp" + where
        + " ORDER BY n DESC, sp.name", args).fetchall()
    out = []
    for sid, sname, kind, n in rows:
        aliases = [r[0] for r in db.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", (sid,))]
        roles = [{"role": r, "first_seen": f, "last_seen": last} for r, f, last in db.execute(
            # A yearless date (--MM-DD) cannot be ordered against dated ones.
            "SELECT role, min(published), max(published)"
            " FROM (SELECT role, CASE WHEN published LIKE '--%' THEN NULL ELSE published END"
            " AS published FROM name_roles"
            " WHERE name IN (SELECT speaker_name FROM statements WHERE speaker_id = ?))"
            " GROUP BY role ORDER BY count(*) DESC, role", (sid,))]
        out.append(SpeakerRow(sid, sname, kind, aliases, roles, n))
    return out


def merge_reasons(db: sqlite3.Connection, speaker_id: int) -> dict[str, str]:
    return dict(db.execute(
        "SELECT alias, reason FROM speaker_aliases WHERE speaker_id = ?", (speaker_id,)))


def profile(db: sqlite3.Connection, speaker_id: int) -> dict[str, object]:
    """A speaker's record: aliases and why, roles, and statements by month and by topic."""
    (row,) = speakers(db, speaker_id=speaker_id)
    months: dict[str, dict[str, object]] = {}
    for month, n in db.execute(
            "SELECT CASE WHEN s.published LIKE '--%' OR s.published IS NULL THEN 'undated'"
            " ELSE substr(s.published, 1, 7) END AS m, count(*)"
            " FROM statements s WHERE s.speaker_id = ? GROUP BY m ORDER BY m", (speaker_id,)):
        months[month] = {"month": month, "statements": n, "about": {}}
    for month, entity, n in db.execute(
            "SELECT CASE WHEN s.published LIKE '--%' OR s.published IS NULL THEN 'undated'"
            " ELSE substr(s.published, 1, 7) END AS m, ab.entity, count(*) AS n"
            " FROM statements s JOIN statement_about ab ON ab.statement_id = s.id"
            " WHERE s.speaker_id = ? GROUP BY m, ab.entity ORDER BY m, n DESC, ab.entity",
            (speaker_id,)):
        months[month]["about"][entity] = n  # type: ignore[index]
    about = dict(db.execute(
        "SELECT ab.entity, count(*) AS n FROM statements s"
        " JOIN statement_about ab ON ab.statement_id = s.id WHERE s.speaker_id = ?"
        " GROUP BY ab.entity ORDER BY n DESC, ab.entity", (speaker_id,)).fetchall())
    return {"id": row.id, "name": row.name, "kind": row.kind,
            "aliases": merge_reasons(db, speaker_id), "roles": row.roles,
            "statements": row.statements, "about": about, "by_month": list(months.values())}
