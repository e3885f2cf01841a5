"""Boilerplate learned across a corpus: what one outlet prints under many articles."""

from __future__ import annotations

from quotetrace.clean import clean, learn_boilerplate, strip_boilerplate
from quotetrace.model import Article, Source
from quotetrace.options import Options

FOOTER = "Follow the Example Courier on social media for the latest news from the valley."
QUOTE = '"We will rebuild the bridge," the mayor said.'


def article(n: int, outlet: str, *extra: str) -> Article:
    story = (
        f"Story number {n} begins with its own first paragraph about the valley, which is long "
        f"enough to read as prose and differs from story {n + 1} in its number."
    )
    text = "\n\n".join((f"Headline number {n} of the day", story, *extra))
    source = Source(uri=f"mem:{n}", doc=str(n), media="text", text=text, outlet=outlet)
    return clean(source, Options())


def test_learns_what_recurs_in_one_outlet_only() -> None:
    corpus = [article(n, "Example Courier", FOOTER, QUOTE) for n in range(8)]
    corpus += [article(n, "Other Daily", FOOTER if n < 2 else "") for n in range(10, 18)]
    learned = learn_boilerplate(corpus)
    assert learned == {"Example Courier": frozenset({FOOTER})}  # quotes are never learned


def test_strip_moves_learned_lines_to_removed_and_changes_the_id() -> None:
    corpus = [article(n, "Example Courier", FOOTER) for n in range(6)]
    learned = learn_boilerplate(corpus)
    before = corpus[0]
    after = strip_boilerplate(before, learned)
    assert FOOTER not in after.body and FOOTER in after.removed
    assert after.id != before.id and after.body.startswith("Story number 0")
    # an article of another outlet, or one without learned lines, is returned as it was
    other = article(99, "Other Daily", FOOTER)
    assert strip_boilerplate(other, learned) is other


def test_small_corpus_learns_nothing() -> None:
    assert learn_boilerplate([article(n, "Example Courier", FOOTER) for n in range(3)]) == {}
    assert learn_boilerplate([]) == {}
