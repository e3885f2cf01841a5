"""The language of an article body (py3langid), so the pipeline can skip what it cannot read."""

from __future__ import annotations

import re

# py3langid is linear in its input; a few thousand characters decide the language of a news
# article, and reading more of a 50 MB body would only cost time.
_SAMPLE_CHARS = 5000
_MIN_LETTERS = 20  # below this a guess is noise: say nothing
_LETTER = re.compile(r"[^\W\d_]")


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to tell."""
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return None
    import py3langid  # loading its model takes a moment: only when an article needs it

    lang, _score = py3langid.classify(sample)
    return str(lang)
