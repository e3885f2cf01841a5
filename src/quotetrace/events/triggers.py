"""Event triggers over the spaCy parse: which words carry which PLOVER event.

A trigger is a verb (``verbs``, ``phrasal``, ``verb_object`` in the lexicon), an event noun
under a light verb ("held talks", "imposed sanctions"), or a wrapper of intention or willingness
over another event ("threatened to cut", "ready to negotiate"), whose type comes from both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from . import modes
from .lexicon import COOPERATION, MATERIAL_CONFLICT, EventLexicon, event_lexicon
from .tables import tables

_OBJECTS = frozenset(("dobj", "attr", "oprd", "npadvmod", "nsubjpass"))
_VERBAL = frozenset(("VERB", "AUX"))
# Function words, numbers and punctuation: never a trigger, so not worth a lexicon look-up.
_NEVER = frozenset(("PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "SPACE", "SYM",
                    "PART", "INTJ", "X"))


@dataclass(slots=True)
class Candidate:
    """One event found in a sentence, before its actors are resolved."""

    type: str
    token: Token  # the outermost word: its subject is the event's source
    words: list[Token]  # the trigger words, in text order once finished
    inner: list[Token] = field(default_factory=list)  # wrapped event words, outer to inner
    noun: Token | None = None  # the event noun, when the event is nominal
    obliged: Token | None = None  # "X must ...": X is the target of a REQUEST
    rank: int = 0
    base: str | None = None  # the wrapped event's own type ("initiate joint projects")


def noun_type(n: Token, lex: EventLexicon) -> str | None:
    """The event type of a noun, its modifiers deciding for ambiguous ones ("air strike",
    "joint exercises"); a partitive head stands for its complement ("a round of talks")."""
    lemma = n.lemma_.lower()
    mods = [c.lemma_.lower() for c in n.children if c.dep_ in ("amod", "compound", "nmod")]
    if lemma in lex.partitive_nouns:
        for p in n.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for g in p.children:
                    if g.dep_ == "pobj" and (typ := noun_type(g, lex)):
                        return typ
    joint = any(m in lex.cooperative_modifiers for m in mods)
    if (
        joint
        and lemma in lex.nouns
        and (lex.nouns[lemma] in COOPERATION or lemma in lex.needs_modifier)
    ):
        return "COOPERATE"  # "joint exercises", "joint patrols": cooperation first
    table = lex.noun_modifiers.get(lemma)
    if table:
        for m in mods:
            if m in table:
                return table[m]
    if lemma in lex.nouns:
        if lemma not in lex.needs_modifier:
            return lex.nouns[lemma]
        return None
    # "mediation efforts", "aid deliveries": the event is in the compound
    for c in n.children:
        if c.dep_ == "compound" and c.lemma_.lower() in lex.nouns:
            low = c.lemma_.lower()
            if low not in lex.needs_modifier:
                return lex.nouns[low]
    return None


def _partitive(o: Token, lex: EventLexicon) -> Token:
    """The event noun a partitive stands for ("ten days of war games" -> games)."""
    if o.lemma_.lower() in lex.partitive_nouns:
        for p in o.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for g in p.children:
                    if g.dep_ == "pobj" and noun_type(g, lex):
                        return _partitive(g, lex)
    return o


def _objects(t: Token) -> list[Token]:
    """Objects of a verb, of its prepositions, and what a partitive object stands for."""
    lex = event_lexicon()
    out = [c for c in t.children if c.dep_ in _OBJECTS]
    for c in list(out):
        if c.lemma_.lower() in lex.partitive_nouns:
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    out.extend(g for g in p.children if g.dep_ == "pobj")
    for p in t.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ not in _ADVERBIAL_PREPS:
            out.extend(c for c in p.children if c.dep_ == "pobj")
    for c in list(out):
        out.extend(g for g in c.children if g.dep_ == "conj")
    return out


# Prepositions of circumstance: "despite the threat", "after talks" name no object of the verb.
_ADVERBIAL_PREPS = frozenset(
    ("despite", "after", "before", "during", "since", "following", "amid", "because", "as",
     "like", "until", "ahead", "prior", "besides", "except", "unlike", "regarding")
)  # fmt: skip


def _terminated(obj_type: str, n: Token, lex: EventLexicon) -> str:
    """Ending cooperation is a SANCTION; ending a conflict measure is a concession."""
    if obj_type in COOPERATION or obj_type in ("AGREE", "CONSULT", "SUPPORT"):
        return "SANCTION"
    if n.lemma_.lower() in lex.military_conflict_nouns or obj_type in ("ASSAULT", "MOBILIZE"):
        return "RETREAT"
    return "CONCEDE"


def lexical(t: Token, lex: EventLexicon) -> tuple[str, list[Token], Token | None] | None:
    """(type, trigger words, event noun) for a verb or a root noun, without wrappers."""
    lemma = lex.lemma(t)
    if t.pos_ in ("NOUN", "PROPN"):
        if t.dep_ == "ROOT" or (
            t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ in lex.light_verbs
        ):
            typ = noun_type(t, lex)
            if typ:
                return typ, [t], t
        return None
    if t.pos_ not in _VERBAL:
        return None
    children = list(t.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    if lemma in lex.passive_idioms and passive and not any(c.dep_ == "agent" for c in children):
        return None
    objects = _objects(t)
    for o in objects:
        key = f"{lemma} {o.lemma_.lower()}"
        if key in lex.not_events:
            return None
        if key in lex.verb_object:
            return lex.verb_object[key], [t, o], o
    for c in children:
        if c.dep_ in ("prt", "prep") and c.i > t.i:
            key = f"{lemma} {c.lower_}"
            if key in lex.phrasal:
                return lex.phrasal[key], [t, c], None
    direct = [o for o in objects if o.dep_ in ("dobj", "attr", "nsubjpass")]
    if lemma in lex.termination_verbs:
        for o in direct:
            typ = noun_type(o, lex)
            if typ:
                return _terminated(typ, o, lex), [t, o], o
            for acl in o.children:  # "reversed its decision to expel aid groups"
                found = lexical(acl, lex) if acl.dep_ == "acl" else None
                if found:
                    return _terminated(found[0], o, lex), [t, acl], o
    if lemma in lex.needs_partner:
        return (lex.needs_partner[lemma], [t], None) if _partnered(t) else None
    if lemma in lex.needs_recipient and not _recipient(t, lex):
        return None  # "gave a speech", "sent a tweet"
    if lemma in lex.needs_actor_object:
        dobj = [o for o in children if o.dep_ in ("dobj", "nsubjpass")]
        if dobj and not any(actor_like(o) or noun_type(o, lex) for o in dobj):
            return None  # "released a report", "met the deadline" (but "hosted talks")
    if lemma in lex.verbs and not (
        lemma in lex.light_verbs and any(noun_type(o, lex) for o in direct)
    ):
        return lex.verbs[lemma], [t], None
    if lemma in lex.light_verbs:
        for o in [*direct, *objects]:
            typ = noun_type(o, lex)
            if typ:
                return typ, [t, o], _partitive(o, lex)
    joint = [c for c in children if c.dep_ == "advmod" and c.lower_ in lex.joint_adverbs]
    if joint:
        return "COOPERATE", [joint[0], t], None  # "jointly dismantled a smuggling ring"
    return None


def _complements(t: Token) -> list[Token]:
    """The event complements of a wrapper: "to negotiate", "to negotiating", and their conjuncts."""
    lex = event_lexicon()
    out = [c for c in t.children if c.dep_ == "xcomp"]
    for p in t.children:
        if p.dep_ == "prep" and p.lower_ in ("to", "for", "on", "of"):
            out.extend(
                c
                for c in p.children
                if c.dep_ == "pcomp" or (c.dep_ == "pobj" and noun_type(c, lex) is not None)
            )
    if lex.intention_verbs.get(lex.lemma(t)) == "ACCUSE":
        # "accused the U.S. and its allies of waging war by providing ...": what is alleged
        # may hang on the objects, and its manner on the verb
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ == "by":
                out.extend(c for c in p.children if c.dep_ == "pcomp")
        for o in t.children:
            for n in [o, *(g for g in o.children if g.dep_ == "conj")] if o.dep_ == "dobj" else []:
                for p in n.children:
                    if p.dep_ == "prep" and p.lower_ in ("of", "for"):
                        out.extend(c for c in p.children if c.dep_ in ("pcomp", "pobj"))
    for c in list(out):
        out.extend(g for g in c.children if g.dep_ == "conj")
    return out


def _compose(wrapper_type: str | None, inner: str | None, aspect: bool, lemma: str) -> str | None:
    """A wrapper's type given its complement's: commitment to cooperate is AGREE, to use force
    a THREATEN; refusing anything is REJECT; aspect verbs pass the complement through."""
    if aspect:
        return inner
    if wrapper_type in ("THREATEN", "REJECT", "REQUEST", "ACCUSE", "CONCEDE") or (
        lemma in ("agree", "consent") and inner != "THREATEN"
    ):  # agreeing to anything, even to freeze one's own programme, is an AGREE
        return wrapper_type
    if inner in MATERIAL_CONFLICT:
        return "THREATEN"
    if inner in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"):
        return inner
    if inner is not None:
        return "AGREE"
    return wrapper_type


def candidate_at(t: Token, lex: EventLexicon, depth: int = 0) -> Candidate | None:
    """The event at ``t``, wrappers composed with what they wrap."""
    lemma = lex.lemma(t)
    obliged = _obliged(t)
    if obliged is not None:
        words = [*[c for c in t.children if c.dep_ == "aux"], t]
        inner = [*_complements(t), *(c for c in t.children if c.dep_ == "acomp")]
        return Candidate("REQUEST", t, words, inner, obliged=obliged)
    if t.lemma_ == "be" and _ruled_out(t, lex):
        subject = [c for c in t.children if c.dep_ in ("csubj", "nsubj")]
        return Candidate("REJECT", t, [t], subject)
    if t.pos_ in _VERBAL:
        for o in _objects(t):
            key = f"{lemma} {o.lemma_.lower()}"
            if key in lex.verb_object:
                return Candidate(lex.verb_object[key], t, [t, o], noun=o)
        for c in t.children:
            key = f"{lemma} {c.lower_}"
            if c.dep_ in ("prt", "advmod") and key in lex.phrasal:
                return Candidate(lex.phrasal[key], t, [t, c])  # "called up reservists"
        if lemma in lex.movement_verbs:
            for o in _objects(t):
                if o.dep_ in ("dobj", "pobj") and _military(o):
                    return Candidate("MOBILIZE", t, [t, o])
    is_wrapper = (
        t.pos_ in _VERBAL and (lemma in lex.intention_verbs or lemma in lex.aspect_verbs)
    ) or (t.pos_ == "ADJ" and lemma in lex.willingness_adjectives)
    if is_wrapper and depth < 4:
        for comp in _complements(t):
            inner = candidate_at(comp, lex, depth + 1)
            own = lex.intention_verbs.get(lemma) if t.pos_ != "ADJ" else None
            typ = _compose(own, inner.type if inner else None, lemma in lex.aspect_verbs, lemma)
            if typ:
                inner_words = [inner.token, *inner.inner] if inner else [comp]
                words = [t, *(inner.words if inner else [comp])]
                noun = inner.noun if inner else None
                base = inner.base or inner.type if inner else None
                return Candidate(typ, t, words, inner_words, noun, base=base)
        own = lex.intention_verbs.get(lemma) if t.pos_ != "ADJ" else None
        if own and lemma not in lex.verbs and lemma not in ("call", "press"):
            return Candidate(own, t, [t])
        comps = [c for c in _complements(t) if c.pos_ in _VERBAL]
        if t.pos_ == "ADJ" and lemma in lex.willing_default and comps:
            return Candidate("AGREE", t, [t, comps[0]], [comps[0]])  # "ready to hold elections"
    found = lexical(t, lex)
    if found:
        typ, words, noun = found
        return Candidate(typ, t, words, [], noun)
    return None


def actor_like(t: Token) -> bool:
    """Could this token name an actor: a named entity, a pronoun, or a role noun?"""
    if t.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or t.pos_ in ("PROPN", "PRON"):
        return True
    roles = tables().roles
    if t.lower_ in roles or t.lemma_.lower() in roles:
        return True
    # "his Argentine counterpart", "a Chinese delegation": a national modifier makes an actor
    return any(
        c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE")
        for c in t.children
    )


def _partnered(t: Token) -> bool:
    """A conversation with somebody: "with X", or two parties as subject."""
    if t.dep_ in ("acl", "relcl") and t.head.tag_ in ("NNS", "NNPS"):
        return True  # "ministers who conferred", or a parse that hangs the verb on them
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
            return True
        if c.dep_ == "nsubj" and (
            c.tag_ in ("NNS", "NNPS") or any(g.dep_ == "conj" for g in c.children)
        ):
            return True
        if c.dep_ == "nsubj" and c.lower_ in ("we", "they"):
            return True
    return False


def _recipient(t: Token, lex: EventLexicon) -> bool:
    """Something given to somebody: an indirect object, a "to" actor, or an aid noun."""
    for c in t.children:
        if c.dep_ in ("dative", "iobj") or (c.dep_ == "prep" and c.lower_ in ("to", "with")):
            targets = [g for g in c.children if g.dep_ == "pobj"] or [c]
            if any(actor_like(g) for g in targets):
                return True
        if c.dep_ in ("dobj", "nsubjpass") and noun_type(c, lex) in ("AID", "SUPPORT"):
            return True
        if c.dep_ == "dobj" and c.lemma_.lower() in ("money", "fund", "food", "medicine", "supply"):
            return True
        if c.dep_ == "dobj" and c.ent_type_ in ("GPE", "NORP", "ORG"):
            return True  # "provide Moldova with generators"
    return False


def _ruled_out(t: Token, lex: EventLexicon) -> bool:
    """ "... is out of the question": the copula's clausal subject is rejected."""
    if not any(c.dep_ == "csubj" for c in t.children):
        return False
    return any(
        d.lower_ in lex.rejection_predicates
        for c in t.children
        if c.lower_ == "out"
        for d in c.subtree
    )


