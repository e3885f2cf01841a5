"""PLOVER event coding of statements and of sentences that report actions.

``code_events`` reads the parse sentence by sentence: triggers (``triggers``) give the event
type, modes (``modes``) negation, conditions and commitments, ``arguments`` where the source and
targets sit, and ``actors`` who they are (codes and sectors from the package's tables).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Article, Event, Statement
from ..sentences import index_sentences
from . import modes
from .actors import ArticleActors
from .arguments import source_token, target_tokens
from .lexicon import COOPERATION, MATERIAL_CONFLICT, event_lexicon
from .triggers import Candidate, candidates

__all__ = ["code_events"]


def code_events(article: Article, doc: Doc, statements: Sequence[Statement]) -> list[Event]:
    """Events of the statements (statement=index) and of sentences that report actions
    (statement=None). Within a sentence the main event comes first."""
    index_sentences(doc)
    actors = ArticleActors(article, doc, statements)
    events: list[Event] = []
    for sent in doc.sents:
        for cand in candidates(sent):
            events.extend(_events(cand, sent, actors))
    return events


def _statement_of(cand: Candidate, sent: Span, actors: ArticleActors) -> int | None:
    index = actors.statement_at(cand.token)
    if index is not None:
        return index
    # "Lavrov accused the EU of ...": the trigger is the statement's own cue
    for i, s in enumerate(actors.statements):
        if (
            s.cue
            and cand.token.text == s.cue.split()[0]
            and s.start < sent.end_char
            and sent.start_char < s.end
        ):
            return i
    return None


def _type(cand: Candidate, negated: bool) -> str:
    """A commitment to cooperate is AGREE, to use force a THREATEN (PLOVER manual)."""
    if modes.future(cand.token) or any(modes.future(w) for w in cand.inner):
        if cand.type in COOPERATION:
            return "AGREE"
        if cand.type in MATERIAL_CONFLICT and not negated:
            return "THREATEN"
    return cand.type


def _source(cand: Candidate, sent: Span, actors: ArticleActors, index: int | None) -> Actor | None:
    if cand.obliged is not None:
        return _sentence_speaker(sent, actors, index)
    token, passive = source_token(cand)
    actor = actors.actor(token, agentive=True) if token is not None else None
    if index is None:
        return actor
    # In a statement, "we" and a clause without a subject ("there will be no more ...",
    # an imperative) speak for the speaker; a nominal event without an agent does not.
    first_person = token is not None and token.lower_ in ("we", "i", "us", "our", "my")
    subjectless = token is None and not passive and cand.noun != cand.token
    if first_person or subjectless:
        spoke = actors.speaker(actors.statements[index])
        if spoke is not None:
            return spoke
    return actor


def _sentence_speaker(sent: Span, actors: ArticleActors, index: int | None) -> Actor | None:
    if index is not None:
        return actors.speaker(actors.statements[index])
    lex = event_lexicon()
    for t in sent:
        if t.dep_ == "nsubj" and (
            t.head.lemma_ in lex.reporting_verbs or t.head.lemma_ in lex.verbs
        ):
            return actors.actor(t, agentive=True)
    return actors.last_source


_PLACES = frozenset(("in", "at", "inside", "near", "outside", "around", "across"))


def _targets(
    cand: Candidate,
    passive: bool,
    source: Actor | None,
    src_tok: Token | None,
    actors: ArticleActors,
) -> tuple[Actor, ...]:
    tokens = [t for t in dict.fromkeys(target_tokens(cand, passive)) if t != src_tok]
    fallback: Actor | None = None
    for tok in tokens:
        actor = actors.actor(tok)
        if actor is None or not actor.text:
            continue
        if source is not None and actor.text == source.text:
            continue
        if source is not None and actor.code == source.code and tok.head.lower_ in _PLACES:
            continue  # "talks in Cairo" by Egyptians: where, not toward whom
        if actor.code:
            more = [actors.actor(c, deep=False) for c in tok.children if c.dep_ == "conj"]
            extra = tuple(a for a in more if a is not None and a.code)
            return (actor, *extra)
        if fallback is None and (actor.sector or tok.pos_ == "PROPN"):
            fallback = actor
    # Last resort: a possessed thing is on its owner's side ("its energy infrastructure"),
    # unless the owner is the source itself ("closed its airspace").
    for tok in tokens:
        actor = actors.actor(tok, possessor=True)
        if actor is not None and actor.code and (source is None or actor.code != source.code):
            return (actor,)
    return (fallback,) if fallback is not None else ()


def _rhetoric(cand: Candidate, source: Actor | None, src_tok: Token | None) -> str | None:
    """A person who "attacks" or "targets" someone accuses them; one who "beats" them wins a
    vote (returns "" for no event). Soldiers, rebels and police keep the literal sense."""
    lex = event_lexicon()
    lemma = lex.lemma(cand.token)
    if lemma not in lex.rhetorical_verbs or cand.noun is not None:
        return None
    if source is not None and source.sector in ("MIL", "REB", "COP", "CRM"):
        return None
    person = src_tok is not None and src_tok.ent_type_ == "PERSON"
    if not person and src_tok is not None and src_tok.lower_ in ("he", "she"):
        person = True
    if not person:
        return None
    return lex.rhetorical_verbs[lemma] or ""


def _conjoined(t: Token) -> bool:
    """Two parties named together as one subject ("French and Egyptian warships")."""
    return any(c.dep_ == "conj" for c in t.children) or any(
        m.dep_ in ("amod", "compound") and any(c.dep_ == "conj" for c in m.children)
        for m in t.children
    )


def _by_sector(cand: Candidate, source: Actor | None, actors: ArticleActors) -> str:
    """Who acts, or on whom, decides some types ("authorities blocked access" is COERCE)."""
    lex = event_lexicon()
    lemma = lex.lemma(cand.token)
    table = lex.by_subject_sector.get(lemma)
    if table and not cand.inner and source is not None and source.sector in table:
        return table[source.sector]
    table = lex.by_object_sector.get(lemma)
    if table and not cand.inner:
        for o in cand.token.children:
            if o.dep_ == "dobj":
                found = actors.actor(o)
                if found is None:
                    continue
                sector = found.sector or ("COUNTRY" if found.code else None)
                if sector in table:
                    return table[sector]
    return cand.type


def _events(cand: Candidate, sent: Span, actors: ArticleActors) -> list[Event]:
    lex = event_lexicon()
    index = _statement_of(cand, sent, actors)
    words = [cand.token, *cand.inner] + ([cand.noun] if cand.noun is not None else [])
    negated = any(modes.negated(w) for w in words)
    hypothetical = any(modes.hypothetical(w) for w in words)
    src_tok, passive = source_token(cand)
    if cand.obliged is not None:
        src_tok = None  # "China must drop barriers": China is the target, not the source
    source = _source(cand, sent, actors, index)
    targets = _targets(cand, passive, source, src_tok, actors)
    cand.type = _by_sector(cand, source, actors)
    if lex.lemma(cand.token) in lex.needs_actor_source and (
        source is None or (source.code is None and source.sector is None)
    ):
        return []  # "the law allows ...", "the report was released"
    if (
        cand.type == "COERCE"
        and lex.lemma(cand.token) in lex.foreign_is_sanction
        and source is not None
        and source.code
        and targets
        and targets[0].code
        and targets[0].code != source.code
    ):
        cand.type = "SANCTION"  # "the EU banned Russian state media"
    rhetoric = _rhetoric(cand, source, src_tok)
    if rhetoric == "":
        return []
    cand.type = rhetoric or cand.type
    if (
        cand.type == "MOBILIZE"
        and cand.noun is not None
        and cand.noun.lemma_.lower() in lex.joint_when_conjoined
        and src_tok is not None
        and _conjoined(src_tok)
    ):
        cand.type = "COOPERATE"  # "French and Egyptian warships launched war games"
    typ = _type(cand, negated)
    if source is not None and source.code:
        actors.last_source = source
    trigger = " ".join(w.text for w in cand.words)
    start, end = sent.start_char, sent.end_char
    if index is not None:
        start, end = actors.statements[index].start, actors.statements[index].end

    def event(t: str, neg: bool) -> Event:
        return Event(t, lex.quad[t], source, targets, neg, hypothetical, trigger, start, end, index)

    if negated and typ in COOPERATION:
        # Declining to cooperate is itself a REJECT; the negated event is kept beside it.
        # the negated event is what was declined: "we do not intend to initiate joint projects"
        # is a negated COOPERATE, not a negated intention
        declined = cand.base if cand.base in COOPERATION else cand.type
        return [event("REJECT", False), event(declined, True)]
    return [event(typ, negated)]
