"""Part of speech, morphology and lemmas, as the model's own attribute ruler and lemmatizer give
them, remembered per word form.

The English model maps each token's tag to its part of speech and morphology with an attribute
ruler (about 180 token patterns matched over every token) and then lemmatises each token with
rules: together a fifth of the parse time, for answers that depend only on the word form, its
tag and its dependency label. This component asks the model's own two components once per
distinct (form, tag, label), on a small document of the new forms, and copies the answers onto
every later token. Patterns that look at a neighbouring token ("there is", "gon na") run as
they did, through the model's own ruler restricted to them. The result is the model's output
token for token (``tests/test_attributes.py`` checks it on real text).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer
    from spacy.vocab import Vocab

NAME = "quotetrace_attributes"
REPLACES = ("attribute_ruler", "lemmatizer")

# A long run meets ever more word forms (names, typos): past this many the answers are dropped
# and learned again, so memory stays bounded (about 100 MB at most).
MAX_ANSWERS = 500_000
_Key = tuple[int, int, int]  # orth, tag, dep
_Answer = tuple[int, int, int, int, int]  # tag, pos, morph, dep, lemma


class CachedAttributes:
    def __init__(self, vocab: Vocab, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        self.vocab = vocab
        self.lemmatizer = lemmatizer
        _index_as_sets(lemmatizer)
        single = [p for p in ruler.patterns if all(len(pat) == 1 for pat in p["patterns"])]
        multi = [p for p in ruler.patterns if any(len(pat) > 1 for pat in p["patterns"])]
        self.single = _ruler(vocab, single)
        self.lookup = _TokenPatterns.of(vocab, single)
        self.multi = _ruler(vocab, multi) if multi else None
        self.answers: dict[_Key, _Answer] = {}
        # the lemmatizer reads only form, part of speech and morphology: fewer keys than above
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = list(zip(*doc.to_array([ORTH, TAG, DEP]).T.tolist(), strict=True))
        new = {k for k in keys if k not in self.answers}
        if len(self.answers) + len(new) > MAX_ANSWERS:
            self.answers.clear()
            self.lemmas.clear()
            new = set(keys)
        if new:
            self._learn(sorted(new))
        answers = [self.answers[k] for k in keys]
        values = numpy.array(answers, dtype="uint64")[:, [1, 2, 4]]
        doc.from_array([POS, MORPH, LEMMA], values)
        for i, (key, answer) in enumerate(zip(keys, answers, strict=True)):
            if answer[0] != key[1] or answer[3] != key[2]:  # whitespace: tag and label
                doc[i].tag, doc[i].dep = answer[0], answer[3]
        if self.multi is not None:
            self._neighbours(doc)
        return doc

    def _learn(self, keys: list[_Key]) -> None:
        strings = self.vocab.strings
        mini = Doc(
            self.vocab,
            words=[strings[k[0]] for k in keys],
            spaces=[False] * len(keys),
            tags=[strings[k[1]] for k in keys],
            deps=[strings[k[2]] for k in keys],
            heads=list(range(len(keys))),  # each its own root: only labels matter here
        )
        if self.lookup is not None:
            self.single.set_annotations(mini, self.lookup.match(mini))
        else:
            self.single(mini)
        # a lemma the ruler set itself stays; the others are the lemmatizer's, shared by keys
        unset = [t.i for t in mini if t.lemma == 0]
        for i in unset:
            t = mini[i]
            t.lemma = self.lemmas.get((t.orth, t.pos, t.morph.key), 0)
        self.lemmatizer(mini)  # fills only the lemmas still 0
        for i in unset:
            t = mini[i]
            self.lemmas[(t.orth, t.pos, t.morph.key)] = t.lemma
        for key, t in zip(keys, mini, strict=True):
            self.answers[key] = (t.tag, t.pos, t.morph.key, t.dep, t.lemma)

    def _neighbours(self, doc: Doc) -> None:
        # Lemmas stay as the cache gave them, as in the model, where the lemmatizer runs after
        # these patterns and keeps the lemma the retokenizing ruler already set.
        assert self.multi is not None
        matches = self.multi.match(doc)
        if matches:
            self.multi.set_annotations(doc, matches)


class _TokenPatterns:
    """The single-token patterns of an attribute ruler, matched by dictionary look-up.

    spaCy's matcher tests every pattern on every token (about 45 us a token for the English
    ruler's 170 patterns); most of these patterns name one tag and one lowercase form, so a
    look-up on (tag, form) finds them, and the few others are tested one by one. The matches
    come out in the ruler's own format and order, and the ruler applies them as always.
    """

    _KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})

    def __init__(self, vocab: Vocab, entries: list[tuple[int, dict[str, Any]]]) -> None:
        self.ids = [vocab.strings.add(str(k)) for k in range(len(entries))]
        self.by_tag_form: dict[tuple[str, str], list[int]] = {}
        self.by_tag: dict[str, list[int]] = {}
        # the other patterns, filed under a form or a tag they need when they name one
        self.others_by: dict[tuple[str, str], list[tuple[int, dict[str, Any]]]] = {}
        self.always: list[tuple[int, dict[str, Any]]] = []
        for k, spec in entries:
            tag, form = spec.get("TAG"), spec.get("LOWER")
            rest = set(spec) - {"TAG", "LOWER"}
            if isinstance(tag, str) and not rest and isinstance(form, (str, dict)) and (
                    isinstance(form, str) or set(form) == {"IN"}):
                for f in [form] if isinstance(form, str) else form["IN"]:
                    self.by_tag_form.setdefault((tag, f), []).append(k)
            elif isinstance(tag, str) and set(spec) == {"TAG"}:
                self.by_tag.setdefault(tag, []).append(k)
            else:
                self._file(k, spec)

    def _file(self, k: int, spec: dict[str, Any]) -> None:
        tests = {a: _predicate(v) for a, v in spec.items()}
        for attr in ("LOWER", "TAG"):
            want = spec.get(attr)
            if isinstance(want, dict) and set(want) == {"IN"}:
                want = want["IN"]
            elif isinstance(want, str):
                want = [want]
            else:
                continue
            for value in want:
                self.others_by.setdefault((attr, value), []).append((k, tests))
            return
        self.always.append((k, tests))

    @classmethod
    def of(cls, vocab: Vocab, patterns: list[dict[str, Any]]) -> _TokenPatterns | None:
        """None when a pattern uses what the look-up does not read (then the matcher runs)."""
        entries: list[tuple[int, dict[str, Any]]] = []
        for k, entry in enumerate(patterns):
            for pattern in entry["patterns"]:
                spec = pattern[0]
                if len(pattern) != 1 or not set(spec) <= cls._KEYS or any(
                        isinstance(v, dict) and not set(v) <= {"IN", "NOT_IN", "REGEX"}
                        for v in spec.values()):
                    return None
                entries.append((k, spec))
        return cls(vocab, entries) if entries else None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found: list[tuple[int, int, int, int]] = []
        for t in doc:
            values = {"TAG": t.tag_, "LOWER": t.lower_, "DEP": t.dep_, "IS_SPACE": t.is_space}
            hits = set(self.by_tag_form.get((values["TAG"], values["LOWER"]), ()))
            hits.update(self.by_tag.get(values["TAG"], ()))
            for k, tests in (*self.others_by.get(("LOWER", values["LOWER"]), ()),
                             *self.others_by.get(("TAG", values["TAG"]), ()), *self.always):
                if all(test(values[a]) for a, test in tests.items()):
                    hits.add(k)
            found.extend((k, self.ids[k], t.i, t.i + 1) for k in hits)
        found.sort()
        return found


def _predicate(value: Any) -> Any:
    if not isinstance(value, dict):
        return lambda v, want=value: v == want
    tests = []
    for op, arg in value.items():
        if op == "IN":
            tests.append(lambda v, s=frozenset(arg): v in s)
        elif op == "NOT_IN":
            tests.append(lambda v, s=frozenset(arg): v not in s)
        else:  # REGEX: spaCy searches, it does not anchor
            tests.append(lambda v, r=re.compile(arg): bool(r.search(v)))
    return lambda v: all(test(v) for test in tests)


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """The rule lemmatizer tests candidate forms with ``form in index``, and the English
    tables hold each part of speech's index as a list of tens of thousands of words: a set
    answers the same test without the scan."""
    table = lemmatizer.lookups.get_table("lemma_index", None)
    if table is None:
        return
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def _ruler(vocab: Vocab, patterns: list[dict[str, Any]]) -> AttributeRuler:
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(patterns)
    return ruler


@Language.factory(NAME)
def make_attributes(nlp: Language, name: str) -> CachedAttributes:
    return CachedAttributes(
        nlp.vocab, nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    )


def install(nlp: Language) -> Language:
    """Put the cached component in place of the model's attribute ruler and lemmatizer (kept,
    disabled, as the component's source of answers)."""
    if NAME in nlp.component_names or not all(n in nlp.pipe_names for n in REPLACES):
        return nlp
    nlp.add_pipe(NAME, before=REPLACES[0])
    for name in REPLACES:
        nlp.disable_pipe(name)
    return nlp
