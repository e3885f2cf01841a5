"""Sentence lookups in constant time, for the stages that ask "which sentence is this token in?".

spaCy answers ``token.sent``, ``span.sent`` and ``doc.sents`` by first checking that the whole
document has sentence boundaries (a Python-level walk over every token), so each call costs the
length of the article; extraction and event coding ask thousands of times per article. Here the
boundaries are read once and spaCy's own user hooks answer from that index, so every stage (and
any code of the user's that reads ``.sent``) gets the same sentences, only faster.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MARK = "quotetrace_sentences"


def index_sentences(doc: Doc) -> Doc:
    """Install the index on ``doc`` (once; a document without sentence boundaries is left as
    it is, so spaCy still raises its own error there)."""
    if _MARK in doc.user_hooks or len(doc) == 0 or not doc.has_annotation("SENT_START"):
        return doc
    sents = list(doc.sents)
    starts = [s.start for s in sents]

    def of_index(i: int) -> Span:
        return sents[bisect_right(starts, i) - 1]

    def of_token(token: Token) -> Span:
        return of_index(token.i)

    def of_span(span: Span) -> Span:
        # as spaCy: a span crossing a boundary belongs to the sentence it starts in
        return of_index(span.start)

    doc.user_hooks["sents"] = lambda _doc: iter(sents)
    doc.user_hooks[_MARK] = of_index
    doc.user_token_hooks["sent"] = of_token
    doc.user_span_hooks["sent"] = of_span
    return doc
