"""Roles an article gives a speaker: the title before the name ('Russian Foreign Minister Sergey
Lavrov') or the apposition after it ('Jonas Brekke, Estmark's foreign minister,')."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources


@cache
def _heads() -> tuple[str, ...]:
    data = json.loads(
        resources.files("quotetrace").joinpath("data/link_roles.json").read_text("utf-8")
    )
    return tuple(sorted(data["heads"], key=len, reverse=True))


_TITLE_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’-]*|of|the|for|and)"
_TITLES = re.compile(rf"(?<![\w'’.])((?:{_TITLE_WORD}\s+){{1,6}})$")
_WINDOW = 300  # characters: six title words and their spaces


def _is_role(text: str) -> bool:
    # The head may be followed by its complement: 'Secretary of State', 'Minister for Europe'.
    low = f" {text.casefold().rstrip(' ,.')} "
    return any(f" {h} " in low for h in _heads())


def roles_in(body: str, name: str) -> list[str]:
    """Distinct roles the text gives ``name``, in order of first appearance."""
    if len(name.split()) < 2:
        return []  # a bare surname would take the given name for part of the title
    found: dict[str, None] = {}
    esc = re.escape(name)
    named = re.compile(rf"{esc}\b")
    # Titles are read backwards from each place the name occurs (a scan of the whole body for
    # "titles then the name" tries every position of the text, for every speaker).
    for m in named.finditer(body):
        window = body[max(0, m.start() - _WINDOW) : m.start()]
        t = _TITLES.search(window)
        if t is None:
            continue
        words = t.group(1).split()
        # Keep the longest run of title words that ends in a role head noun.
        while words and words[0].casefold() in ("of", "the", "for", "and"):
            words = words[1:]
        candidate = " ".join(words)
        if candidate and _is_role(candidate):
            found.setdefault(candidate, None)
    after = re.compile(rf"\b{esc},\s+((?:the\s+)?[^,.;:\"“”]{{3,60}}?),")
    for m in after.finditer(body):
        candidate = m.group(1).strip()
        if _is_role(candidate):
            found.setdefault(candidate, None)
    return list(found)
