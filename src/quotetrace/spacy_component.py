"""A spaCy pipeline component, so users can drop quotetrace into their own pipeline:

    nlp.add_pipe("quotetrace")
    doc = nlp(text)
    doc._.statements  # tuple of quotetrace.model.Statement

Registered through the ``spacy_factories`` entry point; importing this module has no other effect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    from .model import Statement


class StatementsComponent:
    """Finds statements in a parsed Doc and resolves their speakers."""

    def __call__(self, doc: Doc) -> Doc:
        from .model import Article
        from .pipeline import statements_in

        article = Article(id="", doc="", uri="", body=doc.text)
        statements: tuple[Statement, ...] = statements_in(article, doc)
        doc._.statements = statements
        return doc


@Language.factory("quotetrace")
def make_component(nlp: Language, name: str) -> StatementsComponent:
    if not Doc.has_extension("statements"):
        Doc.set_extension("statements", default=())
    return StatementsComponent()
