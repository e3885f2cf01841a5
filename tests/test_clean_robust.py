"""Bad input to the clean stage: a clear CleaningError or a best-effort article, quickly."""

from __future__ import annotations

import time

import pytest

from quotetrace.clean import clean
from quotetrace.errors import CleaningError
from quotetrace.model import Source
from quotetrace.options import Options

OPTIONS = Options()
PROSE = (
    "The harbour master said on Monday that the old pier would be rebuilt before the summer, "
    "after years of delays caused by a dispute over who should pay for the work."
)


def run(**fields: object):
    return clean(Source(uri="mem:bad", doc="bad", **fields), OPTIONS)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "line",
    [
        "word " * 10_000_000,  # 50 MB of one line of words
        "x" * 50_000_000,  # 50 MB without a space
        "icon " * 10_000_000,  # a huge line that looks like an icon row
        "« " * 25_000_000,  # symbols only: no article
    ],
    ids=["words", "no-spaces", "icons", "symbols"],
)
def test_huge_single_line_is_quick(line: str) -> None:
    start = time.perf_counter()
    try:
        article = run(media="text", text=line)
    except CleaningError as exc:
        assert str(exc)
    else:
        assert len(article.body) <= OPTIONS.max_chars
    assert time.perf_counter() - start < 10


def test_huge_single_line_as_bytes() -> None:
    start = time.perf_counter()
    article = run(media="text", raw=(PROSE + " ").encode() * 200_000)
    assert article.body.startswith("The harbour master")
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize(
    "page",
    [
        b"<html><body><div><p>Unclosed <b>tags <i>everywhere<p>" + PROSE.encode(),
        b"<p>" + PROSE.encode() + b"</div></span></table>",
        b"<html><head><title>x</title></head><body><article><h1>Pier</h1><p>"
        + PROSE.encode()
        + b"</p><p>Second paragraph of the story, with more detail about the old pier and "
        b"the work.</p></article></body></html>",
    ],
    ids=["unclosed", "stray-end-tags", "well-formed"],
)
def test_broken_html_gives_best_effort_text(page: bytes) -> None:
    article = run(media="html", raw=page)
    assert "harbour master" in article.body


@pytest.mark.parametrize(
    "page",
    [b"", b"\x00\x01<<<>>>&&&;;;", b"<html><script>var x = 1;</script></html>"],
    ids=["empty", "debris", "script-only"],
)
def test_html_without_text_is_a_cleaning_error(page: bytes) -> None:
    with pytest.raises(CleaningError, match=r"\w+ \w+"):
        run(media="html", raw=page)


def test_mixed_encodings_keep_every_line_readable() -> None:
    raw = (
        "Café reopens\n\n".encode()
        + (PROSE + " The café owner was pleased.\n\n").encode()
        + "Le propriétaire du café a déclaré qu'il était très content de rouvrir.\n".encode(
            "cp1252"
        )
    )
    article = run(media="text", raw=raw)
    assert "The café owner was pleased." in article.body
    assert "propriétaire du café" in article.body
    assert article.title == "Café reopens"


def test_legacy_single_byte_encoding() -> None:
    text = (
        "Министр иностранных дел заявил в понедельник, что переговоры будут продолжены "
        "на следующей неделе в столице."
    )
    article = run(media="text", raw=text.encode("koi8_r"))
    assert "переговоры" in article.body
    assert article.language == "ru"


def test_html_given_as_text_is_read_as_html() -> None:
    page = f"<!DOCTYPE html><html><body><article><p>{PROSE}</p></article></body></html>"
    article = run(media="text", text=page)
    assert "<p>" not in article.body and "harbour master" in article.body


def test_huge_hard_wrapped_paragraph_is_joined_in_linear_time() -> None:
    wrapped = "and the words go on and on without any stop at all here ok\n" * 40_000
    start = time.perf_counter()
    article = run(media="text", text=wrapped)
    assert time.perf_counter() - start < 10
    assert "\n" not in article.body  # one paragraph, wrapped lines joined again


def test_html_given_as_text_bytes_is_read_as_html() -> None:
    page = f"<html><body><article><p>{PROSE}</p></article></body></html>"
    article = run(media="text", raw=page.encode("cp1252"))
    assert "<p>" not in article.body and "harbour master" in article.body


@pytest.mark.parametrize(
    "line",
    [
        "By " + "A" * 290 + "!",  # once took 5 s in a backtracking byline pattern
        "BY " + "A" * 290 + "!",
        "By " + "Ab " * 95 + "!",
        "By " + "Ab, " * 70 + "!",
        "Get the " + "a " * 140 + "!",
        "(" + "a " * 50 + ")" + "!" * 150,
    ],
)
def test_line_rules_do_not_backtrack(line: str) -> None:
    from quotetrace.clean.lines import rule_for

    start = time.perf_counter()
    rule_for(line)
    assert time.perf_counter() - start < 0.2
