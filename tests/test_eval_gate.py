"""The evaluation gate: the pipeline must not fall below the accuracy pinned in eval/floors.json.

Each suite (the seed articles, the PolNeAR dev split) is run through the pipeline once per test
session and scored with ``quotetrace.evaluate``; every pinned figure is then its own test, so a
failure names exactly which figure dropped. See eval/README.md for when a floor may move.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quotetrace.evaluate import evaluate_paths, score

FLOORS_FILE = Path(__file__).resolve().parents[1] / "eval" / "floors.json"
FLOORS: dict[str, Any] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
TOLERANCE: float = FLOORS["tolerance"]
PINNED = [
    (suite, figure, floor)
    for suite, spec in FLOORS["suites"].items()
    for figure, floor in spec["floors"].items()
]


def figure_of(result: dict[str, Any], name: str) -> float:
    """A score figure by name; dots reach into nested figures (attributed_recall_by_kind.direct)."""
    value: Any = result
    for part in name.split("."):
        value = value[part]
    return value


@pytest.fixture(scope="module")
def scored(shared: Path) -> Callable[[str], dict[str, Any]]:
    """Scores of a suite, computed on first use: PolNeAR dev is parsed once per session."""
    cache: dict[str, dict[str, Any]] = {}

    def get(suite: str) -> dict[str, Any]:
        if suite not in cache:
            spec = FLOORS["suites"][suite]
            gold, inputs = shared / spec["gold"], shared / spec["input"]
            for path in (gold, inputs):
                if not path.exists():
                    pytest.skip(f"{suite}: {path} is missing from the shared data")
            cache[suite] = evaluate_paths(gold, [str(inputs)])
        return cache[suite]

    return get


@pytest.mark.parametrize(
    ("suite", "figure", "floor"), PINNED, ids=[f"{s}:{f}" for s, f, _ in PINNED]
)
def test_figure_holds_its_floor(
    scored: Callable[[str], dict[str, Any]], suite: str, figure: str, floor: float
) -> None:
    result = scored(suite)
    value = figure_of(result, figure)
    assert value is not None, f"{suite} {figure}: no value (nothing to score it on)"
    assert value >= floor - TOLERANCE, (
        f"{suite} {figure} is {value:.4f}, below its floor {floor:.4f} "
        f"(tolerance {TOLERANCE}); fix the regression, or lower the floor in eval/floors.json "
        "with the reason in the commit message"
    )


@pytest.mark.parametrize("suite", list(FLOORS["suites"]))
def test_every_document_reaches_the_scorer(
    scored: Callable[[str], dict[str, Any]], suite: str
) -> None:
    # a document the pipeline skipped silently lowers recall; say which one and why instead
    result = scored(suite)
    assert result["missing_documents"] == [], (
        f"{suite}: no output for {result['missing_documents'][:5]}; "
        f"skipped: {result['skipped'][:5]}"
    )


def test_floors_name_real_figures() -> None:
    # a misspelt figure would otherwise only fail once the pipeline has run for a minute
    known = set(score({"documents": {}}, []))
    for suite, figure, floor in PINNED:
        assert figure.split(".")[0] in known, f"{suite}: unknown figure {figure!r}"
        assert 0.0 < floor <= 1.0, f"{suite} {figure}: floor {floor} is not a share in (0, 1]"
