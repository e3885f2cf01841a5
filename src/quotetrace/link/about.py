"""What a statement is about: the entities it mentions, under one name each ('EU' = 'European
Union'), taken from the parse of the article."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from .names import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span

    from ..model import Statement

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


@cache
def _table() -> tuple[dict[str, str], frozenset[str]]:
    data = json.loads(
        resources.files("quotetrace").joinpath("data/link_entities.json").read_text("utf-8")
    )
    names = {fold(alias): group[0] for group in data["entities"] for alias in group}
    return names, frozenset(data["labels"])


def normalise(text: str) -> str:
    """The canonical name of an entity mention ('the U.S.' -> 'United States')."""
    names, _ = _table()
    text = " ".join(text.split())
    if fold(text) in names:
        return names[fold(text)]
    bare = _POSSESSIVE.sub("", _LEADING.sub("", text)).strip()
    return names.get(fold(bare), bare)


def about(ents: Sequence[Span], statement: Statement) -> tuple[str, ...]:
    """Entities mentioned inside the statement's span, canonical names, first mention first.

    ``ents`` is the document's ``doc.ents``, read once by the caller: spaCy builds the spans
    anew on every access."""
    _, labels = _table()
    seen: dict[str, None] = {}
    first = bisect_left(ents, statement.start, key=lambda e: e.start_char)
    for ent in ents[first:]:
        if ent.start_char >= statement.end:
            break
        if ent.label_ in labels:
            name = normalise(ent.text)
            if len(name) > 1:
                seen.setdefault(name, None)
    return tuple(seen)


# What the parser's entity label says about a speaker's kind. Places speak through their
# governments ("Kyiv rejected ..."), and so do nationalities used as actors.
_KIND_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "GPE": "government",
                  "NORP": "government"}


def entity_kind(ents: Sequence[Span], name: str) -> str | None:
    """The kind the parse gives ``name`` where it is an entity of the article (``doc.ents``),
    else None."""
    votes: dict[str, int] = {}
    for ent in ents:
        if ent.text == name and ent.label_ in _KIND_OF_LABEL:
            kind = _KIND_OF_LABEL[ent.label_]
            votes[kind] = votes.get(kind, 0) + 1
    return max(votes, key=lambda k: votes[k]) if votes else None
