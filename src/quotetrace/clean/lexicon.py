"""The clean stage's rules and names, loaded once from the package's data files.

Rules are data (``data/clean_boilerplate.json``, ``data/clean_outlets.json``) so that a new kind
of page chrome or a new outlet is a one-line change that needs no code review of regexes in code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    max_line_chars: int
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (rule name, regex)
    exact: frozenset[str]
    block_markers: frozenset[str]
    caption_start: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class OutletNames:
    names: dict[str, str]  # folded name -> canonical spelling
    domains: dict[str, str]
    agencies: dict[str, str]  # folded agency -> outlet
    signatures: tuple[tuple[str, str], ...]  # (folded phrase, outlet)
    chrome: tuple[re.Pattern[str], ...]  # group "outlet" names the site printing the page


def _load(name: str) -> dict[str, Any]:
    text = resources.files("quotetrace").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


def fold(text: str) -> str:
    """Key for comparing short labels: casefolded, inner spaces collapsed, end punctuation off."""
    return " ".join(text.casefold().split()).strip(" .:!?»›>|-–—")


@cache
def boilerplate_rules() -> BoilerplateRules:
    data = _load("clean_boilerplate.json")
    return BoilerplateRules(
        max_line_chars=int(data["max_line_chars"]),
        patterns=tuple((k, re.compile(v)) for k, v in data["patterns"].items()),
        exact=frozenset(fold(x) for x in data["exact"]),
        block_markers=frozenset(fold(x) for x in data["block_markers"]),
        caption_start=re.compile(data["caption_starts"]),
    )


@cache
def outlet_names() -> OutletNames:
    data = _load("clean_outlets.json")
    names = {fold(n): n for n in data["names"]}
    names.update({fold(v): v for v in data["agencies"].values()})
    return OutletNames(
        names=names,
        domains=dict(data["domains"]),
        agencies={fold(k): v for k, v in data["agencies"].items()},
        # longest first, so that "Fox News Network" wins over a shorter phrase inside it
        signatures=tuple(
            sorted(
                ((fold(k), v) for k, v in data["signatures"].items()), key=lambda kv: -len(kv[0])
            )
        ),
        chrome=tuple(re.compile(p) for p in data["chrome"]),
    )
