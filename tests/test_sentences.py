"""The sentence index answers exactly what spaCy answers, for tokens, spans and the document."""

from __future__ import annotations

from quotetrace.sentences import index_sentences

TEXT = ("The minister arrived on Monday. \"We will not give in,\" she said. Talks resumed; "
        "nobody spoke.\n\nA new paragraph starts here. And ends.")


def test_index_matches_spacy(nlp):
    plain, indexed = nlp(TEXT), index_sentences(nlp(TEXT))
    assert [s.text for s in indexed.sents] == [s.text for s in plain.sents]
    for a, b in zip(plain, indexed, strict=True):
        assert (b.sent.start, b.sent.end) == (a.sent.start, a.sent.end)
    for i in range(len(plain)):
        for j in range(i + 1, min(len(plain), i + 12) + 1):
            assert indexed[i:j].sent.start == plain[i:j].sent.start


def test_index_is_idempotent_and_skips_empty_docs(nlp):
    doc = index_sentences(nlp(TEXT))
    hooks = dict(doc.user_token_hooks)
    assert index_sentences(doc).user_token_hooks == hooks
    empty = nlp("")
    assert index_sentences(empty) is empty and not empty.user_hooks
