"""Attribution frames from the dependency parse: who (subject) reports what (content) by which cue.

A frame is found for a reporting verb ("said", "told", "accused", "believes") or an "according
to" phrase. Its content is, in order of preference: the verb's clausal complement ("said (that)
S"), the clause before it ("S, X said."), an infinitive complement ("urged him to resign"), or
its object ("accused the EU of waging war"). Whether the content is quoted (direct), partly
quoted (mixed) or not quoted (indirect) is decided later, against the quote spans.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon

_MARK_WORDS = {"that", "whether", "if"}
_CLAUSE_DEPS = {"ccomp"}
_STOP_RIGHT = {"relcl", "acl", "advcl", "parataxis"}
_INHERIT_DEPS = {"conj", "advcl", "xcomp", "pcomp", "dep"}


@dataclass(frozen=True, slots=True)
class Frame:
    """One attribution: cue token, source mention tokens [subj_start, subj_end), content tokens."""

    cue: int
    cue_text: str
    subj_start: int | None
    subj_end: int | None
    content_start: int | None
    content_end: int | None
    colon: bool = False  # "X said:" -- the content is the quote that follows
    clausal: bool = True  # content is a clause, not an object noun phrase
    belief: bool = False


def mention_bounds(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, without relative clauses."""
    if tok.tag_ in ("WP", "WDT"):
        return tok.i, tok.i + 1
    left = tok.left_edge.i
    right = tok.i
    for child in tok.rights:
        if child.dep_ in _STOP_RIGHT:
            break
        right = child.right_edge.i
    doc = tok.doc
    # A mention never runs over a paragraph break (headings glued to the next sentence).
    for j in range(tok.i - 1, left - 1, -1):
        if "\n" in doc[j].text:
            left = j + 1
            break
    for j in range(tok.i + 1, right + 1):
        if "\n" in doc[j].text:
            right = j - 1
            break
    while right > tok.i and (doc[right].is_punct or doc[right].dep_ in ("cc",)):
        right -= 1
    while left < tok.i and doc[left].is_punct:
        left += 1
    if right - left > 14:
        left, right = min(left, tok.i), tok.i
        left = next((c.left_edge.i for c in tok.lefts), tok.i)
    return left, right + 1


def _antecedent(subj: Token) -> Token:
    """'a headline that said', 'the group, which argued': the noun the relative pronoun stands
    for is the source as written ('who' stays: it is how PolNeAR-style annotation names it)."""
    if subj.tag_ == "WDT" and subj.head.dep_ in ("relcl", "acl") and subj.head.head.i < subj.i:
        return subj.head.head
    return subj


def _subject(verb: Token, lex: Lexicon, depth: int = 0) -> Token | None:
    participle = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "acl", "conj")
    for child in verb.children:
        # "..., telling the crowd, "Some people ..."": a subject after a participle is the
        # parser reading into the quote; the participle's speaker is its head's subject
        if child.dep_ == "nsubj" and not (participle and child.i > verb.i):
            return child
    if depth >= 3:
        return None
    head = verb.head
    if head is verb:
        return None
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        # "issued a statement saying ..." speaks for the issuer; "a spokesman saying" speaks
        if head.dep_ in ("dobj", "pobj") and head.head.pos_ in ("VERB", "AUX"):
            return _subject(head.head if head.dep_ == "dobj" else head.head.head, lex, depth + 1)
        return head
    if verb.dep_ == "conj" and not _is_cue(head, lex):
        # "said there will be X and said Y": the parser hangs the second "said" on the first
        # one's content; its subject is the reporting verb's up the tree
        for up in head.ancestors:
            if _is_cue(up, lex):
                return _subject(up, lex, depth + 1)
    if verb.dep_ in _INHERIT_DEPS or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        return _subject(head, lex, depth + 1)
    return None


def _is_cue(tok: Token, lex: Lexicon) -> bool:
    if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and tok.lemma_ == "say"):
        return False
    lemma = tok.lemma_.lower()
    if not lex.is_cue(lemma):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return False  # "it was reported", "he was told": no speaker in subject position
    needs = lex.particles.get(lemma)
    return not needs or any(
        c.dep_ in ("prt", "advmod", "dobj") and c.lower_ in needs for c in tok.children)


def _trim(doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    while a < b and (doc[a].is_punct or doc[a].is_space or doc[a].lower_ in _MARK_WORDS):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b - 1].dep_ == "cc"):
        b -= 1
    if b - a < 2:
        return None
    return a, b


