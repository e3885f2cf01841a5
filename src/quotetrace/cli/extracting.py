"""Commands that run the pipeline: extract, ingest, evaluate, code."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

import click

from .. import pipeline
from ..errors import QuotetraceError
from ..export import events_record, extraction_record
from ..ingest import ingest as run_ingest
from ..model import Extraction
from ..options import Options
from ..report import RunSummary
from .common import (
    db_option,
    err,
    finish,
    main,
    max_bytes_option,
    model_option,
    options_from,
    paths_arg,
    store_at,
    with_progress,
)

output_option = click.option("-o", "--output", type=click.File("w", encoding="utf-8"),
                             default="-", help="Write JSONL here (default: standard output).")


def _write_jsonl(paths: tuple[str, ...], output: IO[str], options: Options,
                 record: Callable[[Extraction], dict[str, Any]], label: str) -> None:
    summary = RunSummary()
    for item in with_progress(pipeline.run(paths, options), label):
        summary.count(item)
        if isinstance(item, Extraction):
            output.write(json.dumps(record(item), ensure_ascii=False) + "\n")
    output.flush()
    finish(summary)


@main.command()
@paths_arg
@output_option
@max_bytes_option
@model_option
def extract(paths: tuple[str, ...], output: IO[str], max_bytes: int | None,
            model: str | None, entities: str) -> None:
    """Extract statements from PATHS (files, folders, - for stdin) as JSONL, one article a line."""
    _write_jsonl(paths, output, options_from(max_bytes, model, entities), extraction_record,
                 "extracting")


@main.command()
@paths_arg
@db_option
@max_bytes_option
@model_option
def ingest(paths: tuple[str, ...], db: str | None, max_bytes: int | None,
           model: str | None, entities: str) -> None:
    """Extract statements from PATHS and store them; an article already stored is kept once."""
    try:
        with store_at(db) as store:
            options = options_from(max_bytes, model, entities)
            summary = run_ingest(pipeline.run(paths, options), store,
                                 lambda items: with_progress(items, "ingesting"))
            err.print(f"store {store.path}: " + ", ".join(
                f"{k} {v}" for k, v in store.counts().items()), highlight=False)
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc
    finish(summary)


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--min-attributed-f1", type=float, default=None,
              help="Exit with status 1 when attributed F1 is below this.")
@model_option
def evaluate(gold: str, paths: tuple[str, ...], as_json: bool, min_attributed_f1: float | None,
             model: str | None, entities: str) -> None:
    """Run extraction on PATHS and score it against GOLD (the quote-gold/1 format)."""
    from ..evaluate import evaluate_paths, format_report

    try:
        result = evaluate_paths(gold, paths, options_from(None, model, entities))
    except (QuotetraceError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, indent=1) if as_json else format_report(result))
    if min_attributed_f1 is not None and result["attributed_f1"] < min_attributed_f1:
        raise SystemExit(1)


@main.command()
@paths_arg
@output_option
@max_bytes_option
@model_option
def code(paths: tuple[str, ...], output: IO[str], max_bytes: int | None,
         model: str | None, entities: str) -> None:
    """PLOVER events of PATHS as JSONL: {"id", "events": [...]} a document, main event first."""
    _write_jsonl(paths, output, options_from(max_bytes, model, entities), events_record,
                 "coding")
