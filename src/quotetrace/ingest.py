"""Ingest: the pipeline's records written to a store, one writer, with the run's accounting.

The CLI and the HTTP API both call this; neither writes to the store on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from .model import Extraction, Skipped
from .report import RunSummary
from .store import SQLiteStore


def ingest(
    items: Iterable[Extraction | Skipped],
    store: SQLiteStore,
    watch: Callable[[Iterator[Extraction | Skipped]], Iterator[Extraction | Skipped]] = iter,
) -> RunSummary:
    """Store every extraction (an article already stored counts as a duplicate), record every
    skip, then rebuild the speaker registry once. ``watch`` wraps the stream (a progress bar)."""
    summary = RunSummary()
    for item in watch(iter(items)):
        summary.count(item)
        if isinstance(item, Skipped):
            store.record_failure(item)
        elif store.add(item):
            summary.new += 1
        else:
            summary.duplicate += 1
    store.relink()
    return summary
