"""Templates and the text helpers they use. Everything from an article is untrusted: it reaches
HTML only through Jinja's autoescaping or ``markupsafe.escape``, never by string formatting."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from ..link.clusters import match_words

_WORD = re.compile(r"\w+")
KINDS = ("direct", "mixed", "indirect", "transcript")


def highlight(text: str | None, query: str | None) -> Markup:
    """``text`` escaped, with the words of ``query`` marked (case-insensitive, whole words)."""
    text = text or ""
    words = sorted({w.casefold() for w in _WORD.findall(query or "")}, key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
    out: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(str(escape(text[last:m.start()])))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        last = m.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def mark_differences(text: str, differs: Iterable[str]) -> Markup:
    """``text`` escaped, with the words that the fullest wording lacks marked."""
    odd = set(differs)
    if not odd:
        return escape(text)
    out: list[str] = []
    last = 0
    for m in _WORD.finditer(text):
        key = match_words(m.group(0))
        out.append(str(escape(text[last:m.start()])))
        word = escape(m.group(0))
        out.append(f'<ins class="diff">{word}</ins>' if key and key[0] in odd else str(word))
        last = m.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def safe_url(url: str | None) -> str | None:
    """An article's own URL as a link target only when it is http(s): ``javascript:`` and
    ``data:`` links from a page's metadata become plain text."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def show_date(published: str | None) -> str:
    if not published:
        return "undated"
    if published.startswith("--"):
        return f"{published[2:]} (year unknown)"
    return published


def cite(row: Mapping[str, object], base: str) -> str:
    """A citation a journalist can paste: speaker, date, outlet, URL, quote."""
    speaker = row.get("speaker") or row.get("speaker_mention") or "Unattributed"
    outlet = row.get("outlet") or "unknown outlet"
    url = row.get("url") or f"{base}/articles/{row.get('article_id')}"
    return (f'{speaker}, quoted by {outlet}, {show_date(row.get("published"))}'  # type: ignore[arg-type]
            f': “{row.get("text")}” {url} (via quotetrace {base}/statements/{row.get("id")})')


def query_string(params: Mapping[str, object], **changes: object) -> str:
    """The current query with ``changes`` applied; empty values dropped (clean, shareable URLs)."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["highlight"] = highlight
    env.filters["safe_url"] = safe_url
    env.filters["date"] = show_date
    env.globals["query_string"] = query_string
    env.globals["kinds"] = KINDS
    return env


templates = _env()