def _military(o: Token) -> bool:
    """A military unit as object: "troops", "an aircraft carrier group", "two warships"."""
    roles = tables().roles
    # the head or a noun compound ("carrier group"), not an adjective ("military aid")
    words = [o, *(c for c in o.children if c.dep_ == "compound")]
    return any(roles.get(w.lower_) == "MIL" for w in words)


_SELF_OR_THING = frozenset(("we", "i", "you", "us", "there", "it", "this", "that"))


def _obliged(t: Token) -> Token | None:
    """ "China must drop barriers": China, told to do something by someone else."""
    if t.pos_ not in _VERBAL or not modes.obligation(t):
        return None
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or (subj.pos_ in ("PRON", "DET") and subj.lower_ in _SELF_OR_THING):
        return None  # "we must ...", "it should ..." (but "the US must ...")
    # only an actor can be told to do something ("this question should be forwarded" is not)
    if subj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or subj.lower_ in ("they", "he", "she"):
        return subj
    return subj if tables().roles.get(subj.lower_) else None


def _through_relcl(t: Token, top: Token) -> bool:
    cur = t
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return True
        cur = cur.head
    return False


def rank(t: Token, lex: EventLexicon) -> int:
    """Depth in the parse not counting reporting verbs: the main event is the shallowest."""
    n = 0
    cur = t
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.lemma_ not in lex.reporting_verbs:
            n += 1
    return n


