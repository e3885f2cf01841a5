"""Across articles: one speaker under every spelling, one utterance under every outlet, and what
each statement is about. Pure functions over records; the store applies them."""

from .about import about, entity_kind, normalise
from .clusters import match_words, same_utterance, shingles
from .registry import Override, SpeakerGroup, build, kind_of
from .roles import roles_in

__all__ = [
    "Override",
    "SpeakerGroup",
    "about",
    "build",
    "entity_kind",
    "kind_of",
    "match_words",
    "normalise",
    "roles_in",
    "same_utterance",
    "shingles",
]
