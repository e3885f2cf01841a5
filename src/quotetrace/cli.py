"""The command-line tool: a thin layer that parses options, calls the library, formats output."""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import asdict
from typing import IO

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import pipeline
from .errors import QuotetraceError
from .export import extraction_record
from .model import KINDS, Extraction, Skipped
from .options import Options
from .report import RunSummary
from .store import Filters, StatementRow, open_store

err = Console(stderr=True)


def _options(max_bytes: int | None, model: str | None) -> Options:
    kw: dict[str, object] = {}
    if max_bytes:
        kw["max_bytes"] = max_bytes
    if model:
        kw["model"] = model
    return Options(**kw)  # type: ignore[arg-type]


_paths = click.argument("paths", nargs=-1, required=True)
_max_bytes = click.option("--max-bytes", type=int, default=None,
                          help="Skip single files larger than this (default 64 MiB).")
_model = click.option("--model", default=None, help="spaCy model to load instead of the default.")
_db = click.option("--db", "db", default=None, envvar="QUOTETRACE_DB",
                   help="SQLite file (default: quotetrace.db in the user data directory; "
                   "or $QUOTETRACE_DB).")


@click.group()
@click.version_option(package_name="quotetrace")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage decides.")
def main(verbose: bool) -> None:
    """quotetrace: who said what, when, about whom, and how each outlet reported it."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


def _with_progress(items: Iterator[Extraction | Skipped], label: str) -> Iterator[
        Extraction | Skipped]:
    progress = Progress(SpinnerColumn(), TextColumn(label), BarColumn(), TextColumn(
        "{task.completed} documents"), TimeElapsedColumn(), console=err, transient=True,
        disable=not err.is_terminal)
    with progress:
        task = progress.add_task(label, total=None)
        for item in items:
            progress.advance(task)
            yield item


def _finish(summary: RunSummary) -> None:
    for s in summary.skipped:
        err.print(f"skipped {s.uri}: {s.reason}", style="yellow", highlight=False, markup=False)
    for line in summary.lines():
        err.print(line, highlight=False, markup=False)
    if summary.read == 0:
        raise SystemExit(1)


@main.command()
@_paths
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write JSONL here (default: standard output).")
@_max_bytes
@_model
def extract(paths: tuple[str, ...], output: IO[str], max_bytes: int | None,
            model: str | None) -> None:
    """Extract statements from PATHS (files, folders, - for stdin) as JSONL, one article a line."""
    summary = RunSummary()
    for item in _with_progress(pipeline.run(paths, _options(max_bytes, model)), "extracting"):
        summary.count(item)
        if isinstance(item, Extraction):
            output.write(json.dumps(extraction_record(item), ensure_ascii=False) + "\n")
    output.flush()
    _finish(summary)


@main.command()
@_paths
@_db
@_max_bytes
@_model
def ingest(paths: tuple[str, ...], db: str | None, max_bytes: int | None,
           model: str | None) -> None:
    """Extract statements from PATHS and store them; an article already stored is kept once."""
    summary = RunSummary()
    try:
        with open_store(db) as store:
            for item in _with_progress(pipeline.run(paths, _options(max_bytes, model)),
                                       "ingesting"):
                summary.count(item)
                if isinstance(item, Skipped):
                    store.record_failure(item)
                elif store.add(item):
                    summary.new += 1
                else:
                    summary.duplicate += 1
            store.relink()
            err.print(f"store {store.path}: " + ", ".join(
                f"{k} {v}" for k, v in store.counts().items()), highlight=False)
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc
    _finish(summary)


@main.command()
@click.argument("query", required=False)
@_db
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
        with open_store(db) as store:
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


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--min-attributed-f1", type=float, default=None,
              help="Exit with status 1 when attributed F1 is below this.")
@_model
def evaluate(gold: str, paths: tuple[str, ...], as_json: bool, min_attributed_f1: float | None,
             model: str | None) -> None:
    """Run extraction on PATHS and score it against GOLD (the quote-gold/1 format)."""
    from .evaluate import evaluate_paths, format_report

    try:
        result = evaluate_paths(gold, paths, _options(None, model))
    except (QuotetraceError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, indent=1) if as_json else format_report(result))
    if min_attributed_f1 is not None and result["attributed_f1"] < min_attributed_f1:
        raise SystemExit(1)


_fmt = click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
                    show_default=True)


@main.group(invoke_without_command=True)
@_db
@_fmt
@click.pass_context
def speakers(ctx: click.Context, db: str | None, fmt: str) -> None:
    """List speakers (one a real person or organisation, under every spelling); merge or split."""
    ctx.obj = db
    if ctx.invoked_subcommand:
        return
    with _store(db) as store:
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
    with _store(db) as store:
        store.merge_speakers(a, b)
        merged = store.speakers(a)
    click.echo(f"merged: {merged[0].name} ({', '.join(merged[0].aliases)})" if merged else
               f"recorded; no stored speaker is named {a!r} yet")


@speakers.command("split")
@click.argument("name")
@click.pass_obj
def speakers_split(db: str | None, name: str) -> None:
    """Make NAME a speaker of its own, apart from any automatic merge; later ingests respect it."""
    with _store(db) as store:
        store.split_speaker(name)
    click.echo(f"split: {name} is now a speaker of its own")


@main.command()
@click.argument("name")
@_db
@_fmt
def speaker(name: str, db: str | None, fmt: str) -> None:
    """One speaker: aliases and why, roles, statements by month and by what they are about."""
    with _store(db) as store:
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
@_db
@click.option("--speaker", help="Speaker name or alias contains this.")
@click.option("--about", help="Only statements that mention this entity.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@_fmt
def statements(query: str | None, db: str | None, speaker: str | None, about: str | None,
               limit: int, fmt: str) -> None:
    """Utterances with every outlet that carried them: first seen first, wording differences."""
    with _store(db) as store:
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


def _store(db: str | None):  # type: ignore[no-untyped-def]
    try:
        return open_store(db)
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc
