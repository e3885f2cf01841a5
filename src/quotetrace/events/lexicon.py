"""The event lexicon, read once from ``data/events_triggers.json``.

Triggers are data: the JSON file says why each table exists. This module only turns the tables
into frozen sets and dicts for fast look-ups over tokens.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

COOPERATION = frozenset(TYPES[:7])
MATERIAL_CONFLICT = frozenset(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"))


@dataclass(frozen=True, slots=True)
class EventLexicon:
    quad: dict[str, str]
    verbs: dict[str, str]
    phrasal: dict[str, str]
    verb_object: dict[str, str]
    nouns: dict[str, str]
    noun_modifiers: dict[str, dict[str, str]]
    needs_modifier: frozenset[str]
    cooperative_modifiers: frozenset[str]
    light_verbs: frozenset[str]
    termination_verbs: frozenset[str]
    military_conflict_nouns: frozenset[str]
    aspect_verbs: frozenset[str]
    intention_verbs: dict[str, str | None]
    willingness_adjectives: frozenset[str]
    future_markers: frozenset[str]
    obligation_markers: frozenset[str]
    conditional_modals: frozenset[str]
    condition_marks: frozenset[str]
    proposal_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    target_preps: dict[str, list[str]]
    passive_idioms: frozenset[str]
    partitive_nouns: frozenset[str]
    by_subject_sector: dict[str, dict[str, str]]
    by_object_sector: dict[str, dict[str, str]]
    movement_verbs: frozenset[str]
    joint_when_conjoined: frozenset[str]
    needs_actor_object: frozenset[str]
    needs_partner: dict[str, str]
    needs_recipient: frozenset[str]
    needs_actor_source: frozenset[str]
    willing_default: frozenset[str]
    foreign_is_sanction: frozenset[str]
    rhetorical_verbs: dict[str, str | None]
    rejection_predicates: frozenset[str]
    joint_adverbs: frozenset[str]
    not_events: frozenset[str]
    known_verbs: frozenset[str]  # every verb lemma some table names, to repair bad lemmas

    def lemma(self, token: Token) -> str:
        """The token's lemma, or an inflection stripped from its form when the tagger's lemma
        is unknown to the tables and the stripped form is known ("staged" -> "stag" -> "stage")."""
        lemma = token.lemma_.lower()
        if lemma in self.known_verbs or not token.tag_.startswith("VB"):
            return lemma
        w = token.lower_
        for form in _inflections(w):
            if form in self.known_verbs:
                return form
        return lemma


def _inflections(w: str) -> list[str]:
    """Base forms a past, participle or third-person form may come from, by its ending only."""
    doubled = len(w) > 4 and w[-3] == w[-4]
    if w.endswith("ied"):
        return [w[:-3] + "y"]
    if w.endswith("ed"):
        return [w[:-1], w[:-2], *([w[:-3]] if doubled else [])]
    if w.endswith("ing"):
        return [w[:-3], w[:-3] + "e", *([w[:-4]] if len(w) > 5 and w[-4] == w[-5] else [])]
    if w.endswith("es"):
        return [w[:-2], w[:-1]]
    if w.endswith("s"):
        return [w[:-1]]
    return []


def read_data(name: str) -> dict[str, Any]:
    """A JSON table shipped in ``quotetrace/data``."""
    return json.loads(resources.files("quotetrace").joinpath(f"data/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    raw = read_data("events_triggers.json")
    sets = {
        key: frozenset(raw[key])
        for key in (
            "needs_modifier", "cooperative_modifiers", "light_verbs", "termination_verbs",
            "military_conflict_nouns", "aspect_verbs", "willingness_adjectives", "future_markers",
            "obligation_markers", "conditional_modals", "condition_marks", "proposal_verbs",
            "reporting_verbs",
        )
    }  # fmt: skip
    named = {t for key in ("verbs", "phrasal", "verb_object", "nouns") for t in raw[key].values()}
    if named - set(TYPES):
        raise ValueError(f"events_triggers.json names unknown PLOVER types: {named - set(TYPES)}")
    known = set(raw["verbs"]) | set(raw["intention_verbs"])
    known |= {k.split()[0] for key in ("phrasal", "verb_object") for k in raw[key]}
    known |= sets["light_verbs"] | sets["termination_verbs"] | sets["aspect_verbs"]
    known |= sets["reporting_verbs"]
    return EventLexicon(
        known_verbs=frozenset(known),
        target_preps=raw["target_preps"],
        passive_idioms=frozenset(raw["passive_idioms"]),
        partitive_nouns=frozenset(raw["partitive_nouns"]),
        by_subject_sector=raw["by_subject_sector"],
        by_object_sector=raw["by_object_sector"],
        movement_verbs=frozenset(raw["movement_verbs"]),
        joint_when_conjoined=frozenset(raw["joint_when_conjoined"]),
        needs_actor_object=frozenset(raw["needs_actor_object"]),
        needs_partner=raw["needs_partner"],
        needs_recipient=frozenset(raw["needs_recipient"]),
        needs_actor_source=frozenset(raw["needs_actor_source"]),
        willing_default=frozenset(raw["willing_default"]),
        foreign_is_sanction=frozenset(raw["foreign_is_sanction"]),
        rhetorical_verbs=raw["rhetorical_verbs"],
        rejection_predicates=frozenset(raw["rejection_predicates"]),
        joint_adverbs=frozenset(raw["joint_adverbs"]),
        not_events=frozenset(raw["not_events"]),
        quad=raw["quad"],
        verbs=raw["verbs"],
        phrasal=raw["phrasal"],
        verb_object=raw["verb_object"],
        nouns=raw["nouns"],
        noun_modifiers=raw["noun_modifiers"],
        intention_verbs=raw["intention_verbs"],
        **sets,
    )
