"""Utterance clusters: the same statement as carried by several articles, however it was
trimmed, re-punctuated, spelled or lightly re-translated.

Texts are reduced to a matching key (case, punctuation, brackets, ellipses and British/American
spelling aside); two statements are the same utterance when one holds most of the other's word
triples (a partial or ellipsed quote) or the two are close as wholes (small wording changes).
Clusters are the connected components of that relation, so they do not depend on the order in
which articles arrive.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from functools import cache
from importlib import resources

from rapidfuzz import fuzz

from .names import fold

# A quote carried in part must still hold this many words to be recognised as the same
# utterance: shorter fragments ("a hybrid war") are shared by unrelated statements.
MIN_WORDS = 6
# Share of the shorter statement's word triples found in the longer one (truncation, ellipsis).
CONTAINMENT = 0.7
# Whole-text similarity (rapidfuzz ratio, 0-100) for re-worded or re-translated copies of
# similar length.
SIMILARITY = 85.0
SHINGLE = 3

_BRACKETS = re.compile(r"\[[^\]]*\]")
_WORDS = re.compile(r"\w+")
_SUFFIXES = (
    (re.compile(r"(?<=\w{3})our(s?)$"), r"or\1"),  # colour, behaviour, honour
    (re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),  # organise, realisation
    (re.compile(r"(?<=\w{3})ys(e|ed|es|ing)$"), r"yz\1"),  # analyse, paralysed
    (re.compile(r"(?<=\w{3})tre(s?)$"), r"ter\1"),  # centre, theatre
    (re.compile(r"(?<=\w{3})ogue(s?)$"), r"og\1"),  # dialogue, catalogue
)


@cache
def _spelling() -> dict[str, str]:
    path = resources.files("quotetrace").joinpath("data/link_spelling.json")
    return json.loads(path.read_text("utf-8"))["words"]


def _word(w: str) -> str:
    w = _spelling().get(w, w)
    for pattern, repl in _SUFFIXES:
        w = pattern.sub(repl, w)
    return w


def match_words(text: str) -> list[str]:
    """The words a statement is compared by: editorial brackets dropped, spelling unified."""
    return [_word(w) for w in _WORDS.findall(fold(_BRACKETS.sub(" ", text)))]


def shingles(words: Sequence[str]) -> set[int]:
    """Hashed word triples (stable across processes: crc32, not Python's salted hash)."""
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i:i + SHINGLE]).encode())
            for i in range(len(words) - SHINGLE + 1)}


def same_utterance(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two statements (as ``match_words``) are one utterance."""
    if min(len(a), len(b)) < MIN_WORDS:
        return list(a) == list(b) and len(a) >= 3
    sa, sb = shingles(a), shingles(b)
    small = min(len(sa), len(sb))
    if small and len(sa & sb) / small >= CONTAINMENT:
        return True
    ratio = min(len(a), len(b)) / max(len(a), len(b))
    return ratio >= 0.75 and fuzz.ratio(" ".join(a), " ".join(b)) >= SIMILARITY


def diff_words(base: Sequence[str], other: Sequence[str]) -> list[str]:
    """Words of ``other`` not in ``base``: the wording differences shown beside a copy."""
    have = set(base)
    return [w for w in other if w not in have]
