"""Actors of an article: noun phrases, people by their role in the article, pronouns, speakers.

A person's side comes from the article itself: the titles and appositions around the name
("Russian Foreign Minister Sergey Lavrov", "Lavrov, Russia's foreign minister"), found once
per article and keyed by surname, never from a list of famous people.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Article, Statement
from .lexicon import event_lexicon
from .tables import code_of, sector_of, tables
from .triggers import actor_like, noun_type

# Children that are not part of the name of an actor.
_OUTSIDE = frozenset(
    [
        "relcl",
        "acl",
        "appos",
        "advcl",
        "punct",
        "cc",
        "conj",
        "det",
        "predet",
        "neg",
        "ccomp",
        "dep",
        "parataxis",
        "nummod",
        "quantmod",
        "advmod",
        "mark",
        "aux",
        "auxpass",
    ]
)
_NAME_PREPS = frozenset(("of", "in", "from"))
_PERSONAL = frozenset(("he", "she", "him", "her", "his", "hers"))


def phrase(token: Token) -> list[Token]:
    """The tokens that name the actor headed by ``token`` (no clauses, no other PPs)."""
    out = [token]
    for c in token.children:
        if c.sent.start != token.sent.start:
            continue  # a bad parse may reach into another sentence
        if c.dep_ in _OUTSIDE:
            continue
        if c.dep_ == "prep" and c.lower_ not in _NAME_PREPS:
            continue
        if c.dep_ == "prep" and not any(g.dep_ == "pobj" and _in_name(g) for g in c.children):
            continue  # "allies of waging war": what they did, not part of their name
        out.extend(phrase(c))
    return sorted(out, key=lambda t: t.i)


def _in_name(t: Token) -> bool:
    """A PP object that belongs in an actor's name: a place, a party or a role ("forces in
    Guinea", "workers of the bus company"), not an event ("allies of waging war")."""
    if t.ent_type_ in ("GPE", "LOC", "NORP", "ORG", "FAC", "PERSON") or t.pos_ == "PROPN":
        return True
    return actor_like(t) and noun_type(t, event_lexicon()) is None


def text_of(tokens: list[Token]) -> str:
    """The phrase as written, from its first to its last word."""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,;:-–—\"'“”‘’()")


# Clauses inside a noun phrase that speak of other things than the actor.
_CLAUSES = frozenset(("relcl", "acl", "advcl", "ccomp", "parataxis", "appos", "conj"))


def deep_code(token: Token) -> tuple[str | None, str | None, str | None]:
    """A code from anywhere in the phrase's PPs ("a camp for Congolese refugees")."""
    keep = []

    def walk(t: Token) -> None:
        keep.append(t)
        for c in t.children:
            if c.dep_ not in _CLAUSES:
                walk(c)

    walk(token)
    keep.sort(key=lambda t: t.i)
    return code_of("".join(t.text_with_ws for t in keep), token.text)


def coded(tokens: list[Token], head: Token, *, agentive: bool) -> Actor:
    """An actor for a phrase: its code from the tables, its sector from a role noun."""
    text = text_of(tokens)
    code, sector, kind = code_of(text, head.text)
    if sector is None:
        sector = sector_of([t.text for t in tokens], head.text)
    if kind == "capital" and agentive and head.ent_type_ in ("GPE", "") and len(tokens) <= 2:
        sector = sector or "GOV"  # "Berlin rejected ...": a capital acting is its government
    return Actor(text=text, code=code, sector=sector)


def _named(t: Token) -> bool:
    """A name, or a plural common noun (groups of people: "fundamentalists", "members");
    a singular thing ("the question", "the deal") is no party to an event."""
    named = t.ent_type_ in ("PERSON", "NORP", "GPE", "ORG", "FAC", "LOC") or t.pos_ == "PROPN"
    return named or t.tag_ == "NNS"


