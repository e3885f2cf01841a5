"""Rule entities: people, organisations and places the way quotetrace's stages read them."""

from __future__ import annotations

import pytest

from quotetrace import nlp as nlp_loader
from quotetrace.options import Options

TEXT = ("Estmarkian Foreign Minister Jonas Brekke told the Daily Courier on Monday that the "
        "European Union and NATO had ignored Moscow. The Ministry of Foreign Affairs of Ukraine "
        "said Brekke was wrong. Kyiv rejected it. Mr. Halvorsen visited Port Ostra. "
        "Ostra answered.")


def _ents(nlp) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(TEXT).ents}


def test_people_without_their_titles(nlp):
    ents = _ents(nlp)
    assert ents["Jonas Brekke"] == "PERSON"
    assert ents["Brekke"] == "PERSON"  # a surname of a person the text names in full
    assert ents["Halvorsen"] == "PERSON"  # one word after an honorific
    assert not any("Minister" in name for name in ents)


def test_places_and_organisations(nlp):
    ents = _ents(nlp)
    assert ents["Moscow"] == "GPE" and ents["Kyiv"] == "GPE"
    assert ents["European Union"] == "ORG" and ents["NATO"] == "ORG"
    assert ents["Ministry of Foreign Affairs of Ukraine"] == "ORG"
    assert ents["Port Ostra"] == "LOC"
    assert ents["Ostra"] == "NAME"  # a proper name of a kind the rules cannot tell
    assert "Monday" not in ents


def test_statistical_recogniser_on_request():
    assert "ner" in nlp_loader.load(entities="model").pipe_names
    with pytest.raises(ValueError, match="entities"):
        Options(entities="guess")


def test_title_complements_and_last_words(nlp):
    doc = nlp("Secretary of State Mara Velk met President Bill Tormund and the Unity Party "
              "at the Daily Courier on Wall Street.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents["Mara Velk"] == "PERSON"  # "State" belongs to the title
    assert ents["Bill Tormund"] == "PERSON"  # "bill" is a law only as the last word
    assert ents["Unity Party"] == "ORG"
    assert ents["Daily Courier"] == "ORG"
    assert ents["Wall Street"] == "LOC"
