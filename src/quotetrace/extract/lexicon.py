"""The reporting-cue lexicon, read once from ``data/extract_cues.json``.

Cues are data, not code: the JSON file says why each list exists. This module only turns the
lists into frozen sets for fast membership tests over tokens.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    clause_only: frozenset[str]
    particles: dict[str, frozenset[str]]
    hearer: frozenset[str]
    hearer_only: frozenset[str]
    object_preps: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    non_speakers: frozenset[str]
    interviewer_labels: frozenset[str]
    answer_labels: frozenset[str]
    non_turn_labels: frozenset[str]
    abbreviations: frozenset[str]

    def is_cue(self, lemma: str) -> bool:
        return lemma in self.speech or lemma in self.belief


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(
        resources.files("quotetrace").joinpath("data/extract_cues.json").read_text("utf-8")
    )
    return Lexicon(
        speech=frozenset(raw["speech_verbs"]),
        belief=frozenset(raw["belief_verbs"]),
        clause_only=frozenset(raw["clause_only_verbs"]),
        particles={k: frozenset(v) for k, v in raw["required_particles"].items()},
        hearer=frozenset(raw["hearer_verbs"]),
        hearer_only=frozenset(raw["hearer_not_content"]),
        object_preps=frozenset(raw["object_preps"]),
        according=tuple(tuple(p.split()) for p in raw["according"]),
        non_speakers=frozenset(raw["non_speaker_subjects"]),
        interviewer_labels=frozenset(raw["interviewer_labels"]),
        answer_labels=frozenset(raw["answer_labels"]),
        non_turn_labels=frozenset(raw["non_turn_labels"]),
        abbreviations=frozenset(raw["abbreviations"]),
    )
