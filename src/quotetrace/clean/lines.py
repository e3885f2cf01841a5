"""What one line of a scraped page is, judged from the line alone.

Every test here is linear in the line and most look only at short lines: page chrome (menus,
banners, credits) is short, and a 50 MB single-line file must not meet a regex that backtracks.
"""

from __future__ import annotations

import re
import unicodedata

from .lexicon import boilerplate_rules, fold

# Prose: a line long enough and finished like a sentence, which page chrome and teasers rarely are.
PROSE_WORDS = 20
LONG_PROSE_WORDS = 40
_END_OF_SENTENCE = tuple('.!?"”’)]')
_TRUNCATED = ("…", "...")
_WORD_SAMPLE = 2000  # characters read to count words: enough to tell prose, cheap on huge lines
_ICON_LINE_MAX = 5000
# "Question: ...", "Sergey Lavrov: ...", "MR. PRICE: ...": a label of capitalised words and a colon
_TURN = re.compile(r"^(?:[A-Z][\w.'’-]{0,20} ){0,4}[A-Z][\w.'’-]{0,20}:\s")
_WORD = re.compile(r"\w+")
_QUOTE_MARKS = ('"', "“", "”", "''", "«", "»", "„")
_LIST_ITEM = re.compile(r"^\d{1,2}[.)]\s")
_UNSPACED_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER"})


def word_count(line: str) -> int:
    """Words in the line, counted on its first characters only (exact for lines of chrome)."""
    return len(line[:_WORD_SAMPLE].split())


def is_prose(line: str) -> bool:
    n = word_count(line)
    if line.endswith(_TRUNCATED):  # a teaser cut short is never the article's own prose
        return False
    return n >= LONG_PROSE_WORDS or (n >= PROSE_WORDS and line.endswith(_END_OF_SENTENCE))


def is_turn(line: str, min_words: int = 8) -> bool:
    """A transcript turn ("Question: ...") of at least ``min_words`` words."""
    return bool(_TURN.match(line[:110])) and word_count(line) >= min_words


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def is_caps(line: str) -> bool:
    """Written in capitals (at least nine letters in ten upper case)."""
    letters = [c for c in line[:400] if c.isalpha()]
    if len(letters) < 8:
        return False
    return sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def key(line: str) -> str:
    """Comparison key that survives re-typed quotes, dashes and spacing (captions printed twice)."""
    return " ".join(_WORD.findall(line.casefold()))


def _icon_row(line: str) -> bool:
    # "icon bookmark-bicon bookmarkicon cameraicon ...": names of an icon font printed as text
    if len(line) > _ICON_LINE_MAX:
        return False
    tokens = line.split()
    return len(tokens) >= 5 and sum("icon" in t.casefold() for t in tokens) >= 0.4 * len(tokens)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0]


def _language_switcher(line: str) -> bool:
    # "عربيesрусdefrrs": a row of language links glued together, letters of several alphabets
    # in one token; real words mix them almost never. Scripts written without spaces (Chinese,
    # Japanese, Thai) mix by nature and are left alone.
    if len(line) > 60 or " " in line or len(line) < 6:
        return False
    scripts = {_script(c) for c in line if c.isalpha()}
    return len(scripts) >= 2 and scripts.isdisjoint(_UNSPACED_SCRIPTS)


def rule_for(line: str) -> str | None:
    """Name of the boilerplate rule a stripped line matches, or None when it may be content."""
    if _icon_row(line):
        return "icon-row"
    rules = boilerplate_rules()
    if len(line) > rules.max_line_chars:
        return None
    if _language_switcher(line):
        return "language-switcher"
    if fold(line) in rules.exact:
        return "navigation"
    if is_prose(line) and any(q in line for q in _QUOTE_MARKS):
        return None  # reported speech, whatever words it uses ("wanted to make a donation")
    for name, pattern in rules.patterns:
        if pattern.search(line):
            return name
    return None


def ends_block(line: str) -> bool:
    """A line that is the article's again after a list of teasers: prose, a transcript turn,
    or a finished sentence (teaser headlines end without a full stop, or cut short)."""
    if is_prose(line) or is_turn(line):
        return True
    return word_count(line) >= 6 and line.rstrip("\"”’'").endswith((".", "!"))


def opens_block(line: str) -> bool:
    """A heading after which a page lists other stories ("Top stories", "Check Also")."""
    return len(line) <= 60 and fold(line) in boilerplate_rules().block_markers


def is_caption_start(line: str) -> bool:
    return bool(boilerplate_rules().caption_start.match(line[:80]))
