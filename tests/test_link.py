"""Linking across articles: names, the speaker registry, utterance clusters, topics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotetrace.cli import main
from quotetrace.link import Override, build, match_words, normalise, roles_in, same_utterance
from quotetrace.link.names import key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Sergey Lavrov", "Sergei Lavrov", True),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy", True),
        ("Yevgeny Prigozhin", "Evgeny Prigozhin", True),
        ("Mr. Trump", "Trump", True),
        ("Hillary Clinton", "Bill Clinton", False),
    ],
)
def test_name_keys(a: str, b: str, same: bool) -> None:
    assert (key(a) == key(b)) is same


def _groups(counts: dict[str, int], overrides: list[Override] | None = None) -> set[frozenset]:
    return {frozenset(g.names) for g in build(counts, overrides or [])}


def test_registry_merges_spellings_and_the_only_surname() -> None:
    groups = _groups({"Sergey Lavrov": 9, "Sergei Lavrov": 2, "Lavrov": 1,
                      "Aleksandr Lukashenko": 1, "Alexander Lukashenko": 1,
                      "UK defense ministry": 1, "UK Ministry of Defence": 1, "Kyiv": 1, "Kiev": 1})
    assert frozenset({"Sergey Lavrov", "Sergei Lavrov", "Lavrov"}) in groups
    assert frozenset({"Aleksandr Lukashenko", "Alexander Lukashenko"}) in groups
    assert frozenset({"UK defense ministry", "UK Ministry of Defence"}) in groups
    assert frozenset({"Kyiv", "Kiev"}) in groups


def test_registry_keeps_people_who_share_a_surname_apart() -> None:
    groups = _groups({"Hillary Clinton": 5, "Bill Clinton": 3, "Clinton": 4})
    assert groups == {frozenset({"Hillary Clinton"}), frozenset({"Bill Clinton"}),
                      frozenset({"Clinton"})}  # a bare surname of two people stays apart


def test_canonical_name_is_the_most_used_and_reasons_are_given() -> None:
    (g,) = build({"Sergey Lavrov": 9, "Sergei Lavrov": 2})
    assert g.name == "Sergey Lavrov" and g.kind == "person"
    assert g.aliases == {"Sergei Lavrov": "same name under transliteration"}


def test_overrides_win_over_automatic_linking() -> None:
    counts = {"Sergey Lavrov": 9, "Lavrov": 1, "Hillary Clinton": 5, "Clinton": 2,
              "Bill Clinton": 1}
    groups = _groups(counts, [Override("split", "Lavrov"),
                              Override("merge", "Clinton", "Hillary Clinton")])
    assert frozenset({"Lavrov"}) in groups
    assert frozenset({"Clinton", "Hillary Clinton"}) in groups


def test_registry_does_not_depend_on_order() -> None:
    counts = {"Sergey Lavrov": 3, "Sergei Lavrov": 3, "Lavrov": 1, "Kiev": 1, "Kyiv": 1}
    reordered = dict(reversed(list(counts.items())))
    assert _groups(counts) == _groups(reordered)


_QUOTE = ("We are interested in an independent union and have been keeping a close eye on the "
          "mixed trends within it, the minister said")


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ("We are interested in an independent union, and have been keeping a close eye on the "
         "mixed trends within it", True),  # re-punctuated, trimmed
        ("We are interested in an independent union … keeping a close eye on the mixed trends",
         True),  # ellipsis
        ("We are interested in an independent union [the EU] and have been keeping a close eye "
         "on the mixed trends within it", True),  # editorial brackets
        ("We are interested in an independent union", True),  # partial quote of six words
        ("We are not at all interested in a union that follows every order from abroad", False),
        ("an independent union", False),  # too short to say
    ],
)
def test_same_utterance(other: str, same: bool) -> None:
    assert same_utterance(match_words(_QUOTE), match_words(other)) is same


def test_british_and_american_spellings_meet() -> None:
    assert match_words("The organisation's defence programme, centre of the dialogue") == \
        match_words("The organization's defense program, center of the dialog")


@pytest.mark.parametrize(
    ("mention", "canonical"),
    [("EU", "European Union"), ("the U.S.", "United States"), ("Britain", "United Kingdom"),
     ("the Kremlin", "Kremlin"), ("NATO's", "NATO")],
)
def test_entities_are_normalised(mention: str, canonical: str) -> None:
    assert normalise(mention) == canonical


def test_roles_from_titles_and_appositions() -> None:
    body = ("BERGEN. Norland Foreign Minister Amara Velde spoke on Monday. Later Amara Velde "
            "left. Jonas Brekke, Estmark's foreign minister, said nothing.")
    assert roles_in(body, "Amara Velde") == ["Norland Foreign Minister"]
    assert roles_in(body, "Jonas Brekke") == ["Estmark's foreign minister"]


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _state(db: str) -> tuple[set, set]:
    speakers = {(s["name"], frozenset(s["aliases"]), s["statements"]) for s in map(
        json.loads, _cli("speakers", "--db", db, "--format", "jsonl").splitlines())}
    clusters = set()
    for c in map(json.loads, _cli("statements", "--db", db, "--limit", "10000",
                                  "--format", "jsonl").splitlines()):
        clusters.add(frozenset((m["article_id"], m["text"]) for m in c["members"]))
    return speakers, clusters


def test_seeds_one_lavrov_and_any_order_gives_the_same_record(
        shared: Path, tmp_path: Path) -> None:
    files = sorted((shared / "seeds").glob("*.txt"))
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    _cli("ingest", "--db", one, *map(str, files))
    _cli("ingest", "--db", two, *map(str, reversed(files[2:])))
    _cli("ingest", "--db", two, *map(str, reversed(files[:2])))
    _cli("ingest", "--db", two, *map(str, files))  # re-ingesting changes nothing
    assert _state(one) == _state(two)
    rows = [json.loads(x) for x in _cli("speakers", "--db", one, "--format", "jsonl").splitlines()]
    lavrov = [r for r in rows if any("Lavrov" in n for n in [r["name"], *r["aliases"]])]
    assert len(lavrov) == 1
    putin = [r for r in rows if "Putin" in r["name"]]
    assert putin and putin[0] is not lavrov[0]
    assert _cli("quotes", "--db", one, "--about", "EU", "--format", "jsonl").strip()


def test_manual_merge_and_split_survive_later_ingests(shared: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    seeds = sorted((shared / "seeds").glob("*.txt"))
    _cli("ingest", "--db", db, str(seeds[0]))
    _cli("speakers", "--db", db, "split", "Sergei Lavrov")
    _cli("ingest", "--db", db, *map(str, seeds[1:]))
    names = {json.loads(x)["name"] for x in _cli("speakers", "--db", db, "--format",
                                                  "jsonl").splitlines()}
    assert "Sergei Lavrov" in names and "Sergey Lavrov" in names
    _cli("speakers", "--db", db, "merge", "Sergey Lavrov", "Sergei Lavrov")
    names = {json.loads(x)["name"] for x in _cli("speakers", "--db", db, "--format",
                                                  "jsonl").splitlines()}
    assert "Sergei Lavrov" not in names
