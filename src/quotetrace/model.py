"""The records every stage shares. Imports nothing of ours; every stage imports it.

Records are frozen dataclasses so that they can cross process boundaries (pickling) and so
that a stage can never mutate what an earlier stage produced: it returns a new record instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["direct", "mixed", "indirect", "transcript"]
KINDS: tuple[str, ...] = ("direct", "mixed", "indirect", "transcript")

Media = Literal["text", "html"]

# "day": YYYY-MM-DD; "month-day": --MM-DD (year unknown, never guessed); "month": YYYY-MM;
# "year": YYYY. A date we are not sure of is None: a wrong date is worse than none.
Precision = Literal["day", "month-day", "month", "year"]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from and its content, before any cleaning.

    Exactly one of ``raw`` (bytes as read) and ``text`` (already decoded, e.g. a JSONL field)
    is set. The hints (url, published, outlet, title) come from the container (a JSONL line, a
    WARC record) and take precedence over what cleaning guesses from the content.
    """

    uri: str
    doc: str
    media: Media
    raw: bytes | None = None
    text: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    fetched: str | None = None  # when the bytes were fetched (a WARC record's date): not published


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be used, and why, in words a user can act on."""

    uri: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the body statements point into, and its metadata."""

    id: str  # content hash of the normalised body: the same text is the same article
    doc: str
    uri: str
    body: str  # paragraphs joined by a blank line
    title: str | None = None
    standfirst: str | None = None
    published: str | None = None  # ISO date, or --MM-DD when the year is unknown
    published_precision: Precision | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    removed: tuple[str, ...] = ()  # what cleaning dropped, kept for audit


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing somebody said, as an article reports it.

    ``start``/``end`` are character offsets of the content in ``Article.body``; ``text`` is that
    content without its quote marks. ``speaker`` is the fullest name the article gives for the
    source (None when it cannot be resolved); ``speaker_mention`` is the source as written at
    this statement ("he", "the Russian top diplomat").
    """

    text: str
    kind: Kind
    start: int
    end: int
    cue: str | None = None
    speaker_mention: str | None = None
    speaker: str | None = None
    confidence: float = 0.0
    about: tuple[str, ...] = ()
    speaker_span: tuple[int, int] | None = None  # body offsets of speaker_mention, when written


@dataclass(frozen=True, slots=True)
class Actor:
    """A party to an event: as written, plus its code where the tables know it (never guessed)."""

    text: str
    code: str | None = None  # ISO 3166 alpha-3 country code, or an organisation code (IGO, NATO)
    sector: str | None = None  # GOV, MIL, OPP, CVL, ... where the text gives one


# The quad classes of the PLOVER manual.
Quad = Literal["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]


@dataclass(frozen=True, slots=True)
class Event:
    """What a statement, or a sentence reporting an action, does, in PLOVER terms."""

    type: str  # AGREE, CONSULT, ..., ASSAULT
    quad: Quad
    source: Actor | None
    targets: tuple[Actor, ...] = ()
    negated: bool = False
    hypothetical: bool = False
    trigger: str = ""  # the words that triggered it
    start: int = 0  # span in Article.body of the sentence or statement that carries it
    end: int = 0
    statement: int | None = None  # index into Extraction.statements; None for an action sentence


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the pipeline made of one source: an article, its statements and their events."""

    article: Article
    statements: tuple[Statement, ...] = field(default_factory=tuple)
    events: tuple[Event, ...] = field(default_factory=tuple)
    roles: tuple[tuple[str, str], ...] = ()  # (speaker, role) pairs the article states
    kinds: tuple[tuple[str, str], ...] = ()  # (speaker, person|organisation|government)
