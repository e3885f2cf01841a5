"""Which outlet published an article: from its URL, its site chrome, or its dateline's agency.

The site that prints a page (URL, app banner, copyright line, masthead) is the outlet; a dateline
agency (``/TASS/``, ``(Reuters)``) is used only when the page says nothing of its own, because
sites reprint agency copy. Names and signatures live in ``data/clean_outlets.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from .lexicon import fold, outlet_names

# Second-level labels under which sites register (bbc.co.uk, abc.net.au): keep three labels.
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu"})
_TITLE_SEPARATOR = re.compile(r"\s+[|–—:·•»-]{1,2}\s+")


def canonical(name: str) -> str | None:
    """The canonical spelling of an outlet name as written on a page, or a tidy fallback."""
    name = name.split(" | ", 1)[0]  # "Site | its slogan" names the site first
    name = " ".join(name.strip(" \"'“”‘’.,:;-–—").split())
    if not name or len(name) > 60:
        return None
    lex = outlet_names()
    key = fold(name)
    for candidate in (key, f"{key} news", key.removeprefix("the ")):
        if candidate in lex.names:
            return lex.names[candidate]
    for phrase, outlet in lex.signatures:
        if phrase in key:
            return outlet
    if name.isupper() and len(name) > 5:  # "FOX NEWS" unknown to us: do not shout
        return name.title()
    return name


def from_url(url: str | None) -> str | None:
    """Outlet of a URL's site: a known name, else the site's registered domain."""
    host = _host(url)
    if not host:
        return None
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return known_site(host) or ".".join(labels[-keep:])


def known_site(url: str | None) -> str | None:
    """The outlet of a URL (or host) whose domain is in our table, else None."""
    host = _host(url)
    if not host:
        return None
    domains = outlet_names().domains
    labels = host.split(".")
    for i in range(len(labels) - 1):
        if (suffix := ".".join(labels[i:])) in domains:
            return domains[suffix]
    return None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").casefold()
    except ValueError:
        return None
    host = host.removeprefix("www.")
    return host if "." in host else None


def title_without_site(title: str, *names: str | None) -> str:
    """A page title without the site's name tacked on ("Story | Site", "Site - Story").

    Only a segment that names the site goes, so "Talks fail – Lavrov" keeps its speaker.
    """
    keys = {k for n in names if n and (k := _squash(n))}
    while keys and (seps := list(_TITLE_SEPARATOR.finditer(title))):
        first, last = seps[0], seps[-1]
        if _names_site(title[last.end() :], keys):
            title = title[: last.start()]
        elif _names_site(title[: first.start()], keys):
            title = title[first.end() :]
        else:
            break
    return title


def _names_site(segment: str, keys: set[str]) -> bool:
    seg = _squash(segment)
    return bool(seg) and any(seg in k or k in seg for k in keys)


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum()).removeprefix("the")


def from_agency(agency: str | None) -> str | None:
    if not agency:
        return None
    return outlet_names().agencies.get(fold(agency))


def from_chrome(lines: Iterable[str]) -> str | None:
    """Outlet named by a page's own chrome: a known signature, an app or mailing-list banner,
    a privacy link or a copyright line; lines are short chrome lines in page order."""
    lex = outlet_names()
    found: list[tuple[int, int, str]] = []  # (rank, order, outlet): signatures rank first
    for order, line in enumerate(lines):
        if len(line) > 300:
            continue
        key = fold(line)
        for phrase, outlet in lex.signatures:
            if phrase in key:
                found.append((0, order, outlet))
                break
        if key in lex.names:  # a masthead line
            found.append((1, order, lex.names[key]))
        for rank, pattern in enumerate(lex.chrome, start=2):
            if (m := pattern.search(line)) and (name := canonical(m.group("outlet"))):
                found.append((rank, order, name))
                break
    return min(found)[2] if found else None


def masthead(line: str) -> str | None:
    """The outlet a line names when the line is nothing but an outlet's name (a masthead)."""
    if len(line) > 80:
        return None
    lex = outlet_names()
    key = fold(line)
    for candidate in (key, key.removeprefix("the ")):
        if candidate in lex.names:
            return lex.names[candidate]
        for phrase, outlet in lex.signatures:
            if candidate == phrase:
                return outlet
    return None
