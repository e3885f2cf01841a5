"""The language of an article body (py3langid), so the pipeline can skip what it cannot read."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# py3langid is linear in its input; a few thousand characters decide the language of a news
# article, and reading more of a 50 MB body would only cost time.
_SAMPLE_CHARS = 5000
_MIN_LETTERS = 20  # below this a guess is noise: say nothing
# An unsure guess is no language: on short English paragraphs (PolNeAR) py3langid errs in 3 of
# 100, nearly always below this probability, and a wrong language would skip the article.
_MIN_PROBABILITY = 0.5
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier() -> LanguageIdentifier:
    # loaded on first use (it takes a moment), once per process
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell
    or the guess is unsure."""
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return None
    lang, probability = _identifier().classify(sample)
    return str(lang) if probability >= _MIN_PROBABILITY else None
