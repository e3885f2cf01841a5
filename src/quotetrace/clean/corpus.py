"""Boilerplate learned across a corpus: paragraphs one outlet prints under many articles.

Single-page rules cannot know that "Follow our channel on Telegram" is chrome; a corpus can.
Both functions are pure, so the pipeline may learn on a first pass (or on a sample) and apply
the result on a second pass, on one machine or on many:

    learned = learn_boilerplate(articles)            # {outlet: {paragraph, ...}}
    article = strip_boilerplate(article, learned)     # a new Article without them
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace

from ..model import Article
from . import body as bodies
from . import lines

# A paragraph quoting someone is content even when several articles repeat it: never learned.
_QUOTES = frozenset('"“”«»„')


def learn_boilerplate(
    articles: Iterable[Article], *, min_articles: int = 4, min_share: float = 0.25
) -> dict[str, frozenset[str]]:
    """Paragraphs that recur in at least ``min_articles`` articles and ``min_share`` of the
    articles of one outlet, as first written, by outlet. Articles without an outlet are skipped;
    paragraphs holding quotation marks are never learned (a repeated quote is still a quote)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, dict[str, str]] = defaultdict(dict)
    totals: Counter[str] = Counter()
    for article in articles:
        if not article.outlet:
            continue
        totals[article.outlet] += 1
        keys: set[str] = set()
        for para in article.body.split("\n\n"):
            if _QUOTES.isdisjoint(para) and (k := lines.key(para)):
                keys.add(k)
                first[article.outlet].setdefault(k, para)
        seen[article.outlet].update(keys)
    learned: dict[str, frozenset[str]] = {}
    for outlet, counts in seen.items():
        need = max(min_articles, math.ceil(min_share * totals[outlet]))
        found = frozenset(first[outlet][k] for k, n in counts.items() if n >= need)
        if found:
            learned[outlet] = found
    return learned


def strip_boilerplate(article: Article, learned: Mapping[str, Collection[str]]) -> Article:
    """The article without its outlet's learned boilerplate paragraphs (moved to ``removed``);
    unchanged when nothing matches or when nothing would be left."""
    known = learned.get(article.outlet or "")
    if not known:
        return article
    wanted = {lines.key(p) for p in known}
    paras = article.body.split("\n\n")
    keep = [p for p in paras if lines.key(p) not in wanted]
    if len(keep) == len(paras) or not keep:
        return article
    body = bodies.join(keep)
    dropped = tuple(p for p in paras if lines.key(p) in wanted)
    removed = article.removed + dropped
    return replace(article, id=bodies.article_id(body), body=body, removed=removed)
