"""The clean stage: a raw document -> an Article (body paragraphs, title, standfirst, date,
outlet, language, and what was removed).

HTML goes through trafilatura (``html.py``); plain text through our line rules (``text.py``).
Hints from the container (``Source.url/published/outlet/title``) win over what is guessed from
the content. Corpus-level boilerplate learning is in ``corpus.py``.
"""

from __future__ import annotations

import logging
import re

from ..errors import CleaningError
from ..model import Article, Source
from ..options import Options
from . import body as bodies
from . import dates, language, outlets
from .corpus import learn_boilerplate, strip_boilerplate
from .decode import decode
from .html import clean_html
from .text import clean_text

__all__ = ["clean", "learn_boilerplate", "strip_boilerplate"]

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

_LETTER = re.compile(r"[^\W\d_]")
_HTML_START = ("<!doctype html", "<html", "<?xml", "<head", "<body")


def clean(source: Source, options: Options) -> Article:
    """Clean one source into an article.

    Raises CleaningError, with a reason a user can act on, when there is no usable text.
    """
    text = source.text
    if source.media == "text" and text is None:
        text = decode(source.raw or b"")
    if source.media == "html" or _looks_like_html(text or ""):
        # raw bytes go to trafilatura as they are: it reads the page's own charset declaration
        page: bytes | str = source.raw if source.raw is not None else (text or "")
        found = clean_html(page, url=source.url)
        if not found.paragraphs:
            raise CleaningError(
                "no article text found in the HTML page (is it an index, a login wall or a page "
                "built by JavaScript?); save the article's own page, or give its text instead"
            )
    else:
        text = text or ""
        if len(text) > options.max_chars:
            # no article is this long: it is a dump or a log; clean its start, as the pipeline
            # would parse no more of it anyway, and keep cleaning linear in a bounded input
            log.warning("%s: text cut to options.max_chars=%d", source.uri, options.max_chars)
            text = text[: options.max_chars]
        if not text.strip():
            raise CleaningError("the document is empty; check the file or the JSONL 'text' field")
        found = clean_text(text, title_hint=source.title)
        if not found.paragraphs:
            raise CleaningError(
                f"nothing is left after removing {len(found.removed)} lines of page chrome (menus, "
                "banners, captions, teasers); if this is an article, give its full text"
            )
    body = bodies.join(found.paragraphs)
    if not _LETTER.search(body[:100_000]):
        raise CleaningError(
            "the document holds no words (only symbols or markup debris); check that it is text"
        )
    published = dates.from_hint(source.published) or found.published
    return Article(
        id=bodies.article_id(body),
        doc=source.doc,
        uri=source.uri,
        body=body,
        title=source.title or found.title,
        standfirst=found.standfirst,
        published=published.value if published else None,
        published_precision=published.precision if published else None,
        # a site we know by its domain, then what the page says, then an unknown site's domain
        outlet=source.outlet
        or outlets.known_site(source.url)
        or found.outlet
        or outlets.from_url(source.url),
        url=source.url or found.url,
        language=language.detect(body),
        removed=found.removed,
    )


def _looks_like_html(text: str) -> bool:
    return text[:200].lstrip().casefold().startswith(_HTML_START)
