"""Resolve each statement's speaker mention to the fullest name the article gives.

Names resolve through the article's person clusters; pronouns to the nearest preceding person
in subject position (falling back on the last person who spoke); role nouns to the person whose
learned title matches; organisations to their fullest name in the article. A mention that none
of these resolves keeps a null speaker: no guess is dressed as a fact.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from spacy.tokens import Doc, Span, Token

from ..model import Article, Statement
from .mentions import Registry, build_registry
from .roles import Roles, roles

_WINDOW = 1500  # characters back that a pronoun may reach for its antecedent


class _Resolver:
    def __init__(self, article: Article, doc: Doc) -> None:
        self.doc = doc
        self.roles: Roles = roles()
        self.reg: Registry = build_registry(doc, self.roles)
        self.article = article
        self.last_person: int | None = None
        self.extra: list[tuple[int, int]] = []  # (position, person) learned from role mentions

    # -- people ---------------------------------------------------------------------------
    def _person_in(self, span: Span) -> int | None:
        for tok in span:
            if tok.i in self.reg.by_token:
                return self.reg.by_token[tok.i]
        return None

    def _pronoun(self, pos: int) -> int | None:
        mentions = self.reg.mentions
        k = bisect.bisect_left([m.pos for m in mentions], pos)
        cands = [(m.pos, m.person, m.subject) for m in mentions[:k]
                 if m.pos >= pos - _WINDOW and self.reg.persons[m.person].plausible]
        cands += [(p, i, True) for p, i in self.extra if pos - _WINDOW <= p < pos]
        cands.sort()
        for _p, i, subject in reversed(cands):
            if subject:
                return i
        if cands:
            return cands[-1][1]
        return self.last_person

    def _role(self, span: Span, head: Token) -> int | None:
        lemma = head.lemma_.lower()
        mods = [t.lower_ for t in span if t.i != head.i and not t.is_punct
                and t.lower_ not in self.roles.vague and t.pos_ not in ("DET", "PRON")]
        wanted = self.roles.wordings(lemma)
        best: int | None = None
        for i, person in enumerate(self.reg.persons):
            have = person.roles
            if not have:
                continue
            if not any(all(_has(have, w) for w in wording.split()) for wording in wanted):
                continue
            if not all(_has(have, m) or any(m in w.split() for w in wanted) for m in mods):
                continue
            if best is None or self._recency(i, head.idx) > self._recency(best, head.idx):
                best = i
        return best

    def _recency(self, person: int, pos: int) -> int:
        seen = [m.pos for m in self.reg.mentions if m.person == person and m.pos < pos]
        return max(seen, default=-1)

    # -- organisations --------------------------------------------------------------------
    def _org(self, span: Span) -> str | None:
        words = [t for t in span if not (t.i == span.start and t.pos_ in ("DET", "PRON"))]
        while words and (words[-1].is_punct or words[-1].tag_ == "POS"):
            words.pop()
        if not words:
            return None
        head = span.root
        # The head names the organisation; a name inside the phrase ("the civil war in
        # Ukraine", "a new Associated Press poll") does not make the phrase a speaker.
        lemma = head.lemma_.lower()
        is_org = (head.ent_type_ in ("ORG", "GPE", "NORP") or head.pos_ == "PROPN"
                  or lemma in self.roles.org_nouns)
        if not is_org or lemma in self.roles.heads:
            return None
        name = self.doc[words[0].i : words[-1].i + 1].text
        fuller = [o for o in self.reg.orgs if name.lower() in o.lower() and len(o) > len(name)]
        if fuller and head.pos_ == "PROPN":
            name = max(fuller, key=len)
            name = name[4:] if name.lower().startswith("the ") else name
        return name

    def _member_org(self, span: Span, head: Token) -> str | None:
        """'the defense officials' speak for 'the UK defense ministry' named before."""
        mods = {t.lower_ for t in span if t.i != head.i and t.pos_ in ("ADJ", "NOUN", "PROPN")}
        mods -= self.roles.vague
        if not mods:
            return None
        for ent_tok in reversed(list(self.doc[: span.start])):
            if ent_tok.dep_ in ("nsubj", "nsubjpass") and \
                    ent_tok.lemma_.lower() in self.roles.org_nouns:
                np = self.doc[ent_tok.left_edge.i : ent_tok.i + 1]
                if mods & {t.lower_ for t in np}:
                    return self._org(np)
        return None

    # -- dispatch -------------------------------------------------------------------------
    def span_speaker(self, span: Span, depth: int = 0) -> tuple[str | None, float]:
        head = span.root
        low = head.lower_
        person = self._person_in(span)
        if person is not None:
            return self._person(person), 0.95
        if low in self.roles.relative_pronouns and depth < 2:
            ante = head.head.head if head.head.dep_ in ("relcl", "acl") else None
            if ante is not None and ante is not head:
                # "Sanders, who said ...": the noun the relative clause hangs on
                return self.span_speaker(self.doc[ante.left_edge.i : ante.i + 1], depth + 1)
            return None, 0.3
        if low in self.roles.person_pronouns:
            found = self._pronoun(head.idx)
            return (self._person(found), 0.75) if found is not None else (None, 0.3)
        if low in self.roles.group_pronouns or low in self.roles.self_pronouns:
            return None, 0.3
        lemma = head.lemma_.lower()
        if lemma in self.roles.heads or lemma in self.roles.synonyms:
            found = self._role(span, head)
            if found is not None:
                self.extra.append((head.idx, found))
                return self._person(found), 0.8
        if lemma in self.roles.members or head.lower_ in self.roles.members:
            org = self._member_org(span, head)
            if org:
                return org, 0.6
            return None, 0.3
        org = self._org(span)
        if org:
            return org, 0.85
        return None, 0.3

    def _person(self, i: int) -> str:
        self.last_person = i
        return self.reg.persons[i].canonical

    def label_speaker(self, label: str) -> tuple[str | None, float]:
        if label.lower() in self.roles.interviewer_labels:
            who = self.interviewer()
            return (who, 0.8) if who else (None, 0.3)
        words = tuple(w for w in re.findall(r"[\w’'-]+", label)
                      if w.lower().rstrip(".") not in self.roles.honorifics)
        i = self.reg.lookup(tuple(w.title() if w.isupper() else w for w in words))
        if i is not None:
            return self.reg.persons[i].canonical, 0.9
        return " ".join(words) or label, 0.7

    def interviewer(self) -> str | None:
        a = self.article
        for text in (a.title, a.standfirst, self.doc.text[:1500]):
            for pat in self.roles.interviewer_patterns:
                m = pat.search(text or "")
                if m:
                    return m.group("x").strip()
        return a.outlet


def _has(have: set[str], word: str) -> bool:
    """Title words match on a shared stem, so 'Russian' matches 'Russia's'."""
    if word in have:
        return True
    stem = word[:5]
    return len(word) >= 5 and any(h[:5] == stem for h in have)


def resolve(article: Article, doc: Doc, statements: list[Statement]) -> list[Statement]:
    r = _Resolver(article, doc)
    out: list[Statement] = []
    for st in sorted(statements, key=lambda s: s.start):
        speaker: str | None = None
        conf = 0.3
        if st.kind == "transcript" and st.speaker_mention:
            speaker, conf = r.label_speaker(st.speaker_mention)
        elif st.speaker_span is not None:
            span = doc.char_span(*st.speaker_span, alignment_mode="expand")
            if span is not None and len(span):
                speaker, conf = r.span_speaker(span)
        elif st.speaker_mention:
            i = r.reg.lookup(tuple(st.speaker_mention.split()))
            speaker, conf = (r.reg.persons[i].canonical, 0.8) if i is not None else (None, 0.3)
        if speaker is not None:
            i = r.reg.lookup(tuple(speaker.split()))
            if i is not None:
                r.last_person = i
        out.append(dataclasses.replace(st, speaker=speaker,
                                       confidence=round(st.confidence * conf, 3)))
    return out
