"""Name keys: the parts of a person's name reduced so that spelling variants meet.

Pure functions over strings; the rewrite table is data (``data/link_names.json``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache
def _table() -> dict[str, list]:
    text = resources.files("quotetrace").joinpath("data/link_names.json").read_text("utf-8")
    return json.loads(text)


@cache
def _rewrites() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(a), b) for a, b in _table()["rewrites"])


def fold(text: str) -> str:
    """Casefold and strip accents: 'Müller' and 'Muller' are one spelling for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def word_key(word: str) -> str:
    """One name word reduced by the transliteration rewrites ('Sergey' -> 'sergei')."""
    w = fold(word).replace("’", "").replace("'", "").replace("-", "")
    for pattern, repl in _rewrites():
        w = pattern.sub(repl, w)
    return w


@dataclass(frozen=True, slots=True)
class NameParts:
    given: tuple[str, ...]  # keys of the given names (and patronymics), in order
    surname: str  # key of the family name ('' when the name is one word)
    words: int  # number of name words, honorifics left out


def parts(name: str) -> NameParts:
    """Split a person's name into given names and surname keys, honorifics left out."""
    honorific = set(_table()["honorifics"])
    particles = set(_table()["particles"])
    words = [w for w in _WORD.findall(name) if fold(w).rstrip(".") not in honorific]
    if not words:
        return NameParts((), "", 0)
    # Surname particles ('al-Assad', 'van der Berg') belong to the surname.
    i = len(words) - 1
    while i > 0 and fold(words[i - 1]) in particles:
        i -= 1
    surname = "".join(word_key(w) for w in words[i:])
    given = tuple(word_key(w) for w in words[:i])
    return NameParts(given, surname, len(words))


def key(name: str) -> str:
    """A whole-name key: equal keys are the same name under spelling variation."""
    p = parts(name)
    return " ".join((*p.given, p.surname)).strip()