class ArticleActors:
    """Resolves tokens of one article to actors, with the article's people and speakers."""

    def __init__(self, article: Article, doc: Doc, statements: Sequence[Statement]) -> None:
        self.doc = doc
        self.article = article
        self.statements = statements
        self.ents = doc.ents  # read once: spaCy builds the spans anew on every access
        self.people = self._people()
        self.last_source: Actor | None = None  # the latest coded source, for "we"/"they"

    def _people(self) -> dict[str, Actor]:
        """Surname (and full name) -> the person's actor, from the first mention that has a
        country or organisation in its titles or apposition."""
        people: dict[str, Actor] = {}
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            head = ent.root
            actor = coded(phrase(head), head, agentive=True)
            if actor.code is None:
                for c in head.children:
                    if c.dep_ == "appos":
                        found = coded(phrase(c), c, agentive=True)
                        if found.code:
                            actor = Actor(actor.text, found.code, actor.sector or found.sector)
                            break
            if actor.code is None and head.dep_ == "appos":
                found = coded(phrase(head.head), head.head, agentive=True)
                if found.code:
                    actor = Actor(actor.text, found.code, actor.sector or found.sector)
            for key in {ent.text, ent[-1].text}:
                if key not in people or (people[key].code is None and actor.code):
                    people[key] = actor
        return people

    def person(self, name: str) -> Actor | None:
        """The article's actor for a name as written ("Lavrov", "Sergei Lavrov")."""
        name = name.strip()
        if name in self.people:
            return self.people[name]
        last = name.split()[-1] if name.split() else name
        return self.people.get(last)

    def speaker(self, statement: Statement) -> Actor | None:
        """The speaker's side: the person's titles in the article, else the mention itself."""
        for name in (statement.speaker, statement.speaker_mention):
            if not name:
                continue
            known = self.person(name)
            if known is not None and known.code:
                return Actor(name, known.code, known.sector)
            code, sector, _ = code_of(name)
            if code:
                return Actor(name, code, sector or sector_of(name.split(), name.split()[-1]))
        name = statement.speaker or statement.speaker_mention
        if not name or self.is_outlet(name):
            return None
        return Actor(name)

    def is_outlet(self, text: str) -> bool:
        if self.article.outlet and self.article.outlet.casefold() in text.casefold():
            return True
        return tables().is_outlet(text)

    def statement_at(self, token: Token) -> int | None:
        pos = token.idx
        for i, s in enumerate(self.statements):
            if s.start <= pos < s.end:
                return i
        return None

    def actor(
        self, token: Token, *, agentive: bool = False, possessor: bool = False, deep: bool = True
    ) -> Actor | None:
        """The actor a token stands for: a phrase, a person, or what a pronoun refers to."""
        t = tables()
        low = token.lower_
        if low in t.relative and token.head.dep_ == "relcl":
            token = token.head.head
            low = token.lower_
        if low in t.first_person:
            return self._first_person(token)
        if low in t.third_person:
            return self._third_person(token)
        actor = coded(phrase(token), token, agentive=agentive)
        if agentive and actor.code is None and actor.sector is None and not _named(token):
            return None  # "the question", "late-night tweets": not a party to anything
        if actor.code is None and (token.pos_ == "PROPN" or token.ent_type_ == "PERSON"):
            known = self.person(token.text)
            if known is not None and known.code:
                actor = Actor(actor.text, known.code, known.sector)
        if actor.code is None and not agentive and deep:
            code, sector, _ = deep_code(token)  # targets only: "a camp for Congolese refugees"
            if code:
                actor = Actor(actor.text, code, actor.sector or sector)
        if actor.code is None and possessor:
            # "its energy infrastructure": a target is on the side of its possessor
            for c in token.children:
                if c.dep_ == "poss" and c.lower_ in ("its", "their"):
                    owner = self._third_person(c)
                    if owner is not None and owner.code:
                        actor = Actor(actor.text, owner.code, actor.sector)
        if actor.code is None:
            for c in token.children:
                if c.dep_ == "appos":
                    found = coded(phrase(c), c, agentive=agentive)
                    if found.code:
                        actor = Actor(actor.text, found.code, actor.sector or found.sector)
                        break
        if agentive and self.is_outlet(actor.text):
            return None  # the outlet that reports is never the source
        return actor

    def _first_person(self, token: Token) -> Actor | None:
        index = self.statement_at(token)
        if index is not None:
            found = self.speaker(self.statements[index])
            if found is not None:
                return found
        sent = token.sent
        reporting = event_lexicon().reporting_verbs
        for t in sent:
            if (
                t.dep_ == "nsubj"
                and t.head.lemma_ in reporting
                and t.lower_ not in tables().first_person
            ):
                found = self.actor(t, agentive=True)
                if found is not None:
                    return found
        return self.last_source

    def _third_person(self, token: Token) -> Actor | None:
        low = token.lower_
        sent = token.sent
        if low in _PERSONAL:
            for ent in reversed(self._ents_before(token)):
                if ent.label_ == "PERSON":
                    found = self.person(ent.text)
                    return found if found is not None else Actor(ent.text)
            return self.last_source
        # "it", "they": the nearest earlier subject with a code, else any earlier coded noun,
        # else the nearest earlier subject as written ("Yoruba leaders ... they")
        before = [t for t in sent if t.i < token.i and t.pos_ in ("PROPN", "NOUN")]
        for wanted in (("nsubj", "nsubjpass"), None):
            for t in reversed(before):
                if wanted and t.dep_ not in wanted:
                    continue
                found = self.actor(t, agentive=True)
                if found is not None and found.code:
                    return found
        for t in reversed(before):
            if t.dep_ == "nsubj" and (t.lower_ in tables().roles or t.pos_ == "PROPN"):
                return self.actor(t, agentive=True)
        return self.last_source

    def _ents_before(self, token: Token) -> list[Span]:
        start = token.sent.start
        for _ in range(3):  # this sentence and up to three before it
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        return [e for e in self.ents if start <= e.start and e.end <= token.i]
