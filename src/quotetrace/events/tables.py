"""Actor tables: country names (pycountry), and the package's data for what pycountry lacks.

``data/actors_tables.json`` holds aliases, demonyms, capitals, organisations, role nouns and
outlets. This module compiles them into one gazetteer regex and answers: which code and which
sector does a phrase name? A phrase the tables do not know gets no code: never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from .lexicon import read_data


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    sector: str | None
    kind: str  # country, demonym, capital, igo, ngo, group


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ActorTables:
    names: dict[str, Entry]
    pattern: re.Pattern[str]
    roles: dict[str, str]
    outlets: frozenset[str]
    first_person: frozenset[str]
    third_person: frozenset[str]
    relative: frozenset[str]

    def matches(self, text: str) -> list[Match]:
        """Every name the tables know in ``text``, longest first at each position."""
        out = []
        for m in self.pattern.finditer(text):
            entry = self.names.get(m.group(0)) or self.names.get(_title(m.group(0)))
            if entry:
                out.append(Match(entry, m.start(), m.end(), m.group(0)))
        return out

    def is_outlet(self, text: str) -> bool:
        words = text.strip()
        for prefix in ("the ", "The "):
            words = words.removeprefix(prefix)
        return words in self.outlets or words.lower() in self.outlets


def _title(s: str) -> str:
    return s.title() if s.isupper() and len(s) > 3 else s


def _country_names() -> dict[str, str]:
    """pycountry's names that read like running text (no "Korea, Republic of")."""
    out = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and "(" not in name:
                out[name] = c.alpha_3
    return out


@lru_cache(maxsize=1)
def tables() -> ActorTables:
    raw = read_data("actors_tables.json")
    names: dict[str, Entry] = {}
    for name, code in _country_names().items():
        names[name] = Entry(code, None, "country")
    for name, code in raw["country_aliases"].items():
        names[name] = Entry(code, None, "country")
    for name, code in raw["demonyms"].items():
        names[name] = Entry(code, None, "demonym")
        if not name.endswith(("s", "sh", "ch", "ese", "i")) or name.endswith("li"):
            names.setdefault(name + "s", Entry(code, None, "demonym"))  # "South Koreans"
    for name, code in raw["capitals"].items():
        names.setdefault(name, Entry(code, None, "capital"))
    for name, org in raw["organisations"].items():
        names[name] = Entry(org["code"], org["sector"], org["kind"])
    # Longest names first so that "South Korea" wins over "Korea"; a name must not continue
    # into a longer word ("Israel" is not in "Israeli") and keeps its capital letter.
    alternatives = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(n) for n in alternatives)
    upper = "|".join(re.escape(n.upper()) for n in alternatives if len(n) > 3 and not n.isupper())
    # "Saudi-led coalition" names its leader; "Syrian-backed militia" does not name itself
    pattern = re.compile(rf"(?<![\w-])(?:{body}|{upper})(?![\w]|-(?!led\b))")
    pronouns = raw["pronouns"]
    return ActorTables(
        names=names,
        pattern=pattern,
        roles=raw["roles"],
        outlets=frozenset(raw["outlets"]) | frozenset(o.lower() for o in raw["outlets"]),
        first_person=frozenset(pronouns["first"]),
        third_person=frozenset(pronouns["third"]),
        relative=frozenset(pronouns["relative"]),
    )


def code_of(text: str, head: str | None = None) -> tuple[str | None, str | None, str | None]:
    """(code, sector, kind) of a phrase: an organisation naming the head wins, else the first
    name. The sector comes from the organisation or from the head's role noun."""
    t = tables()
    found = t.matches(text)
    if not found:
        return None, None, None
    best = found[0]
    if head:
        for m in found:
            if m.entry.kind not in ("country", "demonym", "capital") and head in m.text.split():
                best = m
                break
    return best.entry.code, best.entry.sector, best.entry.kind


# Heads that take their sector from a modifier when one has it ("rebel leaders" are REB).
_GENERIC_HEADS = frozenset(
    [
        "leader",
        "leaders",
        "chief",
        "head",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "representatives",
        "member",
        "members",
        "group",
        "groups",
        "commander",
        "commanders",
        "side",
        "sides",
        "source",
        "sources",
        "unit",
        "units",
    ]
)


def sector_of(words: list[str], head: str) -> str | None:
    """The head noun's role decides, unless it is generic ("rebel leaders"); else the nearest
    role word before it."""
    roles = tables().roles
    low = head.lower()
    if low in roles and low not in _GENERIC_HEADS:
        return roles[low]
    for w in reversed(words):
        if w.lower() != low and w.lower() in roles:
            return roles[w.lower()]
    return roles.get(low)
