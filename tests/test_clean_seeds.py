"""The clean stage on the real seed articles (../shared/seeds) against their answer key."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from quotetrace.clean import clean
from quotetrace.model import Article, Source
from quotetrace.options import Options


def _words(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return " ".join(re.findall(r"\w+", text.casefold()))


@pytest.fixture(scope="module")
def seeds(shared: Path) -> list[tuple[dict[str, Any], Article]]:
    gold = json.loads((shared / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))
    out = []
    for name, want in gold["documents"].items():
        path = shared / "seeds" / name
        source = Source(uri=str(path), doc=name, media="text", text=path.read_text("utf-8"))
        out.append((want, clean(source, Options())))
    return out


def test_seed_boilerplate_is_removed(seeds: list[tuple[dict[str, Any], Article]]) -> None:
    left = [(a.doc, b) for want, a in seeds for b in want.get("boilerplate", []) if b in a.body]
    assert not left


def test_seed_statements_survive(seeds: list[tuple[dict[str, Any], Article]]) -> None:
    lost = [
        (a.doc, s["text"][:60])
        for want, a in seeds
        for s in want["statements"]
        if not s.get("optional") and _words(s["text"]) not in _words(a.body)
    ]
    assert not lost


@pytest.mark.parametrize("field", ["title", "published", "outlet"])
def test_seed_metadata(seeds: list[tuple[dict[str, Any], Article]], field: str) -> None:
    wrong, missing = [], []
    for want, a in seeds:
        if want.get(field) is None:
            continue
        accept = want.get(f"{field}_accept") or [want[field]]
        got = getattr(a, field)
        if not got:
            missing.append(a.doc)
        elif field == "published":
            if got[:10] not in accept:
                wrong.append((a.doc, got))
        elif _words(got) not in {_words(x) for x in accept}:
            wrong.append((a.doc, got))
    assert not wrong
    assert len(missing) <= 1


def test_seed_languages_and_year_less_dateline(
    seeds: list[tuple[dict[str, Any], Article]],
) -> None:
    assert {a.language for _, a in seeds} == {"en"}
    precisions = {a.published: a.published_precision for _, a in seeds}
    assert "month-day" in precisions.values()  # a /TASS/ dateline without a year
    assert all(p is None or p[:2] != "--" or precisions[p] == "month-day" for p in precisions)
