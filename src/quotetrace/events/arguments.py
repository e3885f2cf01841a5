"""Where an event's source and targets sit in the parse.

The source is the subject of the outermost trigger word (through control verbs, conjuncts and
relative clauses) or the "by" agent of a passive; the targets are the objects and the
prepositional objects of the trigger words, nearest first. Only tokens here: ``actors`` turns
them into actors.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import event_lexicon
from .triggers import Candidate, actor_like

# Prepositions that introduce who an event is aimed at, best first.
_TARGET_PREPS = (
    "to", "with", "against", "on", "at", "into", "toward", "towards", "from", "over", "upon",
    "for", "of", "in", "inside", "across", "near", "along", "around", "outside", "through",
)  # fmt: skip
_CLIMB = frozenset(("xcomp", "acomp", "conj", "pcomp", "advcl", "ccomp"))


def _agent(t: Token) -> Token | None:
    """The "by" agent of a passive, when it can be an actor ("by telephone" cannot)."""
    for c in t.children:
        if c.dep_ == "agent":
            g = next((g for g in c.children if g.dep_ == "pobj"), None)
            if g is not None and _actorish(g):
                return g
    return None


def _actorish(t: Token) -> bool:
    return actor_like(t)


def _noun_agent(n: Token) -> Token | None:
    """Who does a nominal event: "Israel's invasion", "Palestinian riots", "attacks by X"."""
    for c in n.children:
        if c.dep_ == "poss":
            return c
    for c in n.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    for c in n.children:
        if c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG")):
            return c
    return None


def source_token(c: Candidate) -> tuple[Token | None, bool]:
    """(the source's token, whether the trigger is passive)."""
    if c.noun is not None and c.noun == c.token:
        agent = _noun_agent(c.noun)
        if agent is not None:
            return agent, False
        head = c.noun.head
        if c.noun.dep_ in ("dobj", "pobj"):
            return _subject(head), False
        return None, False
    agent = _agent(c.token)
    if agent is not None:
        return agent, True
    passive_subject = next((ch for ch in c.token.children if ch.dep_ == "nsubjpass"), None)
    if passive_subject is not None:
        lex = event_lexicon()
        if c.inner and lex.lemma(c.token) in lex.intention_verbs:
            return passive_subject, False  # "Vietnam is committed to opening up": a state
        return None, True
    subj = _subject(c.token)
    if subj is None and c.noun is not None:
        return _noun_agent(c.noun), False
    return subj, False


def _subject(t: Token) -> Token | None:
    cur = t
    for _ in range(8):
        for ch in cur.children:
            if ch.dep_ == "nsubj":
                return ch
        agent = _agent(cur)
        if agent is not None:
            return agent
        if cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.tag_ in ("VBG", "VBN")):
            return cur.head  # "militiamen who attacked", "forces occupying the town"
        if cur.dep_ in _CLIMB and cur.head.i != cur.i:
            if cur.dep_ == "ccomp" and cur.head.lemma_ in event_lexicon().reporting_verbs:
                # "there will be no more ..., the minister said": the reporter speaks for
                # a clause without a subject of its own
                return next((c for c in cur.head.children if c.dep_ == "nsubj"), None)
            cur = cur.head
            continue
        if cur.dep_ == "prep" and cur.head.i != cur.i:
            cur = cur.head
            continue
        return None
    return None


def target_tokens(c: Candidate, passive: bool) -> list[Token]:
    """Tokens that may name the targets, best first: objects, the event noun's PPs, the verbs'
    PPs (in the type's order of prepositions), then reported and purpose clauses."""
    lex = event_lexicon()
    preps = lex.target_preps.get(c.type, lex.target_preps["default"])
    out: list[Token] = []
    if c.obliged is not None:
        out.append(c.obliged)
    words = [c.token, *c.inner]
    if c.noun is not None and c.noun == c.token:
        out.extend(_inside(c.noun, lex.target_preps["event_noun"]))
    for w in words:  # each word's objects, then its PPs: "called on Iran to release ..."
        if passive or w != c.token:
            out.extend(ch for ch in w.children if ch.dep_ == "nsubjpass")
        out.extend(
            ch
            for ch in w.children
            if ch.dep_ in ("dobj", "dative", "iobj", "oprd")
            and not (c.noun is not None and ch == c.noun)
        )
        if c.noun is not None and c.noun != c.token and c.noun.head == w:
            out.extend(_inside(c.noun, lex.target_preps["event_noun"]))
        out.extend(_prep_objects(w, preps))
    if c.type == "THREATEN":  # "threatened to retaliate if Washington imposed sanctions"
        for w in words:
            for cl in w.children:
                if cl.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in cl.children):
                    out.extend(g for g in cl.children if g.dep_ == "nsubj")
    for w in words:
        for ch in w.children:
            if ch.dep_ == "ccomp":
                out.extend(g for g in ch.children if g.dep_ in ("nsubj", "nsubjpass"))
    for w in [*words, *(ch for ch in c.token.children if ch.dep_ == "conj")]:
        for ch in w.children:
            if (
                ch.dep_ in ("advcl", "xcomp", "conj")
                and ch.pos_ in ("VERB", "AUX")
                and ch not in words
            ):
                out.extend(g for g in ch.children if g.dep_ in ("dobj", "dative"))
                out.extend(_prep_objects(ch, preps))
    expanded: list[Token] = []
    for t in out:  # what an object names inside it comes right after the object
        expanded.append(t)
        if t.dep_ in ("dobj", "pobj", "nsubjpass", "dative"):
            expanded.extend(_inside(t, preps))
    out = expanded
    return [
        t
        for t in out
        if t.ent_type_ not in _NOT_ACTORS and t.dep_ != "npadvmod" and t.pos_ not in ("VERB", "AUX")
    ]


_NOT_ACTORS = frozenset(("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"))


def _prep_objects(w: Token, preps: list[str]) -> list[Token]:
    out = []
    # "handed the villages back to Azerbaijan": the PP may hang on the particle
    heads = [w, *(c for c in w.children if c.dep_ in ("prt", "advmod"))]
    for prep in preps:
        for ch in (g for h in heads for g in h.children):
            if ch.dep_ in ("prep", "dative", "agent") and ch.lower_ == prep:
                out.extend(g for g in ch.children if g.dep_ in ("pobj", "pcomp"))
    return out


def _inside(n: Token, preps: list[str], depth: int = 0) -> list[Token]:
    """Who a noun names inside it: its possessor, its "by" agent, a national modifier, the
    objects of its PPs and the subject of its clause ("demands that the government ...")."""
    out = [c for c in n.children if c.dep_ == "poss"]
    out.extend(_prep_objects(n, ["by"]))
    out.extend(
        c
        for c in n.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
    )
    for g in _prep_objects(n, preps):
        out.append(g)
        if depth < 1:
            out.extend(_inside(g, preps, depth + 1))
    for cl in n.children:
        if cl.dep_ in ("acl", "ccomp", "relcl"):
            out.extend(g for g in cl.children if g.dep_ in ("nsubj", "dobj"))
            out.extend(_prep_objects(cl, ["by"]))  # "property seized by government forces"
    return out
