"""The store: articles, statements and speakers in SQLite (the embedded default).

Only ``ingest`` writes; workers produce records and one writer commits them in transactions.
"""

from __future__ import annotations

import os
from pathlib import Path

from .sqlite import Filters, Found, SQLiteStore, StatementRow, Totals

__all__ = ["Filters", "Found", "SQLiteStore", "StatementRow", "Totals", "default_path",
           "open_store"]

ENV_VAR = "QUOTETRACE_DB"


def default_path() -> Path:
    """``$QUOTETRACE_DB``, else ``quotetrace.db`` in the user's data directory."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    from platformdirs import user_data_path

    return user_data_path("quotetrace") / "quotetrace.db"


def open_store(path: str | Path | None = None, *, readonly: bool = False,
               check_same_thread: bool = True, totals: Totals | None = None) -> SQLiteStore:
    """The store at ``path``; connections that share ``totals`` share the counts they paid for."""
    return SQLiteStore(Path(path) if path else default_path(), readonly=readonly,
                       check_same_thread=check_same_thread, totals=totals)
