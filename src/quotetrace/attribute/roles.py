"""Role and pronoun data for speaker resolution, read once from ``data/attribute_roles.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Roles:
    honorifics: frozenset[str]
    heads: frozenset[str]
    synonyms: dict[str, tuple[str, ...]]
    vague: frozenset[str]
    members: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    self_pronouns: frozenset[str]
    interviewer_patterns: tuple[re.Pattern[str], ...]
    interviewer_labels: frozenset[str]
    not_person: frozenset[str]
    org_nouns: frozenset[str]
    places: frozenset[str]

    def wordings(self, head: str) -> tuple[str, ...]:
        """Title wordings a role noun may stand for ('diplomat' -> 'foreign minister', ...)."""
        return self.synonyms.get(head, (head,))


@lru_cache(maxsize=1)
def roles() -> Roles:
    raw = json.loads(
        resources.files("quotetrace").joinpath("data/attribute_roles.json").read_text("utf-8")
    )
    return Roles(
        honorifics=frozenset(raw["honorifics"]),
        heads=frozenset(raw["role_heads"]),
        synonyms={k: tuple(v) for k, v in raw["synonyms"].items()},
        vague=frozenset(raw["vague_modifiers"]),
        members=frozenset(raw["member_nouns"]),
        person_pronouns=frozenset(raw["person_pronouns"]),
        group_pronouns=frozenset(raw["group_pronouns"]),
        relative_pronouns=frozenset(raw["relative_pronouns"]),
        self_pronouns=frozenset(raw["self_pronouns"]),
        interviewer_patterns=tuple(re.compile(p) for p in raw["interviewer_patterns"]),
        interviewer_labels=frozenset(raw["interviewer_labels"]),
        not_person=frozenset(raw["not_person_words"]),
        org_nouns=frozenset(raw["organisation_nouns"]),
        places=frozenset(raw["place_words"]),
    )
