"""Quote-mark spans in a body: straight, curly, guillemet, NYT-style '' and single quotes.

Quote marks in scraped news are often unbalanced or mismatched. The scan works paragraph by
paragraph and repairs locally, so a broken mark costs at most the quote it breaks:
- an opening mark while a quote is open closes the open quote just before it;
- a quote still open at the end of its paragraph continues into the next paragraph only when
  it opened the paragraph (or followed a "said:") and the next paragraph opens with a quote
  mark (the news convention for quotes over paragraphs); otherwise it ends with its paragraph;
- a stray closing mark is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two-character NYT marks first so that '' is not read as two apostrophes.
_DOUBLE = re.compile(r"``|''|‘‘|’’|[\"“”«»„]")
_SINGLE = re.compile(r"[‘’']")
_OPENERS = {"“", "«", "„", "``", "‘‘"}
_CLOSERS = {"”", "»", "’’"}
# Characters after which an ambiguous mark opens a quote.
_OPEN_BEFORE = set(" \t\n([{—–-/:;") | {""}
_PARA = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quote:
    """Content span of one quotation (marks excluded) and how it was closed."""

    start: int
    end: int
    closed: bool
    single: bool = False

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def _role(text: str, i: int, mark: str, lo: int, hi: int) -> str:
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[i - 1] if i > lo else ""
    j = i + len(mark)
    after = text[j] if j < hi else ""
    if before in _OPEN_BEFORE and after and not after.isspace():
        return "open"
    if before and not before.isspace():
        return "close"
    return "either"


def _single_quotes(text: str, lo: int, hi: int, taken: list[tuple[int, int]]) -> list[Quote]:
    """Top-level single-quoted spans; apostrophes (don't, Russia's) are never openers."""
    found: list[Quote] = []
    open_at: int | None = None
    for m in _SINGLE.finditer(text, lo, hi):
        i = m.start()
        if any(a <= i < b for a, b in taken):
            continue
        before = text[i - 1] if i > lo else ""
        after = text[i + 1] if i + 1 < hi else ""
        if open_at is None:
            if m.group() != "’" and before in _OPEN_BEFORE and after.isalnum():
                open_at = i + 1
        elif m.group() != "‘" and before and not before.isspace() and not after.isalnum():
            found.append(Quote(open_at, i, True, single=True))
            open_at = None
    return found


def _style(mark: str) -> str:
    if mark in ('"', "''", "``"):
        return "straight"
    return "angle" if mark in ("«", "»") else "curly"


def _paragraph_quotes(text: str, lo: int, hi: int) -> tuple[list[Quote], int | None]:
    """Closed quotes of one paragraph, and where a quote left open at its end began."""
    found: list[Quote] = []
    open_at: int | None = None
    style = ""
    nested: list[str] = []  # styles of quotes open inside the open quote ("... “Law” ...")
    for m in _DOUBLE.finditer(text, lo, hi):
        i, mark = m.start(), m.group()
        role = _role(text, i, mark, lo, hi)
        if open_at is None:
            if role != "close":
                open_at, style, nested = m.end(), _style(mark), []
            continue
        if _style(mark) != style:
            if role == "open":
                nested.append(_style(mark))
                continue
            if nested and nested[-1] == _style(mark):
                nested.pop()
                continue
            # a closing mark of another style with nothing nested: a mismatched close (“...")
        if role == "open" and i > open_at:
            # Mismatch: a new quote opens while one is open. End the open one here.
            found.append(Quote(open_at, i, False))
            open_at, nested = m.end(), []
        else:
            found.append(Quote(open_at, i, True))
            open_at = None
    return found, open_at


def find_quotes(text: str) -> list[Quote]:
    """All quotations of ``text`` in order, double-quoted first-class, single-quoted top-level."""
    quotes: list[Quote] = []
    carry: int | None = None  # start of a quote running on from the previous paragraph
    for para in _PARA.finditer(text):
        lo, hi = para.span()
        first = text[lo:hi].lstrip()
        opens_with_mark = bool(first) and _DOUBLE.match(first) is not None
        if carry is not None and not opens_with_mark:
            quotes.append(Quote(carry, _para_end_before(text, lo), False))
            carry = None
        found, open_at = _paragraph_quotes(text, lo, hi)
        if carry is not None:
            # The quote continues: its content runs to this paragraph's first closing mark.
            if found and found[0].start <= lo + (len(text[lo:hi]) - len(first)) + 2:
                head = found.pop(0)
                found.insert(0, Quote(carry, head.end, head.closed))
            elif open_at is not None and not found:
                open_at = carry
            else:
                quotes.append(Quote(carry, _para_end_before(text, lo), False))
            carry = None
        quotes.extend(found)
        if open_at is not None and _may_run_on(text, lo, open_at):
            carry = open_at
        elif open_at is not None:
            quotes.append(Quote(open_at, _para_end_before(text, hi), False))
    if carry is not None:
        quotes.append(Quote(carry, len(text.rstrip()), False))
    quotes.sort(key=lambda q: q.start)
    taken = [(q.start - 1, q.end + 1) for q in quotes]
    singles = []
    for para in _PARA.finditer(text):
        singles.extend(_single_quotes(text, *para.span(), taken))
    return sorted(quotes + singles, key=lambda q: q.start)


def _may_run_on(text: str, para_start: int, content_start: int) -> bool:
    """Only a quote opening its paragraph, or opened by a frame ('said:'), runs over paragraphs;
    a mark opened mid-sentence and never closed is a typo that ends with its paragraph."""
    before = text[para_start:content_start].rstrip("\"“«„`' ")
    return not before.strip() or before.endswith((":", ","))


def _para_end_before(text: str, pos: int) -> int:
    """End of the last non-blank text before ``pos`` (the end of the previous paragraph)."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


_MARKS = re.compile(r"``|''|‘‘|’’|[\"“”«»„‘’]")


def strip_marks(text: str) -> str:
    """Content text without quote marks (apostrophes inside words are kept)."""
    out = _MARKS.sub(lambda m: "" if m.group() not in "‘’" else m.group(), text)
    out = re.sub(r"(?<!\w)[‘’]|[‘’](?!\w)", "", out)
    out = re.sub(r"\s*\n\s*", " ", out)
    return out.strip(" \t,;:")
