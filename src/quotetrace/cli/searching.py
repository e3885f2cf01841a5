"""Commands that read the store: quotes, statements, speakers, speaker."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import QuotetraceError
from ..model import KINDS
from ..store import Filters, StatementRow
from .common import db_option, fmt_option, main, store_at


@main.command()
@click.argument("query", required=False)
@db_option
@click.option("--speaker", help="Speaker name or alias contains this (case-insensitive).")
@click.option("--outlet", help="Outlet name contains this.")
@click.option("--since", help="Published on or after this date (YYYY[-MM[-DD]]).")
@click.option("--until", help="Published on or before this date (YYYY[-MM[-DD]]).")
@click.option("--kind", type=click.Choice(KINDS), help="Only statements of this kind.")
@click.option("--about", help="Only statements that mention this entity ('EU' = 'European Union').")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True)
def quotes(query: str | None, db: str | None, speaker: str | None, outlet: str | None,
           since: str | None, until: str | None, kind: str | None, about: str | None,
           limit: int, fmt: str) -> None:
    """Search stored statements: full-text QUERY (all words must occur) and filters."""
    filters = Filters(speaker=speaker, outlet=outlet, since=since, until=until, kind=kind,
                      about=about, limit=limit)
    try:
        with store_at(db) as store:
            rows = store.search(query, filters)
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_rows(rows, fmt)


def _print_rows(rows: list[StatementRow], fmt: str) -> None:
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(asdict(r), ensure_ascii=False))
    elif fmt == "csv":
        fields = list(StatementRow.__dataclass_fields__)
        w = csv.DictWriter(sys.stdout, fieldnames=fields)
        w.writeheader()
        for r in rows:
            w.writerow(asdict(r))
    else:
        print_table(rows, Console())


def print_table(rows: list[StatementRow], console: Console) -> None:
    # Two columns keep the statement readable on an 80-column terminal.
    table = Table(expand=True, show_lines=True)
    table.add_column("who, when, where", max_width=26)
    table.add_column("statement", ratio=1)
    for r in rows:
        who = r.speaker or f"({r.speaker_mention or 'unknown'})"
        how = f"{r.kind}, {r.cue}" if r.cue else r.kind
        meta = f"{who}\n{how}\n{r.published or 'undated'}\n{r.outlet or ''}".rstrip()
        table.add_row(meta, r.text)
    console.print(table)
    console.print(f"{len(rows)} statement(s)", highlight=False)


@main.group(invoke_without_command=True)
@db_option
@fmt_option
@click.pass_context
def speakers(ctx: click.Context, db: str | None, fmt: str) -> None:
    """List speakers (one a real person or organisation, under every spelling); merge or split."""
    ctx.obj = db
    if ctx.invoked_subcommand:
        return
    with store_at(db) as store:
        rows = store.speakers()
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps({"id": r.id, "name": r.name, "aliases": r.aliases,
                                   "kind": r.kind, "roles": r.roles,
                                   "statements": r.statements}, ensure_ascii=False))
        return
    table = Table(expand=True)
    for col in ("name", "kind", "aliases", "roles", "statements"):
        table.add_column(col)
    for r in rows:
        table.add_row(r.name, r.kind or "", ", ".join(r.aliases),
                      ", ".join(str(x["role"]) for x in r.roles), str(r.statements))
    Console().print(table)


@speakers.command("merge")
@click.argument("a")
@click.argument("b")
@click.pass_obj
def speakers_merge(db: str | None, a: str, b: str) -> None:
    """Make names A and B one speaker; later ingests keep them together."""
    with store_at(db) as store:
        store.merge_speakers(a, b)
        merged = store.speakers(a)
    click.echo(f"merged: {merged[0].name} ({', '.join(merged[0].aliases)})" if merged else
               f"recorded; no stored speaker is named {a!r} yet")


@speakers.command("split")
@click.argument("name")
@click.pass_obj
def speakers_split(db: str | None, name: str) -> None:
    """Make NAME a speaker of its own, apart from any automatic merge; later ingests respect it."""
    with store_at(db) as store:
        store.split_speaker(name)
    click.echo(f"split: {name} is now a speaker of its own")


@main.command()
@click.argument("name")
@db_option
@fmt_option
def speaker(name: str, db: str | None, fmt: str) -> None:
    """One speaker: aliases and why, roles, statements by month and by what they are about."""
    with store_at(db) as store:
        found = store.speakers(name)
        if not found:
            raise click.ClickException(f"no speaker whose name or alias contains {name!r}")
        profile = store.speaker_profile(found[0].id)
    if fmt == "jsonl":
        click.echo(json.dumps(profile, ensure_ascii=False))
        return
    con = Console()
    con.print(f"[bold]{escape(profile['name'])}[/] ({profile['kind'] or 'kind unknown'}), "
              f"{profile['statements']} statements", highlight=False)
    for alias, why in profile["aliases"].items():
        con.print(f"  alias {alias}: {why}", highlight=False, markup=False)
    for role in profile["roles"]:
        con.print(f"  role {role['role']} (seen {role['first_seen'] or '?'} to "
                  f"{role['last_seen'] or '?'})", highlight=False, markup=False)
    table = Table(title="statements by month")
    table.add_column("month")
    table.add_column("statements", justify="right")
    table.add_column("most about")
    for m in profile["by_month"]:
        table.add_row(m["month"], str(m["statements"]), ", ".join(
            f"{k} {v}" for k, v in list(m["about"].items())[:5]))
    con.print(table)


@main.command()
@click.argument("query", required=False)
@db_option
@click.option("--speaker", help="Speaker name or alias contains this.")
@click.option("--about", help="Only statements that mention this entity.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@fmt_option
def statements(query: str | None, db: str | None, speaker: str | None, about: str | None,
               limit: int, fmt: str) -> None:
    """Utterances with every outlet that carried them: first seen first, wording differences."""
    with store_at(db) as store:
        rows = store.search(query, Filters(speaker=speaker, about=about, limit=100_000))
        seen: dict[int, None] = {}
        for r in rows:
            if r.cluster_id is not None:
                seen.setdefault(r.cluster_id, None)
        found = [c for cid in list(seen)[:limit] if (c := store.cluster(cid))]
    if fmt == "jsonl":
        for c in found:
            click.echo(json.dumps(asdict(c), ensure_ascii=False))
        return
    con = Console()
    for c in found:
        con.print(f"[bold]#{c.id}[/] {escape(c.speaker or '(unknown)')}: {escape(c.text)}",
                  highlight=False)
        con.print(f"  first seen {c.first_seen or '?'} in {c.first_outlet or '?'}; carried by "
                  f"{', '.join(c.outlets) or '?'} ({len(c.members)} copies)", highlight=False,
                  markup=False)
        for m in c.members:
            if m["differs"]:
                con.print(f"    {m['outlet']}: differs in {' '.join(map(str, m['differs']))}",
                          highlight=False, markup=False)