def candidates(sent: Span) -> list[Candidate]:
    """The events of a sentence, main one first; words inside a wrapper are not events again."""
    lex = event_lexicon()
    found: list[Candidate] = []
    for t in sent:
        if t.pos_ in _NEVER or t.dep_ in ("amod", "compound"):
            continue  # "its disputed border": a participle describing a thing
        if lex.lemma(t) in lex.reporting_verbs and not any(
            noun_type(o, lex) for o in t.children if o.dep_ == "dobj"
        ):
            continue
        c = candidate_at(t, lex)
        if c is not None:
            # an event inside a condition ("if attacked") is never the sentence's main one
            c.rank = rank(t, lex) + (3 if modes.in_condition(t) else 0)
            found.append(c)
    taken = {w.i for c in found for w in [*c.words, *c.inner] if w.i != c.token.i}
    # What is alleged, demanded or promised did not happen: events inside a wrapper's
    # complement go, except those in a relative clause, which state facts ("the grid
    # which Russia began targeting").
    for c in found:
        for comp in c.inner:
            taken |= {t.i for t in comp.subtree if not _through_relcl(t, comp)}
    kept = [c for c in found if c.token.i not in taken]
    for c in kept:
        c.words = sorted({w.i: w for w in c.words}.values(), key=lambda w: w.i)
    return sorted(kept, key=lambda c: (c.rank, c.token.i))
