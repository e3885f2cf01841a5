"""The body string and the article id derived from it: one definition for clean and corpus."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .dates import FoundDate


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What a cleaner (plain text or HTML) found in one document, before it becomes an Article."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    standfirst: str | None = None
    published: FoundDate | None = None
    outlet: str | None = None
    url: str | None = None
    removed: tuple[str, ...] = field(default_factory=tuple)


def join(paragraphs: tuple[str, ...] | list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def article_id(body: str) -> str:
    """Content hash of the whitespace-normalised, casefolded body: same text, same article."""
    normal = " ".join(body.casefold().split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
