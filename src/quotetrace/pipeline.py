"""Composes the stages: sources -> clean -> parse -> extract -> attribute.

Every stage is a pure function of its input (plus the loaded model); this module is the only
place that knows their order. One failed document never stops a run: it becomes a ``Skipped``
record with the reason, and the next document is processed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from . import nlp as nlp_loader
from .attribute import resolve_speakers
from .clean import clean
from .clean.corpus import learn_boilerplate, strip_boilerplate
from .errors import QuotetraceError
from .events import code_events
from .events.tables import tables as actor_tables
from .extract import find_statements
from .link import about, entity_kind, roles_in
from .model import Article, Extraction, Skipped, Source, Statement
from .options import Options
from .sentences import index_sentences
from .sources import read_sources

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


def statements_in(article: Article, doc: Doc) -> tuple[Statement, ...]:
    """Statements of a parsed article, with their speakers resolved in the article."""
    index_sentences(doc)
    return tuple(resolve_speakers(article, doc, find_statements(article, doc)))


def extraction_of(article: Article, doc: Doc) -> Extraction:
    """Everything the pipeline makes of one parsed article."""
    ents = doc.ents
    found = tuple(replace(st, about=about(ents, st)) for st in statements_in(article, doc))
    names = sorted({st.speaker for st in found if st.speaker})
    roles = tuple((n, r) for n in names for r in roles_in(article.body, n))
    kinds = tuple((n, k) for n in names if (k := _speaker_kind(ents, n)))
    events = tuple(code_events(article, doc, found))
    return Extraction(article, found, events=events, roles=roles, kinds=kinds)


def _speaker_kind(ents: Sequence[Span], name: str) -> str | None:
    """A place speaking is its government ("Kyiv rejected ..."), a known international body an
    organisation; otherwise what the parse says of the name."""
    bare = name.removeprefix("the ").removeprefix("The ")
    for match in actor_tables().matches(bare):
        if match.text == bare:
            if match.entry.kind in ("country", "capital", "demonym"):
                return "government"
            if match.entry.kind in ("igo", "ngo"):
                return "organisation"
    return entity_kind(ents, name)


def clean_sources(
    sources: Iterable[Source | Skipped], options: Options
) -> Iterator[Article | Skipped]:
    """Clean each source; a source that fails becomes ``Skipped`` with its reason."""
    for item in sources:
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield clean(item, options)
        except QuotetraceError as exc:
            yield Skipped(item.uri, str(exc))


def strip_learned_boilerplate(
    items: Iterable[Article | Skipped], window: int
) -> Iterator[Article | Skipped]:
    """Learn each outlet's repeated paragraphs over windows of cleaned articles and strip them.

    What earlier windows taught is kept for later ones, so a long run keeps its knowledge while
    holding only one window in memory.
    """
    if window <= 0:
        yield from items
        return
    learned: dict[str, set[str]] = {}
    it = iter(items)
    while batch := list(islice(it, window)):
        articles = [a for a in batch if isinstance(a, Article)]
        for outlet, paragraphs in learn_boilerplate(articles).items():
            learned.setdefault(outlet, set()).update(paragraphs)
        for item in batch:
            yield strip_boilerplate(item, learned) if isinstance(item, Article) else item


def extract_articles(
    items: Iterable[Article | Skipped], options: Options
) -> Iterator[Extraction | Skipped]:
    """Parse articles in batches and extract their statements, keeping the input order."""
    model = None
    it = iter(items)
    while batch := list(islice(it, options.batch_size)):
        wanted = [
            a for a in batch if isinstance(a, Article) and _handled(a, options) and a.body.strip()
        ]
        docs: dict[int, Doc] = {}
        if wanted:
            model = model or nlp_loader.load(options.model, entities=options.entities)
            limit = min(options.max_chars, model.max_length)
            texts = (a.body[:limit] for a in wanted)
            for article, doc in zip(wanted, model.pipe(texts), strict=True):
                docs[id(article)] = doc
        for item in batch:
            if isinstance(item, Skipped):
                yield item
            elif id(item) in docs:
                try:
                    yield extraction_of(item, docs[id(item)])
                except QuotetraceError as exc:
                    yield Skipped(item.uri, f"extraction failed: {exc}")
                except Exception as exc:  # a bug on one document must not end the whole run
                    log.exception("extraction failed on %s", item.uri)
                    yield Skipped(item.uri, f"internal error ({type(exc).__name__}: {exc}); "
                                  "please report it with this document")
            else:
                yield Extraction(item, ())


def _handled(article: Article, options: Options) -> bool:
    return article.language is None or article.language in options.languages


def run(paths: Iterable[str], options: Options | None = None) -> Iterator[Extraction | Skipped]:
    """The whole extraction job over files, folders, ``-`` (stdin), JSONL and WARC inputs."""
    options = options or Options()
    cleaned = clean_sources(read_sources(paths, options), options)
    return extract_articles(strip_learned_boilerplate(cleaned, options.learn_window), options)
