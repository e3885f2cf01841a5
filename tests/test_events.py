# ruff: noqa: E501  (a table of sentences reads best one case a line)
"""PLOVER event coding on invented sentences, with the real spaCy model (no mocks).

Each row: a sentence, the main event's type, its source code, one target code, and the modes.
``None`` in a code column means "not checked". Sentences that must yield nothing are listed
apart. The sentences are made up for these tests.
"""

from __future__ import annotations

import pytest

from quotetrace.events import code_events
from quotetrace.model import Article, Event, Statement

ANY = object()

# sentence, type, source code, target code, negated, hypothetical
# fmt: off
CASES: list[tuple[str, str, str | None, str | None, bool, bool]] = [
    # verbal cooperation
    ('Chile agreed on Monday to reopen its consulate in Bolivia.', 'AGREE', 'CHL', None, False, False),
    ('The Kenyan government promised to send more teachers to Somalia.', 'AGREE', 'KEN', 'SOM', False, False),
    ('Norway is ready to resume talks with Sri Lanka on the fishing dispute.', 'AGREE', 'NOR', 'LKA', False, False),
    ('Estonia will provide Moldova with two hundred generators next winter.', 'AGREE', 'EST', 'MDA', False, False),
    ('The Brazilian foreign minister met his Argentine counterpart in Montevideo on Friday.', 'CONSULT', 'BRA', 'ARG', False, False),
    ('Mongolian President Bat Erdene visited Japan this week.', 'CONSULT', 'MNG', 'JPN', False, False),
    ('Qatar held talks with the Taliban on Tuesday about the release of aid workers.', 'CONSULT', 'QAT', 'AFG', False, False),
    ('Portugal praised Cape Verde for its handling of the election.', 'SUPPORT', 'PRT', 'CPV', False, False),
    ('The Danish government welcomed the decision of the Council of Europe.', 'SUPPORT', 'DNK', 'IGO', False, False),
    ('Uruguay signed a treaty with Paraguay on river navigation.', 'SUPPORT', 'URY', 'PRY', False, False),
    ('The Bolivian government eased the curfew in La Paz after a week of calm.', 'CONCEDE', 'BOL', None, False, False),
    ('Thai authorities lifted the ban on opposition rallies.', 'CONCEDE', 'THA', None, False, False),
    # material cooperation
    ('Vietnamese and Cambodian police launched joint patrols along the Mekong.', 'COOPERATE', 'VNM', None, False, False),
    ('Singapore shared intelligence with Malaysia about the smuggling network.', 'COOPERATE', 'SGP', 'MYS', False, False),
    ('Canada sent food and blankets to flood victims in Pakistan.', 'AID', 'CAN', 'PAK', False, False),
    ('Iceland granted asylum to three Belarusian journalists.', 'AID', 'ISL', 'BLR', False, False),
    ('Turkish troops withdrew from two border villages in northern Iraq.', 'RETREAT', 'TUR', 'IRQ', False, False),
    ('The militia released twelve Ugandan hostages on Sunday.', 'RETREAT', None, 'UGA', False, False),
    # verbal conflict
    ('Lithuania demanded that Belarus close the nuclear plant near the border.', 'REQUEST', 'LTU', 'BLR', False, False),
    ('The Nepalese prime minister urged India to reopen the trade routes.', 'REQUEST', 'NPL', 'IND', False, False),
    ('Mexico accused Guatemala of ignoring attacks on migrants.', 'ACCUSE', 'MEX', 'GTM', False, False),
    ('Zambia condemned the Zimbabwean crackdown on trade unions.', 'ACCUSE', 'ZMB', 'ZWE', False, False),
    ('Greece rejected a Turkish proposal to share the gas field.', 'REJECT', 'GRC', 'TUR', False, False),
    ('Ecuador refused to extradite the former Peruvian minister.', 'REJECT', 'ECU', 'PER', False, False),
    ('Azerbaijan threatened to close its airspace to Armenian flights.', 'THREATEN', 'AZE', 'ARM', False, False),
    ('Slovakia warned Hungary that it would expel its ambassador.', 'THREATEN', 'SVK', 'HUN', False, False),
    # material conflict
    ('Thousands of Romanian farmers protested outside the parliament in Bucharest.', 'PROTEST', 'ROU', None, False, False),
    # "the government" names no country: its code stays null rather than guessed
    ('Nigerian oil workers staged a strike against the government.', 'PROTEST', 'NGA', None, False, False),
    ('Australia imposed sanctions on twelve Burmese generals.', 'SANCTION', 'AUS', 'MMR', False, False),
    ('Latvia expelled two Russian diplomats on Thursday.', 'SANCTION', 'LVA', 'RUS', False, False),
    ('Algeria deployed troops along its border with Mali.', 'MOBILIZE', 'DZA', 'MLI', False, False),
    ('Tunisian police arrested forty opposition activists in Tunis.', 'COERCE', 'TUN', None, False, False),
    ('Egyptian authorities banned the newspaper for a month.', 'COERCE', 'EGY', None, False, False),
    ('Ethiopian jets bombed rebel positions near the Eritrean border.', 'ASSAULT', 'ETH', None, False, False),
    ('Somali gunmen attacked a Kenyan police post, killing four officers.', 'ASSAULT', 'SOM', 'KEN', False, False),
    # actions reported without speech, and a passive
    ('A convoy of Red Cross trucks was attacked by Sudanese militiamen.', 'ASSAULT', 'SDN', 'IGO', False, False),
    # negation
    ('Peru will not accept any more refugees from Venezuela.', 'REJECT', 'PER', 'VEN', False, False),
    ('There will be no more joint exercises with Kazakhstan, the Uzbek minister said.', 'REJECT', 'UZB', 'KAZ', False, False),
    # hypotheticals: a conditional offer is an AGREE, a conditional use of force a THREATEN
    ('Norway would sign the accord if Sweden dropped its objections.', 'AGREE', 'NOR', None, False, True),
    ('Iran could close the strait if the embargo is tightened.', 'THREATEN', 'IRN', None, False, True),
    # capitals stand for governments
    ('Ankara rejected the Swedish request on Monday.', 'REJECT', 'TUR', 'SWE', False, False),
]
# fmt: on

