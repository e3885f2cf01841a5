"""Named entities from rules over the parse, in place of the model's statistical recogniser.

The recogniser is the costliest part of the English model (about 40 % of the parse), and
quotetrace reads entities for three things only: the full names of people (to resolve "he" and
"Lavrov" to "Sergey Lavrov"), what a statement is about, and whether a speaker or an event's
actor is a person, an organisation or a government. Those come from two sources here:

- the package's actor tables (countries, capitals, demonyms, organisations), matched as phrases:
  GPE, NORP and ORG with certainty;
- runs of proper nouns in the parse: two or three title-case words, or one after a title, are
  a PERSON ("Sergey Lavrov", "Minister Lavrov"; the titles are left out of the name); a run
  holding an organisation word or an acronym is an ORG ("the Defense Ministry", "Ministry of
  Foreign Affairs"); a lone word that is the surname of a person named in the document is that
  PERSON; a run with a place word and no organisation word is a LOC ("Lake Ivel"); any other
  proper name is a NAME (of a kind the rules cannot tell), so that it still
  counts for what a statement is about without a type dressed as a fact.

``Options(entities="model")`` keeps the statistical recogniser instead (slower, better at
places and organisations the tables do not list).
"""

from __future__ import annotations

import calendar
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

if TYPE_CHECKING:
    from .attribute.roles import Roles

NAME = "quotetrace_entities"
_LABEL_OF_KIND = {"country": "GPE", "capital": "GPE", "demonym": "NORP", "igo": "ORG",
                  "ngo": "ORG", "group": "ORG"}
_JOINERS = frozenset({"of", "for"})  # "Ministry of Foreign Affairs"; not "and": two names
_CALENDAR = frozenset(
    w.lower() for w in (*calendar.month_name, *calendar.day_name, *calendar.month_abbr) if w
)


class RuleEntities:
    def __init__(self, nlp: Language) -> None:
        from .attribute.roles import roles
        from .events.tables import tables

        self.roles = roles()
        self.matcher = PhraseMatcher(nlp.vocab)
        by_label: dict[str, list[Doc]] = {}
        for name, entry in tables().names.items():
            label = _LABEL_OF_KIND.get(entry.kind)
            if label:
                by_label.setdefault(label, []).append(nlp.make_doc(name))
        for label, patterns in by_label.items():
            self.matcher.add(label, patterns)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        spans += name_runs(doc, self.roles)
        doc.ents = filter_spans(spans)
        return doc


def name_runs(doc: Doc, roles: Roles) -> list[Span]:
    """Proper-noun runs labelled PERSON, LOC, ORG or NAME (see the module's docstring)."""
    found: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        if doc[i].pos_ != "PROPN":
            i += 1
            continue
        j = _run_end(doc, i)
        while _org_words(doc[i:j], roles) and j + 1 < n and doc[j].lower_ in _JOINERS \
                and doc[j + 1].pos_ == "PROPN":
            j = _run_end(doc, j + 1)
        span = _labelled(doc, i, j, roles)
        if span is not None:
            found.append(span)
        i = max(j, i + 1)
    surnames = {s[-1].lower_ for s in found if s.label_ == "PERSON" and len(s) > 1}
    return [Span(doc, s.start, s.end, label="PERSON")
            if s.label_ == "NAME" and len(s) == 1 and s[0].lower_ in surnames else s
            for s in found]


def person_runs(doc: Doc, roles: Roles) -> list[Span]:
    """The PERSON runs alone, for documents parsed without any entity recogniser."""
    return [s for s in name_runs(doc, roles) if s.label_ == "PERSON"]


def _run_end(doc: Doc, i: int) -> int:
    j = i
    while j < len(doc) and doc[j].pos_ == "PROPN" and "\n" not in doc[j].text:
        j += 1
    return j


def _org_words(run: Span, roles: Roles) -> bool:
    return any(t.lower_ in roles.not_person or t.lower_ in roles.org_nouns
               or (t.is_upper and len(t) > 1) for t in run)


def _labelled(doc: Doc, i: int, j: int, roles: Roles) -> Span | None:
    # "Russian Foreign Minister Sergey Lavrov": the name is what follows the last title word
    titled = i > 0 and _title(doc[i - 1], roles)
    start = i
    for k in range(i, j):
        if _title(doc[k], roles):
            start, titled = k + 1, True
    if doc[j - 1].lower_.rstrip(".") in _CALENDAR:
        return None  # a date ("Monday", "Super Tuesday"), which nothing here needs
    if i > 1 and doc[i - 1].lower_ in _JOINERS and _title(doc[i - 2], roles):
        # "Secretary of State Hillary Clinton": the title's complement leads the run
        while start < j - 1 and _org_words(doc[start : start + 1], roles):
            start, titled = start + 1, True
    whole, run = doc[i:j], doc[start:j]
    if len(run) and _place(run, roles) and not _organisation(run, roles, places=False):
        return Span(doc, start, j, label="LOC")
    words = _name_words(run)
    if words and (2 <= len(words) <= 3 or (len(words) == 1 and titled)) \
            and not _organisation(run, roles):
        return Span(doc, start, j, label="PERSON")
    if _organisation(whole, roles):
        return Span(doc, i, j, label="ORG")
    return Span(doc, start, j, label="NAME") if words else None


def _title(token: Token, roles: Roles) -> bool:
    return token.lower_.rstrip(".") in roles.honorifics or token.lower_ in roles.heads


def _name_words(run: Span) -> list[Token]:
    """The words of a run ("J." counts), or none when one is not capitalised."""
    words = [t for t in run if t.is_alpha or t.text.endswith(".")]
    return words if all(t.text[:1].isupper() for t in words) else []


def _place(run: Span, roles: Roles) -> bool:
    # "Lake Ivel", "Port Ostra", "Wall Street", "North Carolina"
    return run[0].lower_ in roles.places or run[-1].lower_ in roles.places


def _organisation(run: Span, roles: Roles, places: bool = True) -> bool:
    """An organisation noun or an acronym anywhere ("Ministry of Defence", "NATO"), or a
    not-a-person word as the run's last word ("New York Times"; but "Bill Clinton")."""
    last = run[-1].lower_
    return any(t.lower_ in roles.org_nouns or (t.is_upper and len(t) > 1) for t in run) or (
        last in roles.not_person and (places or last not in roles.places))


@Language.factory(NAME)
def make_entities(nlp: Language, name: str) -> RuleEntities:
    return RuleEntities(nlp)
