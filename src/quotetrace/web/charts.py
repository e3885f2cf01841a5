"""Charts for the pages, drawn on the server as SVG through ``quotetrace.plots``.

Drawing takes tens of milliseconds, so the SVG is cached by what it shows; the cache key is the
data itself, so a new ingest changes the key and nothing stale is served.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache


@lru_cache(maxsize=256)
def _svg(kind: str, payload: str, title: str) -> str:
    from .. import plots  # matplotlib loads on the first chart, not at server start

    data = json.loads(payload)
    if kind == "timeline":
        fig = plots.stacked_counts_figure(data, title, "statements")
    else:
        fig = plots.relations_figure(data, title)
    return plots.to_svg(fig)


def timeline_svg(by_month: Sequence[Mapping[str, object]], title: str) -> str:
    """Statements a month, stacked by what they are about (statements about nothing named
    count as 'no named topic' so the bars add up to the month's statements)."""
    series: dict[str, dict[str, int]] = {}
    for m in by_month:
        about = dict(m.get("about") or {})  # type: ignore[call-overload]
        n = int(m["statements"])  # type: ignore[call-overload]
        rest = n - sum(about.values()) if sum(about.values()) <= n else 0
        if rest > 0:
            about["no named topic"] = rest
        series[str(m["month"])] = about
    return _svg("timeline", json.dumps(series, sort_keys=True), title)


def relations_svg(rows: Sequence[Mapping[str, object]], title: str) -> str:
    return _svg("relations", json.dumps(list(rows), sort_keys=True, default=str), title)