# sentences that code nothing
NOTHING = [
    "The weather in Lisbon was mild for the time of year.",
    "The museum opened a new wing dedicated to medieval maps.",
    "Prices of rice rose by three percent in March, the statistics office said.",
]


@pytest.fixture(scope="module")
def code(nlp):
    def run(text: str, statements: tuple[Statement, ...] = ()) -> list[Event]:
        article = Article(id="t", doc="t", uri="t", body=text)
        return code_events(article, nlp(text), statements)

    return run


@pytest.mark.parametrize(
    ("text", "typ", "src", "tgt", "neg", "hyp"), CASES, ids=[c[0][:40] for c in CASES]
)
def test_main_event(code, text, typ, src, tgt, neg, hyp):
    events = code(text)
    assert events, f"no event in: {text}"
    main = events[0]
    assert main.type == typ, (main.type, main.trigger)
    if src is not None:
        assert main.source is not None and main.source.code == src, main.source
    if tgt is not None:
        assert tgt in {t.code for t in main.targets}, main.targets
    assert main.negated == neg
    assert main.hypothetical == hyp


@pytest.mark.parametrize("text", NOTHING)
def test_no_event(code, text):
    assert code(text) == []


def test_all_types_covered():
    from quotetrace.events.lexicon import TYPES

    assert {c[1] for c in CASES} == set(TYPES)


def test_negated_cooperation_keeps_the_negated_event(code):
    events = code("There will be no more joint projects with Kazakhstan, the Uzbek minister said.")
    assert [(e.type, e.negated) for e in events[:2]] == [("REJECT", False), ("COOPERATE", True)]


def test_quads_follow_the_manual(code):
    (event, *_) = code("Latvia expelled two Russian diplomats on Thursday.")
    assert event.quad == "material conflict"
    (event, *_) = code("Chile agreed on Monday to reopen its consulate in Bolivia.")
    assert event.quad == "verbal cooperation"


def test_statement_source_is_the_speaker_side(code):
    text = (
        "Croatian Foreign Minister Ivo Maric spoke in Zagreb on Monday. "
        "\u201cWe are ready to negotiate with Slovenia,\u201d Maric said."
    )
    start = text.index("We are")
    end = text.index(",\u201d")
    statement = Statement(text[start:end], "direct", start, end, cue="said", speaker="Ivo Maric")
    events = code(text, (statement,))
    coded = [e for e in events if e.statement == 0]
    assert coded and coded[0].type == "AGREE"
    assert coded[0].source is not None and coded[0].source.code == "HRV"
    assert coded[0].source.sector == "GOV"
    assert "SVN" in {t.code for t in coded[0].targets}


def test_outlet_is_never_the_source(code):
    text = "Reuters reported that Bahraini police detained six protesters on Friday."
    for event in code(text):
        assert event.source is None or "Reuters" not in event.source.text


def test_unknown_actor_keeps_text_and_no_code(code):
    (event, *_) = code("The Zorblatt Alliance attacked a village in Chad.")
    assert event.source is not None and event.source.code is None
    assert "Zorblatt" in event.source.text


def test_condition_marks_hypothetical(code):
    (event, *_) = code(
        "We will resume cooperation with the EU when the EU understands its mistakes."
    )
    assert event.hypothetical