def _same_line(a: Token, b: Token) -> bool:
    """No line break between two tokens: a parse that reaches over one joins unrelated text."""
    lo, hi = sorted((a.i, b.left_edge.i if b.i > a.i else b.right_edge.i))
    return not any("\n" in t.text for t in a.doc[lo:hi])


def _para_start(sent: Span, i: int) -> int:
    """First token of the sentence that lies in the same paragraph as token ``i``."""
    doc = sent.doc
    for j in range(i - 1, sent.start - 1, -1):
        if "\n" in doc[j].text:
            return j + 1
    return sent.start


def _left_content(sent: Span, verb: Token, subj: Token | None) -> tuple[int, int] | None:
    """Content of "S, X said." : the sentence up to the frame, when a comma or quote ends it."""
    if subj is not None and subj.tag_ in ("WP", "WDT"):
        return None  # "the war, which has continued": a relative clause reports nothing
    first = verb.i if subj is None else min(verb.i, subj.left_edge.i)
    start = _para_start(sent, first)
    # an aside in brackets or dashes reports only what it encloses; a colon starts new content
    for j in range(first - 1, start - 1, -1):
        if sent.doc[j].text in ("(", "[", "—", "–", ";", ":"):
            start = j + 1
            break
    prev = sent.doc[first - 1] if first > start else None
    if prev is None or not (prev.is_punct or prev.is_quote):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "oprd") and c.i > verb.i and _same_line(verb, c)
           for c in verb.children):
        return None  # "In April, Trump called him a liar": the content is on the right
    span = _trim(sent.doc, start, first)
    if span is None or not any(t.pos_ in ("VERB", "AUX") for t in sent.doc[span[0] : span[1]]):
        return None  # "On Twitter, X said": an opening phrase, not a reported clause
    if any(t.is_quote for t in sent.doc[start:first]):
        return span  # quotes around a frame are pieces of their own
    return span[0], _parenthetical_end(sent, verb, subj, span[1])


def _parenthetical_end(sent: Span, verb: Token, subj: Token | None, end: int) -> int:
    """'S1, he said, S2.' -- a frame inside the sentence: the content goes on after it, unless
    a quote or another report follows."""
    doc = sent.doc
    after = max(verb.i, subj.i if subj is not None and subj.i > verb.i else verb.i) + 1
    stop = sent.end
    for j in range(after, sent.end):
        if "\n" in doc[j].text:
            stop = j
            break
    if after + 1 >= stop or doc[after].text != "," or doc[after + 1].is_quote:
        return end
    rest = doc[after + 1 : stop]
    if sum(t.is_alpha for t in rest) < 3 or any(t.dep_ == "ROOT" or t.is_quote for t in rest):
        return end
    span = _trim(doc, after + 1, stop)
    return span[1] if span else end


def _clause_end(verb: Token, end: int, lex: Lexicon) -> int:
    """Where content after a cue ends: news runs it to the end of the sentence ("said the plan
    failed, in part because ..."), unless another report starts first ("..., adding that",
    "and said ...", "according to") or the paragraph ends."""
    doc = verb.doc
    stop = verb.sent.end
    for j in range(verb.i + 1, stop):
        t = doc[j]
        if "\n" in t.text:
            return j - 1
        if t.text == ":" and j + 1 < stop and doc[j + 1].is_quote:
            return j - 1  # 'asserted that S: "..."' -- the quote after the colon is its own
        own_report = t.dep_ == "conj" and _is_cue(t, lex) and any(
            c.dep_ == "ccomp" for c in t.children)
        if j <= end and t.head.i != verb.i and not own_report:
            continue
        if t.lower_ == "according" or (
            t.dep_ in ("conj", "advcl", "xcomp", "parataxis") and _is_cue(t, lex)
            and any(c.dep_ in ("ccomp", "nsubj", "dobj", "xcomp") for c in t.children)
        ):
            k = t.left_edge.i if t.left_edge.i > verb.i else j
            return max(k - 1, verb.i)
    return stop - 1


