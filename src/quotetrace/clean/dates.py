"""Publication dates from the places a plain-text article states them, and nowhere else.

A wrong date is worse than none: we read only a ``date YYYY-MM-DD`` header line, a line that is
nothing but a timestamp in the article's head, and the dateline opening the body. Dates inside
captions or story text ("on Thursday, Nov. 10, 2022") are events, not the publication date. A
dateline without a year (``MOSCOW, November 30. /TASS/.``) gives month-day precision
(``--11-30``): the year is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Precision

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<month>(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"))\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s{1,3})?"
_CLOCK = (
    r"\d{1,2}[:.]\d{2}(?::\d{2})?\s{0,2}(?:[ap]\.?m\.?)?"
    r"(?:\s{0,2}[A-Z]{2,5}|\s{0,2}[+-]\d{2}:?\d{2})?"
)
_TIME = r"(?:\s{0,3}[,|·•-]?\s{0,3}(?:at\s{1,3})?" + _CLOCK + r")?"
_TIME_FIRST = r"(?:" + _CLOCK + r"\s{0,3}[,|·•-]?\s{0,3})?"  # "12:30 GMT, 5 March 2024"
_LABEL = (
    r"(?:(?:published|updated|last updated|posted|date|first published|modified)"
    r"\s{0,2}(?:on|at)?\s{0,2}:?\s{0,3})?"
)
_ISO = (
    r"(?P<y3>\d{4})(?P<sep>[-/])(?P<m3>\d{2})(?P=sep)(?P<d3>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d{1,6})?(?:Z|[+-]\d{2}:?\d{2})?)?"
)

# A line that holds a date and nothing else of substance: "1 Dec, 2022 09:56",
# "31 December 2021 11:15", "Published: Nov. 30, 2017 10:00 AM ET", "2022-01-14".
_TIMESTAMP_LINE = re.compile(
    r"^" + _LABEL + _TIME_FIRST + _WEEKDAY + r"(?:"
    r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s{0,3}"
    + _MONTH.replace("month", "m1")
    + r",?\s{1,3}(?P<y1>\d{4})|"
    + _MONTH.replace("month", "m2")
    + r"\s{1,3}(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(?P<y2>\d{4})|"
    + _ISO
    + r")"
    + _TIME
    # "... 10:14 PM UTC Updated 2 hours ago": a page's relative update note may trail the date
    + r"(?:\s{1,3}[|·•-]?\s{0,3}(?:updated|modified)\b[\w ]{0,30})?"
    + r"\s{0,3}$",
    re.IGNORECASE,
)

# ``date 2022-01-14`` opening a scraped file, possibly followed by the text on the same line.
_HEADER = re.compile(
    r"^\s{0,10}date:?\s{1,5}(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}\S{0,12})?(?:\s+|$)"
)

# Datelines: "MOSCOW, November 30. /TASS/.", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —",
# "LONDON, May 3, 2021 (Reuters) -", "KYIV (AP) —". The place is capitals; the agency slashed or
# in brackets. Bounded repeats only: this runs on the head of arbitrarily long paragraphs.
_DATELINE = re.compile(
    # the place, and a state or country abbreviation such as "N.Y." or "Calif." (not a month)
    r"^(?P<place>[A-Z][A-Z .'’-]{1,40}(?:,\s{1,2}(?:[A-Z][A-Za-z]{0,4}\.(?:[A-Z]\.)?|[A-Z]{2}\b))?)"
    r"(?:,\s{1,3}" + _MONTH + r"\s{1,3}(?P<day>\d{1,2})(?:,\s{1,3}(?P<year>\d{4}))?)?"
    r"\s{0,3}[.,]?\s{0,3}"
    r"(?:/(?P<slashed>[A-Za-z][\w .-]{0,24})/\.?"
    r"|\((?P<bracketed>[A-Za-z][\w .-]{0,24})\)\s{0,3}[-–—])?"
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: str  # YYYY-MM-DD or --MM-DD
    precision: Precision


@dataclass(frozen=True, slots=True)
class Dateline:
    date: FoundDate | None
    agency: str | None
    end: int  # where the dateline ends in the paragraph


def _make(year: int | None, month: int, day: int) -> FoundDate | None:
    try:
        # 2000 is a leap year: a year-less 29 February is valid
        date(year or 2000, month, day)
    except ValueError:
        return None
    if year is None:
        return FoundDate(f"--{month:02d}-{day:02d}", "month-day")
    return FoundDate(f"{year:04d}-{month:02d}-{day:02d}", "day")


def split_header(text: str) -> tuple[FoundDate | None, str]:
    """A leading ``date YYYY-MM-DD`` header: its date and the text without it."""
    m = _HEADER.match(text[:64])
    if not m:
        return None, text
    y, mo, d = (int(x) for x in m.group(1).split("-"))
    return _make(y, mo, d), text[m.end() :]


def timestamp_line(line: str) -> FoundDate | None:
    """The date of a line that is only a date (and time); None for anything else."""
    if len(line) > 80:
        return None
    m = _TIMESTAMP_LINE.match(line.strip())
    if not m:
        return None
    g = m.groupdict()
    if g["y3"]:
        return _make(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g["y1"]:
        return _make(int(g["y1"]), MONTHS[g["m1"].casefold()], int(g["d1"]))
    return _make(int(g["y2"]), MONTHS[g["m2"].casefold()], int(g["d2"]))


def dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a body paragraph, if any."""
    m = _DATELINE.match(paragraph[:160])
    # a place in capitals alone is no dateline; with a date or an agency it is
    if not m or not (m.group("month") or m.group("slashed") or m.group("bracketed")):
        return None
    found = None
    if m.group("month"):
        year = int(m.group("year")) if m.group("year") else None
        found = _make(year, MONTHS[m.group("month").casefold()], int(m.group("day")))
    agency = (m.group("slashed") or m.group("bracketed") or "").strip() or None
    return Dateline(found, agency, m.end())


def from_hint(value: str | None) -> FoundDate | None:
    """A container's date hint (ISO date or datetime, or --MM-DD) as a date with precision."""
    if not value:
        return None
    value = value.strip()
    if m := re.match(r"^--(\d{2})-(\d{2})$", value):
        return _make(None, int(m.group(1)), int(m.group(2)))
    if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", value):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.match(r"^(\d{4})-(\d{2})$", value):
        return FoundDate(value, "month")
    if re.match(r"^\d{4}$", value):
        return FoundDate(value, "year")
    return timestamp_line(value)
