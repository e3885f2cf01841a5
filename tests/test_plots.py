"""Charts: drawn from rows, written as PNG and SVG, with article text escaped in SVG."""

from __future__ import annotations

from quotetrace.plots import relations_figure, stacked_counts_figure, to_png, to_svg

ROWS = [
    {"period": "2024-01", "quad": "verbal cooperation", "count": 3, "negated": False},
    {"period": "2024-01", "quad": "material conflict", "count": 2, "negated": False},
    {"period": "2024-02", "quad": "verbal conflict", "count": 1, "negated": False},
    {"period": "2024-02", "quad": "material cooperation", "count": 9, "negated": True},
]


def test_relations_chart_png_and_svg() -> None:
    fig = relations_figure(ROWS, 'Norland toward <script>alert("x")</script>')
    assert to_png(fig).startswith(b"\x89PNG")
    svg = to_svg(fig)
    assert svg.lstrip().startswith(("<?xml", "<svg")) and "<script>" not in svg
    # the negated row is not drawn as cooperation: two periods, bars for 3 + 2 and 1
    ax = fig.axes[0]
    heights = sorted(round(abs(p.get_height())) for p in ax.patches if p.get_height())
    assert heights == [1, 2, 3]


def test_empty_relations_chart_says_so() -> None:
    svg = to_svg(relations_figure([], "nothing"))
    assert "no dated events" in svg


def test_stacked_counts_keep_top_categories() -> None:
    series = {"2024-01": {"EU": 3, "NATO": 1}, "2024-02": {"EU": 1, "Syria": 2}}
    fig = stacked_counts_figure(series, "statements by topic", "statements")
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert labels[:3] == ["EU", "Syria", "NATO"]
