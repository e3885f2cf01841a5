"""The relations command: event counts between actors over time, and their chart."""

from __future__ import annotations

import csv
import json
import sys

import click
from rich.console import Console
from rich.table import Table

from ..store.events import RelationFilters
from .common import db_option, main, store_at


@main.command()
@db_option
@click.option("--source", help="Source actor: a code (RUS, EU) or words of its name.")
@click.option("--target", help="Target actor: a code or words of its name.")
@click.option("--by", type=click.Choice(["month", "year"]), default="month", show_default=True)
@click.option("--outlet", help="Only events from articles of this outlet.")
@click.option("--since", help="From this date (YYYY[-MM[-DD]]).")
@click.option("--until", help="Up to this date (YYYY[-MM[-DD]]).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table",
              show_default=True)
@click.option("--plot", type=click.Path(dir_okay=False), help="Also draw a chart (.png, .svg).")
def relations(db: str | None, source: str | None, target: str | None, by: str,
              outlet: str | None, since: str | None, until: str | None, fmt: str,
              plot: str | None) -> None:
    """Per period: each event type and quad class for each source-target pair, and the
    cooperation-conflict balance (+1 all cooperation, -1 all conflict)."""
    f = RelationFilters(source=source, target=target, by=by, outlet=outlet, since=since,
                        until=until)
    with store_at(db) as store:
        rows = store.relations(f)
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        if rows:
            w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    else:
        table = Table(expand=True)
        for col in ("period", "source", "target", "event", "quad", "negated", "count",
                    "balance"):
            table.add_column(col)
        for r in rows:
            table.add_row(*(str(r[c]) if r[c] is not None else "" for c in (
                "period", "source", "target", "event", "quad", "negated", "count", "balance")))
        Console().print(table)
    if plot:
        from ..plots import relations_figure, save

        title = f"{source or 'any actor'} toward {target or 'any actor'}, by {by}"
        save(relations_figure(rows, title), plot)
        click.echo(f"chart written to {plot}", err=True)
