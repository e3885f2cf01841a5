"""Extraction on invented sentences: what must be found, and what must yield nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from quotetrace.extract import find_statements
from quotetrace.extract.quotes import find_quotes
from quotetrace.model import Article, Statement

if TYPE_CHECKING:
    from spacy.language import Language


def run(nlp, text: str) -> list[Statement]:
    article = Article(id="t", doc="t", uri="t", body=text)
    return find_statements(article, nlp(text))


# (text, kind, content, speaker mention as written)
FOUND = [
    ('"We will build the bridge next year," Mayor Ann Kowalski said.', "direct",
     "We will build the bridge next year", "Mayor Ann Kowalski"),
    ("“The budget is balanced,” she told reporters on Monday.", "direct",
     "The budget is balanced", "she"),
    ("Kowalski said: «Nobody will lose their job».", "direct",
     "Nobody will lose their job", "Kowalski"),
    ("The senator said that the vote would be delayed until spring.", "indirect",
     "the vote would be delayed until spring", "The senator"),
    ("The factory will close in May, the company said.", "indirect",
     "The factory will close in May", "the company"),
    ("According to the union, talks have collapsed over pensions.", "indirect",
     "talks have collapsed over pensions", "the union"),
    ("Ortiz accused the council of hiding the report from voters.", "indirect",
     "the council of hiding the report from voters", "Ortiz"),
    ("The governor argued that the plan “will pay for itself within a decade.”", "mixed",
     "the plan will pay for itself within a decade", "The governor"),
    ("Farmers are “tired of empty promises,” the minister admitted.", "mixed",
     "Farmers are tired of empty promises", "the minister"),
    ("Reed has warned that prices could rise again.", "indirect",
     "prices could rise again", "Reed"),
    ("The agency released a report that said “the river is safe to swim in again.”", "direct",
     "the river is safe to swim in again", "a report"),
    ("“We are not done yet,” said former coach Dana Whitfield.", "direct",
     "We are not done yet", "former coach Dana Whitfield"),
    ("The mayor added: “The park will stay open all winter.”", "direct",
     "The park will stay open all winter", "The mayor"),
    ("As Jordan Baptiste put it, “the bill is a tax on the poor.”", "direct",
     "the bill is a tax on the poor", "Jordan Baptiste"),
    ('"The tunnel will be finished in May."\n\n- Ines Moreau.', "direct",
     "The tunnel will be finished in May", "Ines Moreau"),
    ('"The bank\'s “stress test” was a farce," Vogel said.', "direct",
     "The bank's stress test was a farce", "Vogel"),
]


@pytest.mark.parametrize(("text", "kind", "content", "mention"), FOUND)
def test_statement_found(nlp: Language, text: str, kind: str, content: str, mention: str) -> None:
    got = run(nlp, text)
    match = [s for s in got if s.text.rstrip(".") == content]
    assert match, f"{content!r} not in {[s.text for s in got]}"
    assert match[0].kind == kind
    assert match[0].speaker_mention == mention
    assert match[0].cue
    assert text[match[0].start : match[0].end].strip("\"“”«» ")


NOTHING = [
    "The so-called “reform” changed little in the end.",
    "She starred in “The Long Road Home” in 1998.",
    "The word 'resilience' appears twice in the plan.",
    "The museum reopened on Sunday after a long renovation.",
    "It was reported that the road was closed.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_statement(nlp: Language, text: str) -> None:
    assert run(nlp, text) == []


def test_multi_sentence_and_continued_quotes(nlp: Language) -> None:
    text = ('"The roads are clear. The schools will open," Jones said. "We are ready."\n\n'
            'Smith said: "This is the first part.\n\n"And this is the second part."')
    got = run(nlp, text)
    texts = [s.text for s in got]
    assert "The roads are clear. The schools will open" in texts
    assert "We are ready." in texts
    assert all(s.kind == "direct" for s in got)
    last = got[-1]
    assert last.text.startswith("This is the first part.") and last.text.endswith("second part.")
    assert last.speaker_mention == "Smith"


def test_broken_quote_costs_only_itself(nlp: Language) -> None:
    text = ('He said the "deal was dead.\n\n'
            '"Prices will fall," the trader said. "Buyers are back," she added.')
    got = run(nlp, text)
    texts = [s.text for s in got]
    assert "Prices will fall" in texts
    assert "Buyers are back" in texts


def test_transcript_turns(nlp: Language) -> None:
    text = ("Question: Will the talks resume soon?\n\n"
            "Maria Lopez: We hope so. The date is not fixed.\n\n"
            "The delegations are in contact every week.\n\n"
            "Question: And the sanctions?\n\n"
            "Maria Lopez: They remain in force.")
    got = [s for s in run(nlp, text) if s.kind == "transcript"]
    assert [s.speaker_mention for s in got] == [
        "Question", "Maria Lopez", "Maria Lopez", "Question", "Maria Lopez"]
    assert got[2].text == "The delegations are in contact every week."


def test_quoted_transcript_turns(nlp: Language) -> None:
    # a transcript reprinted inside a quotation: every paragraph opens with a quote mark
    text = ("Partial transcript as follows:\n\n"
            "\"HOST: Will the senator attend the hearing tomorrow?\n\n"
            "\"VARGA: She will not attend. Her office said so on Friday.\n\n"
            "\"HOST: Why not?\n\n"
            "\"VARGA: The schedule changed last week.\"")
    got = [s for s in run(nlp, text) if s.kind == "transcript"]
    assert [s.speaker_mention for s in got] == ["HOST", "VARGA", "HOST", "VARGA"]
    assert got[1].text.startswith("She will not attend.")


def test_one_colon_line_is_not_a_transcript(nlp: Language) -> None:
    assert run(nlp, "Update: the road has reopened to traffic.") == []


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('a "b c" d', ["b c"]),
        ("a “b c” d ‘e f’ g", ["b c", "e f"]),
        ("don't stop Russia's 'x y' now", ["x y"]),
        ("''Quoted NYT style,'' he said.", ["Quoted NYT style,"]),
        ('"Open one. "Open two," x.', ["Open one. ", "Open two,"]),
    ],
)
def test_quote_spans(text: str, spans: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quotes(text)] == spans
