"""The attribute stage: resolve each statement's speaker mention to a name in the article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Article, Statement
from .resolve import resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["resolve_speakers"]


def resolve_speakers(article: Article, doc: Doc, statements: list[Statement]) -> list[Statement]:
    """Same statements with ``speaker`` (fullest canonical name in the article, or None)."""
    return resolve(article, doc, statements)
