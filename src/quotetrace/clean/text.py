"""Plain-text cleaning: a scraped article's text -> body paragraphs, title, standfirst, date.

The page is read as lines. Lines that are chrome by their own look (``lines.rule_for``) go first;
then what only context shows: blocks of related-story teasers after a "Top stories" heading,
headlines in capitals between paragraphs, photo captions (followed by a credit, or printed
twice), repeated lines. What precedes the first paragraph of prose is the article's head: its
title, standfirst, timestamp and masthead live there, and so does navigation.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import dates, lines, outlets
from .body import Cleaned

# Short lines with reasons that mark them as the site's own chrome: read for the outlet's name.
_CHROME_REASONS = frozenset(
    {"app-banner", "copyright", "privacy-terms", "newsletter", "cookies", "call-to-action",
     "masthead", "donation"}
)  # fmt: skip
_MIN_DUP_WORDS = 4  # "Yes." twice is speech; a caption or headline twice is not
_TITLE_WORDS = (2, 30)
_STANDFIRST_MIN_WORDS = 6
_WRAP_MIN, _WRAP_MAX = 40, 100  # hard-wrapped plain text has lines of this length


@dataclass(slots=True)
class _Line:
    text: str
    reason: str | None = None  # why it was dropped; None while kept
    dup_of: int | None = None
    has_dup: bool = False


def clean_text(text: str, *, title_hint: str | None = None) -> Cleaned:
    """Clean a plain-text article; see the module docstring for the order of decisions."""
    header_date, text = dates.split_header(text.lstrip("\ufeff"))
    items = [_Line(t) for t in _unwrap(text)]
    _mark_rules(items)
    _mark_blocks(items)
    _mark_caps_teasers(items)
    _mark_duplicates_and_captions(items)
    head_end = _head_end(items)
    head_date, title, standfirst = _read_head(items, head_end, title_hint)

    kept = [it for it in items if it.reason is None]
    if not kept and title is not None and not title_hint:
        # a single short paragraph is the text itself, not a headline over nothing
        for it in items:
            if it.reason == "title":
                it.reason, title, standfirst = None, None, None
        kept = [it for it in items if it.reason is None]
    # the dateline opens the body, which may follow a standfirst
    dateline = next(filter(None, (dates.dateline(it.text) for it in kept[:3])), None)
    line_date = dateline.date if dateline else None
    published = _pick_date(header_date, head_date, line_date)
    # an outlet's name alone on a line is its masthead in the head; in the body it is a credit
    chrome = [
        it.text
        for i, it in enumerate(items)
        if it.reason in _CHROME_REASONS and (it.reason != "masthead" or i < head_end)
    ]
    outlet = outlets.from_chrome(chrome) or outlets.from_agency(dateline and dateline.agency)
    return Cleaned(
        paragraphs=tuple(it.text for it in kept),
        title=title,
        standfirst=standfirst,
        published=published,
        outlet=outlet,
        removed=tuple(it.text for it in items if it.reason is not None and it.reason != "title"),
    )


def strip_chrome(text: str, *, title: str | None = None) -> Cleaned:
    """Lighter cleaning for text an extractor already chose (trafilatura's): a leading copy of
    the title and lines that are chrome by their own look or as teasers go; nothing is
    deduplicated (pages repeat real lines: recipe steps, table rows), and the head is kept."""
    items = [_Line(t) for t in _unwrap(text)]
    if items and title and items[0].text and lines.key(title).startswith(lines.key(items[0].text)):
        items[0].reason = "title"
    _mark_rules(items)
    _mark_blocks(items)
    _mark_caps_teasers(items)
    return Cleaned(
        paragraphs=tuple(it.text for it in items if it.reason is None),
        title=title,
        removed=tuple(it.text for it in items if it.reason not in (None, "title")),
    )


def _unwrap(text: str) -> list[str]:
    """Non-empty stripped lines, with hard-wrapped lines of one paragraph joined again.

    Joined only when a line of wrapping length ends mid-sentence and the next one, with no blank
    line between, goes on in lower case: anything else is a new line of the page.
    """
    # parts of one paragraph are gathered in a list and joined once: appending to a growing
    # string would be quadratic on a huge hard-wrapped file
    out: list[list[str]] = []
    joinable = False
    for raw in text.split("\n"):
        line = " ".join(raw.split()) if len(raw) < 10_000 else raw.strip()
        if not line:
            joinable = False
            continue
        if joinable and line[0].islower():
            out[-1].append(line)
        else:
            out.append([line])
        joinable = _WRAP_MIN <= len(line) <= _WRAP_MAX and not line.endswith(
            (".", "!", "?", ":", '"', "”")
        )
    return [" ".join(parts) for parts in out]


def _mark_rules(items: list[_Line]) -> None:
    for it in items:
        if it.reason is None:
            it.reason = lines.rule_for(it.text)
        if it.reason is None and outlets.masthead(it.text):
            it.reason = "masthead"


def _mark_blocks(items: list[_Line]) -> None:
    """After "Top stories"/"Check Also", teasers (anything but prose) go, up to real prose."""
    in_block = False
    for it in items:
        if lines.opens_block(it.text):
            in_block = True
            it.reason = "related-block"
        elif in_block:
            if it.reason is None and lines.ends_block(it.text):
                in_block = False
            elif it.reason is None:
                it.reason = "related-block"


def _mark_caps_teasers(items: list[_Line]) -> None:
    """Related-story headlines in capitals between paragraphs (not the title, not a short
    heading in capitals, and not in a text written all in capitals)."""
    kept = [it for it in items if it.reason is None]
    caps = [it for it in kept if lines.is_caps(it.text)]
    if not caps or len(caps) * 2 > len(kept):
        return
    for it in caps[1:] if caps[0] is kept[0] else caps:
        # teasers are long headlines without a full stop; numbered ones head a list's items
        if (
            lines.word_count(it.text) >= 6
            and not it.text.endswith(".")
            and not lines.is_list_item(it.text)
            and not lines.is_prose(it.text)
        ):
            it.reason = "caps-teaser"


def _mark_duplicates_and_captions(items: list[_Line]) -> None:
    """Repeated lines are kept once; photo captions go, with every copy of them."""
    first: dict[str, int] = {}
    for i, it in enumerate(items):
        if it.reason is not None or len(it.text) > 5000:
            continue
        if lines.word_count(it.text) < _MIN_DUP_WORDS:
            continue
        k = lines.key(it.text)
        if k in first:
            it.dup_of = first[k]
            items[first[k]].has_dup = True
            it.reason = "duplicate"
        else:
            first[k] = i
    captions: set[int] = set()
    for i, it in enumerate(items):
        nxt = items[i + 1] if i + 1 < len(items) else None
        credited = nxt is not None and nxt.reason == "photo-credit"
        # a line above a photo credit is a caption when printed twice (the page's figure and
        # its lightbox); alone it may be the paragraph the photo was placed after
        twice = it.has_dup or it.dup_of is not None
        captioned = (credited and twice) or lines.is_caption_start(it.text)
        if captioned and it.reason in (None, "duplicate") and not lines.is_turn(it.text):
            captions.add(it.dup_of if it.dup_of is not None else i)
    for i, it in enumerate(items):
        root = it.dup_of if it.dup_of is not None else i
        if root in captions:
            it.reason = "caption"


def _head_end(items: list[_Line]) -> int:
    """Index of the first kept line of the body: prose, a dateline or a transcript turn."""
    kept = [i for i, it in enumerate(items) if it.reason is None]
    for n, i in enumerate(kept):
        text = items[i].text
        if lines.is_prose(text) or dates.dateline(text):
            return i
        # "Poll: Voters split on tax plan" opening a page is a headline; "Question: ..." among
        # other turns, or after the head, is a transcript
        if lines.is_turn(text, 3) and (
            n > 0 or (n + 1 < len(kept) and lines.is_turn(items[kept[n + 1]].text, 2))
        ):
            return i
    # no prose at all (short paragraphs only): the head is the first line and its timestamp
    first = kept[0] if kept else len(items)
    end = first + 1
    while end < len(items) and (
        items[end].reason is not None or dates.timestamp_line(items[end].text) is not None
    ):
        end += 1
    return min(end, len(items))


def _read_head(
    items: list[_Line], end: int, title_hint: str | None
) -> tuple[dates.FoundDate | None, str | None, str | None]:
    """Timestamp, title and standfirst from the head; site chrome before the title is dropped."""
    head = [i for i in range(end) if items[i].reason is None]
    found: dates.FoundDate | None = None
    for i in head:
        if (d := dates.timestamp_line(items[i].text)) is not None:
            items[i].reason = "timestamp"
            found = found or d
    head = [i for i in head if items[i].reason is None]
    title_at = _title_index(items, head, title_hint)
    if title_at is None:
        return found, title_hint, None
    title = title_hint or items[title_at].text
    for i in head:
        if i < title_at:
            items[i].reason = "before-title"
    items[title_at].reason = "title"
    standfirst = next(
        (items[i].text for i in head
         if i > title_at and lines.word_count(items[i].text) >= _STANDFIRST_MIN_WORDS),
        None,
    )  # fmt: skip
    return found, title, standfirst


def _title_index(items: list[_Line], head: list[int], title_hint: str | None) -> int | None:
    if title_hint:
        want = lines.key(title_hint)
        return next((i for i in head if lines.key(items[i].text) == want), None)
    best: tuple[int, int] | None = None
    for i in head:
        n = lines.word_count(items[i].text)
        if not _TITLE_WORDS[0] <= n <= _TITLE_WORDS[1] or len(items[i].text) > 250:
            continue
        # a headline is printed twice on many pages, and is followed by its timestamp
        score = 3 * items[i].has_dup
        nxt = items[i + 1] if i + 1 < len(items) else None
        score += 2 * (nxt is not None and nxt.reason == "timestamp")
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def _pick_date(*found: dates.FoundDate | None) -> dates.FoundDate | None:
    """The first date found, in order of trust; a year-less date never overrides a full one."""
    full = next((d for d in found if d is not None and d.precision == "day"), None)
    return full or next((d for d in found if d is not None), None)
