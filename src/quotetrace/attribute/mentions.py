"""Who the article names: people (with the titles it gives them) and organisations.

People are clustered by surname, with transliterated first names ("Sergey"/"Sergei") kept in one
cluster; each cluster remembers every title word the article attached to it, from premodifiers
("Russian Foreign Minister Sergey Lavrov") and appositions ("Lavrov, Russia's foreign
minister"), so that role nouns ("the Russian top diplomat") can be resolved later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio
from spacy.tokens import Doc, Span, Token

from ..entities import person_runs
from .roles import Roles

_PERSON = "PERSON"
_ORGS = {"ORG", "GPE", "NORP", "FAC"}
_SUBJ = {"nsubj", "nsubjpass"}


@dataclass(slots=True)
class Person:
    names: list[tuple[str, ...]] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    count: int = 0

    @property
    def canonical(self) -> str:
        """The fullest name the article gives: most words, then first seen."""
        best = max(self.names, key=lambda n: (len(n), -self.names.index(n)))
        return " ".join(best)

    @property
    def plausible(self) -> bool:
        """NER calls places people ("Kyiv"); a full name or a title makes a person likely."""
        return any(len(n) > 1 for n in self.names) or bool(self.roles)

    @property
    def surname(self) -> str:
        return self.names[0][-1].lower()


@dataclass(frozen=True, slots=True)
class Mention:
    pos: int
    person: int
    subject: bool


@dataclass(slots=True)
class Registry:
    persons: list[Person] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    by_token: dict[int, int] = field(default_factory=dict)  # token index -> person

    def lookup(self, words: tuple[str, ...]) -> int | None:
        """The person a written name refers to: full name, surname, or unique first name."""
        if not words:
            return None
        low = tuple(w.lower() for w in words)
        same = [i for i, p in enumerate(self.persons) if p.surname == low[-1]]
        if len(low) > 1:
            for i in same:
                if any(_same_first(n[0].lower(), low[0]) for n in self.persons[i].names
                       if len(n) > 1):
                    return i
        if same:
            return max(same, key=lambda i: (self.persons[i].count, -i))
        if len(low) == 1:
            first = [i for i, p in enumerate(self.persons)
                     if any(len(n) > 1 and n[0].lower() == low[0] for n in p.names)]
            if len(first) == 1:
                return first[0]
        return None


def _same_first(a: str, b: str) -> bool:
    if a == b or (len(b) <= 2 and a.startswith(b.rstrip("."))):
        return True
    return ratio(a, b) >= 75


def _name_words(ent: Span, roles: Roles) -> tuple[tuple[str, ...], list[str]]:
    """The name proper, and any title words NER kept inside the entity ("President Obama")."""
    words = [t.text for t in ent if not t.is_punct and t.text not in ("'s", "’s", "'", "’")]
    titles: list[str] = []
    while len(words) > 1 and words[0].lower().rstrip(".") in roles.honorifics:
        titles.append(words.pop(0).lower().rstrip("."))
    return tuple(words), titles


def _title_words(ent: Span) -> list[str]:
    """Title words around a name: premodifiers and appositions of the name's head."""
    doc = ent.doc
    out: list[str] = []
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case") \
            and i < doc[i].head.i < ent.end and not doc[i].is_space:
        out.append(doc[i].lower_)
        i -= 1
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.ent_type_ != _PERSON:
            out += [t.lower_ for t in child.subtree if not t.is_punct][:8]
    if root.dep_ == "appos" and root.head.ent_type_ != _PERSON:
        out += [t.lower_ for t in root.head.subtree if t.i < root.left_edge.i][-8:]
    return out


def build_registry(doc: Doc, roles: Roles) -> Registry:
    reg = Registry()
    if doc.has_annotation("ENT_IOB"):
        people = [e for e in doc.ents if e.label_ == _PERSON]
    else:
        people = person_runs(doc, roles)
    named: list[tuple[Span, tuple[str, ...], list[str]]] = []
    for ent in people:
        words, titles = _name_words(ent, roles)
        if words and words[0][:1].isupper():
            named.append((ent, words, titles + _title_words(ent)))
    # Full names first, so that surnames alone join the right cluster.
    for _ent, words, _t in sorted(named, key=lambda x: -len(x[1])):
        if len(words) < 2:
            break
        i = reg.lookup(words)
        if i is None or not any(len(n) > 1 and _same_first(n[0].lower(), words[0].lower())
                                for n in reg.persons[i].names):
            reg.persons.append(Person())
            i = len(reg.persons) - 1
        if words not in reg.persons[i].names:
            reg.persons[i].names.append(words)
    for ent, words, titles in named:
        i = reg.lookup(words)
        if i is None:
            reg.persons.append(Person(names=[words]))
            i = len(reg.persons) - 1
        person = reg.persons[i]
        person.count += 1
        person.roles.update(titles)
        reg.mentions.append(Mention(ent.start_char, i, _is_subject(ent.root)))
        for t in ent:
            reg.by_token[t.i] = i
    # Surnames NER missed or mislabelled ("Lavrov" as ORG) still name the person.
    surnames = {p.surname: i for i, p in enumerate(reg.persons)}
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.i not in reg.by_token and tok.lower_ in surnames:
            head = tok.head
            if tok.dep_ == "compound" and head.pos_ == "PROPN" and head.ent_type_ != _PERSON:
                continue  # "Trump Tower", "Clinton Foundation"
            i = surnames[tok.lower_]
            reg.by_token[tok.i] = i
            reg.mentions.append(Mention(tok.idx, i, _is_subject(tok)))
    reg.mentions.sort(key=lambda m: m.pos)
    reg.orgs = [e.text for e in doc.ents if e.label_ in _ORGS]
    return reg


def _is_subject(tok: Token) -> bool:
    if tok.dep_ in _SUBJ:
        return True
    # "supported by Lavrov": the agent of a passive is its logical subject
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return True
    return tok.dep_ in ("compound", "appos") and tok.head.dep_ in _SUBJ
