"""The extract stage: statement candidates of a parsed article, with cue and speaker mention.

Pure token and regex work over the given parse: the article is never re-parsed here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Article, Statement
from .combine import combine
from .lexicon import lexicon
from .quotes import find_quotes
from .reported import find_frames
from .transcript import find_turns

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_statements"]


def find_statements(article: Article, doc: Doc) -> list[Statement]:
    """Candidates with text/kind/start/end/cue/speaker_mention set; speaker may be None."""
    lex = lexicon()
    text = doc.text
    found = combine(doc, text, find_quotes(text), list(find_frames(doc, lex)), lex)
    found += find_turns(text, lex)
    found = [s for s in found if 0 <= s.start < s.end <= len(text)]
    return sorted(found, key=lambda s: (s.start, s.end))
