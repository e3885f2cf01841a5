"""Speaker resolution on invented articles: names, pronouns, roles, organisations, transcripts."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from quotetrace.attribute import resolve_speakers
from quotetrace.extract import find_statements
from quotetrace.model import Article, Statement

if TYPE_CHECKING:
    from spacy.language import Language


def run(nlp, text: str, **meta: str) -> list[Statement]:
    article = Article(id="t", doc="t", uri="t", body=text, **meta)
    doc = nlp(text)
    return resolve_speakers(article, doc, find_statements(article, doc))


ARTICLE = (
    "German Finance Minister Klara Hoffmann said on Monday that the deficit would shrink.\n\n"
    '"We have done our homework," she said. "The numbers speak for themselves."\n\n'
    "The German finance minister added that taxes would not rise.\n\n"
    "Hoffmann also accused the opposition of spreading fear.\n\n"
    "The Bundesbank said the forecast was too optimistic.\n\n"
    "Critics call the plan a “fairy tale”."
)


@pytest.mark.parametrize(
    ("content", "speaker"),
    [
        ("the deficit would shrink", "Klara Hoffmann"),
        ("We have done our homework", "Klara Hoffmann"),
        ("The numbers speak for themselves.", "Klara Hoffmann"),
        ("taxes would not rise", "Klara Hoffmann"),
        ("the opposition of spreading fear", "Klara Hoffmann"),
        ("the forecast was too optimistic", "Bundesbank"),
    ],
)
def test_speaker_resolved(nlp: Language, content: str, speaker: str) -> None:
    got = {s.text.rstrip("."): s for s in run(nlp, ARTICLE)}
    st = got[content.rstrip(".")]
    assert st.speaker == speaker
    assert 0 < st.confidence <= 1
    assert st.speaker_mention


def test_unresolvable_speaker_stays_null(nlp: Language) -> None:
    text = "A witness said that the car was speeding."
    (st,) = run(nlp, text)
    assert st.speaker_mention == "A witness"
    assert st.speaker is None


def test_questions_belong_to_the_named_interviewer(nlp: Language) -> None:
    text = ("Question: Will the border reopen?\n\n"
            "Tomas Berg: Not this year. We are still negotiating.\n\n"
            "Question: Why not?\n\n"
            "Tomas Berg: Because the conditions are not met.")
    got = run(nlp, text, title="Minister Tomas Berg's interview with Nordic Daily")
    turns = [(s.speaker, s.kind) for s in got if s.kind == "transcript"]
    assert turns == [("Nordic Daily", "transcript"), ("Tomas Berg", "transcript")] * 2


def test_speakers_resolve_without_ner() -> None:
    """Without the NER component (twice the parse speed) names come from proper-noun runs."""
    from quotetrace import nlp as nlp_loader

    fast = nlp_loader.load(disable=("ner",))
    got = {s.text.rstrip("."): s.speaker for s in run(fast, ARTICLE)}
    assert got["We have done our homework"] == "Klara Hoffmann"
    assert got["taxes would not rise"] == "Klara Hoffmann"


def test_a_name_inside_a_phrase_does_not_make_it_a_speaker(nlp):
    text = ("Question: Is the conflict over?\n\n"
            # "whichhas": scraped text runs words together, and the parse goes astray
            "Jonas Brekke: You are right, the civil war in Moldova, whichhas continued for "
            "almost eight years now, is far from over.\n\n"
            "Question: What comes next?\n\n"
            "Jonas Brekke: We will keep talking to everyone who wants peace.")
    speakers = {s.speaker for s in run(nlp, text)}
    assert "Jonas Brekke" in speakers
    assert not any(s and "war" in s for s in speakers)
