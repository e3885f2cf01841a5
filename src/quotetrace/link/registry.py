"""The speaker registry: which speaker names across articles are one real person or organisation.

A pure function of the set of names seen (with counts) and the user's manual decisions, so that
ingesting the same articles in any order gives the same speakers. Merges are conservative: two
people who share a surname stay apart unless their given names agree, and a bare surname joins a
full name only when exactly one person of that surname is known. Every merge carries its reason.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from rapidfuzz.distance import JaroWinkler

from .names import fold, parts, word_key

Kind = str  # "person" | "organisation" | "government"

# Given names this alike (Jaro-Winkler) are spellings of one name: Aleksandr/Alexander,
# Mohammed/Muhammad. Below it, two people (Hillary/Bill) stay apart.
GIVEN_SIMILARITY = 0.88


@dataclass(frozen=True, slots=True)
class Override:
    """A user's decision, which automatic linking never undoes."""

    action: str  # "merge" (a and b are one speaker) or "split" (a is a speaker of its own)
    a: str
    b: str | None = None


@dataclass(slots=True)
class SpeakerGroup:
    name: str  # canonical: the most used full form
    kind: Kind | None
    aliases: dict[str, str] = field(default_factory=dict)  # other name -> why it was merged

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@cache
def _data(name: str) -> dict:
    return json.loads(resources.files("quotetrace").joinpath(f"data/{name}").read_text("utf-8"))


def kind_of(name: str) -> Kind | None:
    """Person, organisation or government, from the words of the name; None when unclear."""
    low = f" {fold(name)} "
    table = _data("link_kinds.json")
    for kind in ("government", "organisation"):
        if any(re.search(rf"\b{re.escape(w)}\b", low) for w in table[kind]):
            return kind
    words = re.findall(r"[^\W\d_]+", name)
    if len(words) >= 2 and all(w[0].isupper() for w in words) and not name.isupper():
        return "person"
    if name.isupper() and len(name) <= 6:
        return "organisation"  # an acronym
    return None


def _kind(name: str, hints: Mapping[str, int] | None) -> Kind | None:
    # The name's own words ("ministry", "agency") outweigh the parser, which often calls
    # organisations people; otherwise the parser's majority decides.
    lexical = kind_of(name)
    if lexical in ("government", "organisation") or not hints:
        return lexical
    return max(sorted(hints), key=lambda k: hints[k])


def org_key(name: str) -> str:
    """Organisation names compared as bags of content words, British and American alike."""
    table = _data("link_names.json")
    spelling, stop = table["org_spelling"], set(table["org_stop"])
    words = [spelling.get(w, w) for w in re.findall(r"\w+", fold(name)) if w not in stop]
    return " ".join(sorted(words))


@cache
def _variants() -> dict[str, str]:
    out = {}
    for group in _data("link_names.json")["variants"]:
        for v in group:
            out[fold(v)] = group[0]
    return out


def _given_match(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """Why two given-name sequences name the same person, or None."""
    if not a or not b:
        return None
    x, y = a[0], b[0]
    if x == y:
        return "same name under transliteration"
    if JaroWinkler.similarity(x, y) >= GIVEN_SIMILARITY and min(len(x), len(y)) > 3:
        return "given names are spelling variants"
    return None


def build(
    counts: Mapping[str, int],
    overrides: Iterable[Override] = (),
    kind_hints: Mapping[str, Mapping[str, int]] | None = None,
) -> list[SpeakerGroup]:
    """Group speaker names into speakers.

    ``counts``: how many statements carry each name; ``kind_hints``: for a name, how many
    articles' parses called it a person, an organisation or a government.
    """
    names = sorted(counts)
    overrides = list(overrides)
    split = {fold(o.a) for o in overrides if o.action == "split"}
    parent = {n: n for n in names}
    reason: dict[str, str] = {}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: str, b: str, why: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
            reason.setdefault(a, why)
            reason.setdefault(b, why)

    kinds = {n: _kind(n, (kind_hints or {}).get(n)) for n in names}
    auto = [n for n in names if fold(n) not in split]
    by_key: dict[str, list[str]] = defaultdict(list)
    for n in auto:
        if kinds[n] in ("organisation", "government") or len(parts(n).given) == 0:
            k = _variants().get(fold(n)) or org_key(n)
            by_key["org:" + fold(k)].append(n)
    for group in by_key.values():
        for other in group[1:]:
            union(group[0], other, "same organisation name, word order and spelling aside")

    persons = [n for n in auto if kinds[n] == "person" and parts(n).given]
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in persons:
        by_surname[parts(n).surname].append(n)
    for group in by_surname.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                why = _given_match(parts(a).given, parts(b).given)
                if why:
                    union(a, b, why)

    # A bare surname joins the one person of that surname; with two or more it stays apart.
    for n in auto:
        p = parts(n)
        if p.given or p.words != 1 or kinds[n] in ("organisation", "government"):
            continue
        people = {find(m) for m in by_surname.get(p.surname, [])}
        if len(people) == 1:
            union(next(iter(people)), n, "surname of the only person of that name")

    for o in overrides:
        if o.action == "merge" and o.b and o.a in parent and o.b in parent:
            union(o.a, o.b, "merged by hand")

    groups: dict[str, list[str]] = defaultdict(list)
    for n in names:
        groups[find(n)].append(n)
    out = []
    for members in groups.values():
        canonical = max(members, key=lambda m: (counts[m], parts(m).words, len(m), m))
        aliases = {m: reason.get(m, "same speaker") for m in members if m != canonical}
        kind = kinds[canonical] or next((kinds[m] for m in members if kinds[m]), None)
        out.append(SpeakerGroup(canonical, kind, aliases))
    return sorted(out, key=lambda g: fold(g.name))


def word_keys(name: str) -> list[str]:
    """Keys of each word of a name (for alias search)."""
    return [word_key(w) for w in re.findall(r"[^\W\d_]+", name)]