def _content(verb: Token, subj: Token | None, lex: Lexicon) -> tuple[int, int, bool] | None:
    doc = verb.doc
    lemma = verb.lemma_.lower()
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS and _same_line(verb, c)]
    right = [c for c in clauses if c.i > verb.i]
    if right:
        # the clause starts after the frame even when a bad parse hangs earlier words on it
        after = max(verb.i, subj.i if subj is not None and subj.i > verb.i else verb.i) + 1
        start = max(right[0].left_edge.i, after)
        span = _trim(doc, start, _clause_end(verb, right[-1].right_edge.i, lex) + 1)
        return (*span, True) if span else None
    left = _left_content(verb.sent, verb, subj)
    if left and (clauses or verb.dep_ in ("parataxis", "ccomp", "ROOT")):
        return (*left, True)
    if lemma in lex.belief:
        return None
    xcomp = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    if xcomp and xcomp[0].lemma_.lower() in lex.speech:
        return None  # "went on to say": the inner verb carries the frame
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    preps = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
    tail = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > verb.i]
    tail += [p for p in preps if p.lower_ in lex.object_preps]
    if lemma in lex.hearer:
        if not xcomp:
            # "thanked him for stepping up", "warned them of a crisis"
            for p in preps:
                if p.lower_ in lex.object_preps and p.i > (objs[0].i if objs else verb.i):
                    span = _trim(doc, p.i + 1, _clause_end(verb, p.right_edge.i, lex) + 1)
                    return (*span, False) if span else None
            return None
        start = (xcomp if lemma in lex.hearer_only else objs or xcomp)[0].left_edge.i
        span = _trim(doc, start, _clause_end(verb, xcomp[-1].right_edge.i, lex) + 1)
        return (*span, True) if span else None
    if lemma == "call":
        for p in preps:
            if p.lower_ in ("for", "on"):
                span = _trim(doc, p.i + 1, _clause_end(verb, p.right_edge.i, lex) + 1)
                return (*span, False) if span else None
    if not objs or objs[0].lower_ in ("it", "this", "that", "so", "something", "nothing"):
        return None
    if lemma in lex.clause_only and not tail:
        return None
    end = max([objs[-1].right_edge.i, *(t.right_edge.i for t in tail)]) + 1
    span = _trim(doc, objs[0].left_edge.i, _clause_end(verb, end - 1, lex) + 1)
    return (*span, False) if span else None


def _according(tok: Token, lex: Lexicon) -> Frame | None:
    """'According to X, S' / 'S, according to X': X is the source, the rest of S the content."""
    for words in lex.according:
        if tok.lower_ != words[0] or tok.i + len(words) > len(tok.doc):
            continue
        if [t.lower_ for t in tok.doc[tok.i : tok.i + len(words)]] != list(words):
            continue
        prep = tok.doc[tok.i + len(words) - 1]
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if not objs:
            return None
        src = objs[0]
        s_start, s_end = mention_bounds(src)
        sent = tok.sent
        phrase_end = max(s_end, src.right_edge.i + 1)
        if tok.i - sent.start <= 1:
            span = _trim(tok.doc, phrase_end, sent.end)
        else:
            span = _trim(tok.doc, sent.start, tok.i)
        if span is None:
            return None
        return Frame(tok.i, " ".join(words), s_start, s_end, *span)
    return None


def _headline(sent: Span) -> bool:
    """Title Case lines are headlines and section heads: their verbs report nothing."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def find_frames(doc: Doc, lex: Lexicon) -> Iterator[Frame]:
    """Every attribution frame of the parsed body, in text order."""
    headlines = {s.start for s in doc.sents if _headline(s)}
    for tok in doc:
        if tok.sent.start in headlines:
            continue
        if tok.lower_ in ("according", "as") and tok.i + 1 < len(doc):
            frame = _according(tok, lex)
            if frame:
                yield frame
            continue
        if not _is_cue(tok, lex):
            continue
        subj = _subject(tok, lex)
        if subj is None or (subj.lower_ in lex.non_speakers and subj.tag_ not in ("WDT",)
                            and not (subj.lower_ == "it" and tok.lemma_.lower() in lex.speech)):
            continue  # but "it reads", "it said" (a document, a company) do report
        s_start, s_end = mention_bounds(_antecedent(subj))
        content = _content(tok, subj, lex)
        colon = tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":"
        belief = tok.lemma_.lower() in lex.belief and tok.lemma_.lower() not in lex.speech
        if content is None:
            yield Frame(tok.i, tok.text, s_start, s_end, None, None, colon, belief=belief)
        else:
            yield Frame(tok.i, tok.text, s_start, s_end, content[0], content[1], colon,
                        clausal=content[2], belief=belief)
