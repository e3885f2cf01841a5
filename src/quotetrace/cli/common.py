"""The command-line tool: the ``main`` group, shared options and helpers.

Commands are thin: they parse options, call the library, and format what it returns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..errors import QuotetraceError
from ..model import Extraction, Skipped
from ..options import Options
from ..report import RunSummary
from ..store import SQLiteStore, open_store

err = Console(stderr=True)


def options_from(max_bytes: int | None, model: str | None, entities: str = "rules") -> Options:
    kw: dict[str, object] = {"entities": entities}
    if max_bytes:
        kw["max_bytes"] = max_bytes
    if model:
        kw["model"] = model
    return Options(**kw)  # type: ignore[arg-type]


paths_arg = click.argument("paths", nargs=-1, required=True)
max_bytes_option = click.option(
    "--max-bytes", type=int, default=None,
    help="Skip single files larger than this (default 64 MiB).")
_model = click.option(
    "--model", default=None, help="spaCy model to load instead of the default.")
_entities = click.option(
    "--entities", type=click.Choice(["rules", "model"]), default="rules", show_default=True,
    help="Named entities from the package's rules and tables (fast) or the model's statistical "
         "recogniser (about 1.5x the parse time).")


def model_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--model`` and ``--entities``: how the text is parsed."""
    return _model(_entities(f))
db_option = click.option(
    "--db", "db", default=None, envvar="QUOTETRACE_DB",
    help="SQLite file (default: quotetrace.db in the user data directory, or $QUOTETRACE_DB).")


@click.group()
@click.version_option(package_name="quotetrace")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage decides.")
def main(verbose: bool) -> None:
    """quotetrace: who said what, when, about whom, and how each outlet reported it."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


def with_progress(items: Iterator[Extraction | Skipped], label: str) -> Iterator[
        Extraction | Skipped]:
    progress = Progress(SpinnerColumn(), TextColumn(label), BarColumn(), TextColumn(
        "{task.completed} documents"), TimeElapsedColumn(), console=err, transient=True,
        disable=not err.is_terminal)
    with progress:
        task = progress.add_task(label, total=None)
        for item in items:
            progress.advance(task)
            yield item


def finish(summary: RunSummary) -> None:
    for s in summary.skipped:
        err.print(f"skipped {s.uri}: {s.reason}", style="yellow", highlight=False, markup=False)
    for line in summary.lines():
        err.print(line, highlight=False, markup=False)
    if summary.read == 0:
        raise SystemExit(1)


fmt_option = click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]),
                          default="table", show_default=True)


def store_at(db: str | None) -> SQLiteStore:
    try:
        return open_store(db)
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc
