"""SQL fragments the store's queries share."""

from __future__ import annotations


def date_range(column: str, since: str | None, until: str | None) -> tuple[list[str], list[object]]:
    """Conditions for ``since <= column <= until`` (prefix dates: '2024' or '2024-03' work).

    Dates without a year (--MM-DD) cannot be placed in a range, so a range leaves them out.
    """
    where: list[str] = []
    args: list[object] = []
    if since:
        where.append(f"{column} >= ? AND {column} NOT LIKE '--%'")
        args.append(since)
    if until:
        # "2024-03" must include "2024-03-31": compare against the prefix padded high.
        where.append(f"{column} <= ? AND {column} NOT LIKE '--%'")
        args.append(until + "\uffff")
    return where, args
