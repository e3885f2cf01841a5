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


def test_look_up_finds_what_the_matcher_finds(nlp, shared):
    from spacy.tokens import Doc

    component = nlp.get_pipe(NAME)
    assert component.lookup is not None  # the English ruler's patterns are all look-up-able
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").iterdir())
                    if p.is_file()) + " " + NEIGHBOURS
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = nlp(text)
    keys = sorted({(t.orth, t.tag, t.dep) for t in parsed})
    s = nlp.vocab.strings
    mini = Doc(nlp.vocab, words=[s[k[0]] for k in keys], spaces=[False] * len(keys),
               tags=[s[k[1]] for k in keys], deps=[s[k[2]] for k in keys],
               heads=list(range(len(keys))))
    assert component.lookup.match(mini) == [tuple(m) for m in component.single.match(mini)]


def test_answers_are_bounded(nlp, monkeypatch):
    import quotetrace.attributes as attributes

    component = nlp.get_pipe(NAME)
    monkeypatch.setattr(attributes, "MAX_ANSWERS", 5)
    doc = nlp("Seven quite different words stand right here.")
    assert len(component.answers) <= max(5, len(doc))
    assert [t.lemma_ for t in doc][:2] == ["seven", "quite"]
