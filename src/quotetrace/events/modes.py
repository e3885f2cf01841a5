"""Modes of an event: negated, hypothetical, future (a commitment), obligation.

Each looks at the trigger and the chain of verbs that govern it inside its clause (up to a
reporting verb), because a mode often sits on a wrapper: "we do NOT intend to knock", "we WILL
resume talks IF ...".
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import event_lexicon

# Dependencies through which a governing word still belongs to the trigger's clause.
_CLAUSE_LINKS = frozenset(
    ("xcomp", "acomp", "aux", "auxpass", "dobj", "attr", "pobj", "prep", "acl")
)  # "acl": "we are not the ones refusing to negotiate" negates the refusing


def chain(token: Token) -> list[Token]:
    """The trigger and the words that govern it in its own clause, nearest first."""
    lex = event_lexicon()
    out = [token]
    cur = token
    while cur.dep_ in _CLAUSE_LINKS and cur.head.i != cur.i:
        cur = cur.head
        if cur.lemma_ in lex.reporting_verbs:
            break
        out.append(cur)
    return out


def negated(token: Token) -> bool:
    """A negation on the trigger or on a verb of its clause ("no more joint projects")."""
    for t in chain(token):
        if t.head.lemma_ == "spare" and t.dep_ == "dobj":
            break  # "we will spare no effort to help": emphasis, not negation
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")):
                return True
            if c.dep_ in ("advmod", "preconj") and c.lower_ in ("never", "neither"):
                return True
    # "there will be no more joint projects": "no" may hang on "more" rather than on the noun
    return any(c.lower_ == "no" or any(g.lower_ == "no" for g in c.lefts) for c in token.lefts)


def governors(token: Token) -> list[Token]:
    """The trigger and every word above it up to the reporting verb: a condition on any of
    them ("when they come, we will look at what they offer") bears on the trigger."""
    lex = event_lexicon()
    out = [token]
    cur = token
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.lemma_ in lex.reporting_verbs:
            break
        out.append(cur)
    return out


def hypothetical(token: Token) -> bool:
    """A condition, a proposal or a conditional modal over the trigger's clause."""
    lex = event_lexicon()
    for t in governors(token):
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in lex.condition_marks:
                return True  # the trigger is inside "if ...", "when the EU understands ..."
            if c.dep_ == "advcl" and _condition(c):
                return True  # "... if they stop shelling", "when the EU understands ..."
            if c.dep_ == "aux" and c.lower_ in lex.conditional_modals - {"would"}:
                return True
        if t.lemma_ in lex.proposal_verbs and t != token:
            return True
        if t.pos_ == "NOUN" and t.lemma_ in ("proposal", "plan", "idea", "offer", "suggestion"):
            return True
    return False


def _condition(clause: Token) -> bool:
    """An adverbial clause that states a condition: "if"/"unless" always; "when"/"once" only
    with a present or modal verb ("when the EU understands"), not a past fact ("when he came")."""
    lex = event_lexicon()
    for m in clause.children:
        if m.dep_ == "mark" and m.lower_ in lex.condition_marks - {"when", "once", "until"}:
            return True
        if m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "once", "until", "whenever"):
            return clause.tag_ in ("VBZ", "VBP") or any(
                a.dep_ == "aux" and a.lower_ in ("will", "can", "should") for a in clause.children
            )
    return False


def future(token: Token) -> bool:
    """A commitment: "will", "would" (reported, not conditional), "going to"."""
    lex = event_lexicon()
    for t in chain(token):
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in lex.future_markers:
                return True
            if c.dep_ == "aux" and c.lower_ in lex.conditional_modals:
                return True  # "could close the strait": a conditional threat or offer
        if t.lemma_ == "go" and any(c.dep_ == "xcomp" for c in t.children) and t.tag_ == "VBG":
            return True
    return False


def in_condition(token: Token) -> bool:
    """The trigger sits inside a condition clause ("if attacked", "unless Israel withdraws")."""
    for t in chain(token):
        if t.dep_ == "advcl" and _condition(t):
            return True
    return token.dep_ == "advcl" and _condition(token)


def obligation(token: Token) -> bool:
    """ "must", "should", "has to": somebody is told to do something."""
    lex = event_lexicon()
    for c in token.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in lex.obligation_markers:
            return True
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lemma_ in ("have", "need")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and head.tag_ in ("VBZ", "VBP", "VBD")
    )
