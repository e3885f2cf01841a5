"""Relations over time: counts per period and pair, negated events apart, the balance."""

from __future__ import annotations

import pytest

from quotetrace.events.relations import aggregate, balance

RUS = {"text": "Russia", "code": "RUS"}
EU = {"text": "European Union", "code": "IGO"}
NATO = {"text": "NATO", "code": "IGO"}


def row(event, quad, published, negated=False, source=RUS, target=EU):
    return {"source": source, "target": target, "event": event, "quad": quad,
            "negated": negated, "published": published}  # fmt: skip


def test_counts_per_month_and_pair():
    rows = [
        row("ACCUSE", "verbal conflict", "2022-12-27"),
        row("AGREE", "verbal cooperation", "2022-12-03"),
        row("AGREE", "verbal cooperation", "2022-11-20"),
        row("COOPERATE", "material cooperation", "2022-12-27", negated=True),
        row("ACCUSE", "verbal conflict", "2022-12-27", target=NATO),
    ]
    out = {(r["period"], r["target"]): r for r in aggregate(rows, by="month")}
    december = out[("2022-12", "IGO:European Union")]
    assert december["events"] == {"ACCUSE": 1, "AGREE": 1}
    assert december["negated"] == {"COOPERATE": 1}
    assert december["balance"] == 0.0
    assert out[("2022-11", "IGO:European Union")]["balance"] == 1.0
    assert out[("2022-12", "IGO:NATO")]["balance"] == -1.0  # organisations kept apart by name


def test_by_year_and_undated_rows():
    rows = [
        row("ASSAULT", "material conflict", "2022-02-24"),
        row("AID", "material cooperation", None),
        row("AID", "material cooperation", "--05-09"),
    ]
    out = {r["period"]: r for r in aggregate(rows, by="year")}
    assert out["2022"]["quads"] == {"material conflict": 1}
    assert out[None]["total"] == 2  # no year is never guessed


def test_balance_definition():
    assert balance(3, 1) == 0.5
    assert balance(0, 0) is None


def test_bad_period():
    with pytest.raises(ValueError, match="month"):
        aggregate([], by="week")  # type: ignore[arg-type]
