"""HTML pages: main text and metadata through trafilatura (dates through its htmldate)."""

from __future__ import annotations

import logging

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from . import dates, outlets
from .body import Cleaned

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

# htmldate's original_date prefers the publication date over the last modification; without an
# extensive search it does not guess a date from arbitrary text in the page (a wrong date is
# worse than none).
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def clean_html(page: bytes | str, *, url: str | None = None) -> Cleaned:
    """Main text and metadata of an HTML page; empty paragraphs when nothing was found."""
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:  # broken markup, never a crash
        log.debug("trafilatura failed on %s: %s", url, exc)
        doc = None
    if doc is None:
        return Cleaned(paragraphs=tuple(_fallback_text(page)), url=url)
    text = doc.text or ""
    found_url = url or doc.url
    outlet = outlets.canonical(doc.sitename) if doc.sitename else None
    return Cleaned(
        paragraphs=tuple(p for p in (" ".join(x.split()) for x in text.split("\n")) if p),
        title=doc.title or None,
        standfirst=doc.description or None,
        published=dates.from_hint(doc.date),
        outlet=outlet or outlets.from_url(found_url or doc.hostname),
        url=found_url,
    )


def _fallback_text(page: bytes | str) -> list[str]:
    """Visible text of markup trafilatura could not read, one line per text block."""
    try:
        tree = lxml_html.fromstring(page)
    except (ValueError, etree.LxmlError):
        return []
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return [t for t in (" ".join(s.split()) for s in tree.itertext()) if t]
