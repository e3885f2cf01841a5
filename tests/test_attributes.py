"""The cached attribute component gives, token for token, what the model's own attribute ruler
and lemmatizer give: on real articles, and on the word forms whose patterns look at a neighbour."""

from __future__ import annotations

import spacy

from quotetrace.attributes import NAME
from quotetrace.nlp import MODEL_NAMES

NEIGHBOURS = ("There are reasons, and there's more. Y'all gon na see, let's go, "
              "it ain't over. I told you it was him.")


def _reference() -> spacy.language.Language:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    raise AssertionError("no English model installed")


def _annotations(doc: spacy.tokens.Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.dep_, t.lemma_) for t in doc]


def test_same_annotations_as_the_model(nlp, shared):
    assert NAME in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").iterdir())
             if p.is_file()]
    texts.append(NEIGHBOURS)
    ref = _reference()
    for ours, theirs in zip(nlp.pipe(texts), ref.pipe(texts), strict=True):
        assert _annotations(ours) == _annotations(theirs)


def test_answers_are_remembered(nlp):
    component = nlp.get_pipe(NAME)
    nlp("The ministers met in an unusually quiet hall.")
    known = len(component.answers)
    nlp("The ministers met in an unusually quiet hall.")
    assert len(component.answers) == known > 0
