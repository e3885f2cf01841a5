"""Charts for reports and pages, drawn with matplotlib's object API (no pyplot global state, so
the web server can draw in threads). SVG for pages, PNG for reports."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from io import BytesIO, StringIO
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

# Cooperation in blues and greens, conflict in oranges and reds: verbal lighter than material.
QUADS = (
    ("verbal cooperation", "#9ecae1"),
    ("material cooperation", "#3182bd"),
    ("verbal conflict", "#fdae6b"),
    ("material conflict", "#d94801"),
)


def relations_figure(rows: Iterable[Mapping[str, object]], title: str) -> Figure:
    """Stacked bars of events per period by quad class; conflict drawn below the axis."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        if r.get("negated") or r.get("hypothetical"):
            continue  # refusals and conditions are not acts of cooperation or conflict
        counts[str(r["period"])][str(r["quad"])] += int(r["count"])  # type: ignore[call-overload]
    periods = sorted(counts)
    fig = Figure(figsize=(9, 4.2), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    x = list(range(len(periods)))
    up = [0] * len(periods)
    down = [0] * len(periods)
    for quad, colour in QUADS:
        values = [counts[p].get(quad, 0) for p in periods]
        if "cooperation" in quad:
            ax.bar(x, values, bottom=up, color=colour, label=quad)
            up = [a + b for a, b in zip(up, values, strict=True)]
        else:
            ax.bar(x, [-v for v in values], bottom=[-d for d in down], color=colour, label=quad)
            down = [a + b for a, b in zip(down, values, strict=True)]
    ax.axhline(0, color="#444", linewidth=0.8)
    ax.set_xticks(x, periods, rotation=45 if len(periods) > 8 else 0, ha="right"
                  if len(periods) > 8 else "center")
    ax.set_xlim(-0.75, max(len(periods), 4) - 0.25)  # one period is one bar, not a wall
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(int(v))}"))
    ax.set_ylabel("events: cooperation ▲  conflict ▼")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    if not periods:
        ax.text(0.5, 0.5, "no dated events for this selection", ha="center", va="center",
                transform=ax.transAxes)
    return fig


def stacked_counts_figure(series: Mapping[str, Mapping[str, int]], title: str,
                          ylabel: str) -> Figure:
    """Stacked bars: ``series[period][category] = count`` (e.g. statements by topic a month)."""
    periods = sorted(series)
    totals: dict[str, int] = defaultdict(int)
    for p in periods:
        for cat, n in series[p].items():
            totals[cat] += n
    top = sorted(totals, key=lambda c: (-totals[c], c))[:7]
    fig = Figure(figsize=(9, 3.6), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    x = list(range(len(periods)))
    bottom = [0] * len(periods)
    for cat in [*top, "other"]:
        values = [series[p].get(cat, 0) if cat != "other" else
                  sum(n for c, n in series[p].items() if c not in top) for p in periods]
        if any(values):
            ax.bar(x, values, bottom=bottom, label=cat)
            bottom = [a + b for a, b in zip(bottom, values, strict=True)]
    ax.set_xticks(x, periods, rotation=45 if len(periods) > 8 else 0)
    ax.set_xlim(-0.75, max(len(periods), 4) - 0.25)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    if periods:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return fig


def to_svg(fig: Figure) -> str:
    buf = StringIO()
    fig.savefig(buf, format="svg")
    return buf.getvalue()


def save(fig: Figure, path: str | Path) -> None:
    """Write a figure; the format follows the file's suffix (.png, .svg, .pdf)."""
    fig.savefig(path)


def to_png(fig: Figure) -> bytes:
    buf = BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
