"""The statement scorer: table-driven cases on invented gold/prediction pairs, each also scored by
the shared reference scorer (``shared/eval/score.py --json``) to prove both give the same figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from quotetrace.errors import InputError
from quotetrace.evaluate import evaluate_paths, format_report, load_gold, score

# Invented quotes of different lengths (14, 12 and 11 words).
Q1 = "We will not accept any deal that leaves our farmers worse off than before"
Q2 = "The bridge will reopen in the spring once the inspections are complete"
Q3 = "Nobody in this building expected the vote to be so close"
FILLER = (
    "The minister spoke at length in the afternoon session about budgets, roads, schools, "
    "hospitals and the weather in the northern provinces"
)


def half(text: str, first: bool) -> str:
    w = text.split()
    return " ".join(w[: len(w) // 2] if first else w[len(w) // 2 :])


def gst(text: str, speaker: str = "Maria Keller", kind: str = "direct", **extra: Any) -> dict:
    return {"text": text, "speaker": speaker, "kind": kind, **extra}


def pst(
    text: str, speaker: str | None = "Maria Keller", kind: str = "direct", **extra: Any
) -> dict:
    return {"text": text, "speaker": speaker, "kind": kind, **extra}


def gold_of(*statements: dict, aliases: dict | None = None, **top: Any) -> dict:
    """A one-document gold file (document ``a.txt``)."""
    return {
        "format": "quote-gold/1",
        "aliases": aliases or {},
        **top,
        "documents": {"a.txt": {"statements": list(statements)}},
    }


def pred_of(*statements: dict, doc: str = "a.txt", **fields: Any) -> dict:
    return {"doc": doc, "statements": list(statements), **fields}


@dataclass(frozen=True)
class Case:
    name: str
    gold: dict
    predictions: list[dict]
    expected: dict[str, Any] = field(default_factory=dict)


LAVROV = {"Sergey Lavrov": ["Sergei Lavrov"], "TASS": ["tass.com"]}

CASES = [
    Case(
        "exact match",
        gold_of(gst(Q1)),
        [pred_of(pst(Q1))],
        {"predicted": 1, "text_f1": 1.0, "attributed_f1": 1.0, "kind_accuracy": 1.0},
    ),
    Case(
        "quote marks, punctuation and case do not matter",
        gold_of(gst(Q1)),
        [pred_of(pst(f"“{Q1.upper()}!”"))],
        {"text_f1": 1.0, "attributed_f1": 1.0},
    ),
    Case(
        "word order matters",
        gold_of(gst(Q1)),
        [pred_of(pst(" ".join(reversed(Q1.split()))))],
        {"predicted": 1, "text_recall": 0.0, "text_precision": 0.0},
    ),
    Case(
        "a quote split in two by 'she said' is found once",
        gold_of(gst(Q1)),
        [pred_of(pst(half(Q1, True)), pst(half(Q1, False)))],
        {"predicted": 1, "text_precision": 1.0, "text_recall": 1.0, "attributed_f1": 1.0},
    ),
    Case(
        "half of a split quote does not reach 60%",
        gold_of(gst(Q1)),
        [pred_of(pst(half(Q1, True)))],
        {"predicted": 1, "text_recall": 0.0, "text_precision": 0.0},
    ),
    Case(
        "split quote with one half misattributed is found but not attributed",
        gold_of(gst(Q1)),
        [pred_of(pst(half(Q1, True)), pst(half(Q1, False), speaker="Tom Brandt"))],
        {"text_f1": 1.0, "attributed_recall": 0.0},
    ),
    Case(
        "saying it twice earns nothing more",
        gold_of(gst(Q1)),
        [pred_of(pst(Q1), pst(Q1))],
        {"predicted": 1, "text_precision": 1.0},
    ),
    Case(
        "a whole paragraph passed off as one statement serves no gold",
        gold_of(gst(Q1)),
        [pred_of(pst(f"{FILLER}. {Q1}. {FILLER}"))],
        {"predicted": 1, "text_precision": 0.0, "text_recall": 0.0, "attributed_f1": 0.0},
    ),
    Case(
        "a merger of two quotes serves the one that makes up half of it",
        gold_of(gst(Q1), gst(Q2)),
        [pred_of(pst(f"{Q1} {Q2}"))],
        {"predicted": 1, "text_precision": 1.0, "text_recall": 0.5},
    ),
    Case(
        "a merger of three quotes serves none",
        gold_of(gst(Q1), gst(Q2), gst(Q3)),
        [pred_of(pst(f"{Q1} {Q2} {Q3}"))],
        {"predicted": 1, "text_precision": 0.0, "text_recall": 0.0},
    ),
    Case(
        "a prediction no gold holds costs precision",
        gold_of(gst(Q1)),
        [pred_of(pst(Q1), pst(Q3))],
        {"predicted": 2, "text_precision": 0.5, "text_recall": 1.0},
    ),
    Case(
        "empty and punctuation-only texts are no predictions",
        gold_of(gst(Q1)),
        [pred_of(pst(Q1), pst(""), pst(" — "))],
        {"predicted": 1, "text_precision": 1.0},
    ),
    Case(
        "wrong speaker: found, not attributed, no surname credit",
        gold_of(gst(Q1)),
        [pred_of(pst(Q1, speaker="Tom Brandt"))],
        {"text_f1": 1.0, "attributed_f1": 0.0, "surname_f1": 0.0},
    ),
    Case(
        "no speaker at all",
        gold_of(gst(Q1)),
        [pred_of(pst(Q1, speaker=None))],
        {"text_f1": 1.0, "attributed_f1": 0.0},
    ),
    Case(
        "a surname alone earns surname-level credit only",
        gold_of(gst(Q1)),
        [pred_of(pst(Q1, speaker="Keller"))],
        {"attributed_f1": 0.0, "surname_f1": 1.0},
    ),
    Case(
        "aliases, accents and a leading 'the' are accepted",
        gold_of(
            gst(Q1, speaker="Sergey Lavrov"),
            gst(Q2, speaker="Pentagon"),
            gst(Q3, speaker="Sergey Lavrov"),
            aliases=LAVROV,
        ),
        [
            pred_of(
                pst(Q1, speaker="Sergei Lavrov"),
                pst(Q2, speaker="the Pentagon"),
                pst(Q3, speaker="SÉRGEY LAVROV"),
            )
        ],
        {"attributed_f1": 1.0},
    ),
    Case(
        "an alias's surname earns surname credit",
        gold_of(gst(Q1, speaker="Sergey Lavrov"), aliases={"Sergey Lavrov": ["S. Lavrov Jr"]}),
        [pred_of(pst(Q1, speaker="Mr Jr"))],
        {"attributed_f1": 0.0, "surname_f1": 1.0},
    ),
    Case(
        "speaker_is_mention file: half the mention's words, or a bare name inside it",
        gold_of(
            gst(Q1, speaker="Rep. Elijah Cummings of Maryland, the panel's ranking Democrat"),
            gst(Q2, speaker="a senior campaign aide"),
            gst(Q3, speaker="The Times"),
            speaker_is_mention=True,
        ),
        [
            pred_of(
                pst(Q1, speaker="Elijah Cummings"),
                pst(Q2, speaker=None, speaker_mention="campaign aide"),
                pst(Q3, speaker="he", speaker_mention="he"),
            )
        ],
        {
            "text_f1": 1.0,
            "attributed_recall": pytest.approx(2 / 3),
            "surname_f1": pytest.approx(2 / 3),
        },
    ),
    Case(
        "speaker_is_mention file: a pronoun matches the same pronoun only",
        gold_of(gst(Q1, speaker="he"), gst(Q2, speaker="she"), speaker_is_mention=True),
        [pred_of(pst(Q1, speaker="Joe Biden", speaker_mention="he"), pst(Q2, speaker="he"))],
        {"attributed_recall": 0.5},
    ),
    Case(
        "one unnamed source judged as a mention in a names file",
        gold_of(gst(Q1, speaker="a police spokesman", speaker_is_mention=True), gst(Q2)),
        [pred_of(pst(Q1, speaker=None, speaker_mention="the spokesman"), pst(Q2))],
        {"attributed_f1": 1.0},
    ),
    Case(
        "a prediction serving an optional gold is ignored, found or not",
        gold_of(gst(Q1), gst(Q2, optional=True), gst(Q3, optional=True)),
        [pred_of(pst(Q1), pst(Q2), pst(half(Q3, True)))],
        {"predicted": 1, "gold_required": 1, "text_precision": 1.0},
    ),
    Case(
        "pieces of a gold that is not found each count against precision",
        gold_of(gst(Q1)),
        [pred_of(pst(half(Q1, True)), pst(half(Q1, True)))],
        {"predicted": 2, "text_precision": 0.0},
    ),
    Case(
        "kind accuracy and attributed recall by kind",
        gold_of(gst(Q1, kind="direct"), gst(Q2, kind="indirect"), gst(Q3, kind="mixed")),
        [pred_of(pst(Q1, kind="direct"), pst(Q2, kind="mixed"))],
        {
            "kind_accuracy": 0.5,
            "attributed_recall_by_kind": {"direct": 1.0, "indirect": 1.0, "mixed": 0.0},
        },
    ),
    Case(
        "no predictions at all",
        gold_of(gst(Q1)),
        [pred_of()],
        {"predicted": 0, "text_f1": 0.0, "kind_accuracy": None, "boilerplate_removed": None},
    ),
    Case(
        "metadata right, wrong and missing; a document that is missing; paths reduced to names",
        {
            "aliases": LAVROV,
            "documents": {
                "a.txt": {
                    "title": "Talks resume in Geneva",
                    "published": "2022-01-14",
                    "outlet": "TASS",
                    "statements": [gst(Q1)],
                },
                "b.txt": {
                    "title": "Bridge to reopen",
                    "published": "2022-03-02",
                    "published_accept": ["2022-03-02", "--03-02"],
                    "outlet": "RT",
                    "statements": [gst(Q2)],
                },
                "c.txt": {"title": "Vote count", "outlet": None, "statements": [gst(Q3)]},
                "d.txt": {"title": "Never predicted", "statements": []},
            },
        },
        [
            pred_of(
                pst(Q1),
                doc="/data/in/a.txt",
                title="Talks Resume in Geneva!",
                published="2022-01-14T09:30:00",
                outlet="tass.com",
            ),
            pred_of(pst(Q2), doc="b.txt", title="Bridge", published="--03-02", outlet="Reuters"),
            pred_of(pst(Q3), doc="c.txt", title=None, outlet="AP"),
        ],
        {
            "missing_documents": ["d.txt"],
            "metadata": {
                "title": {"right": 1, "wrong": 1, "missing": 2},
                "published": {"right": 2},
                "outlet": {"right": 1, "wrong": 1},
            },
            "text_f1": 1.0,
        },
    ),
    Case(
        "boilerplate: judged only on records that carry a body",
        {
            "documents": {
                "a.txt": {
                    "boilerplate": ["Subscribe to our newsletter", "All rights reserved"],
                    "statements": [],
                },
                "b.txt": {"boilerplate": ["Share this article"], "statements": []},
            }
        },
        [
            pred_of(doc="a.txt", body="The text.\n\nAll rights reserved."),
            pred_of(doc="b.txt"),
        ],
        {"boilerplate_removed": 0.5},
    ),
    Case(
        "a later record for the same document replaces the earlier one",
        gold_of(gst(Q1)),
        [pred_of(pst(Q1)), pred_of(pst(Q1, speaker="Tom Brandt"))],
        {"text_f1": 1.0, "attributed_f1": 0.0},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_score(case: Case) -> None:
    result = score(case.gold, case.predictions)
    for key, want in case.expected.items():
        assert result[key] == want, f"{key}: {result[key]!r}, expected {want!r}"


def test_a_paragraph_serving_nothing_also_spoils_an_exact_match() -> None:
    # the exact match is still credited; the paragraph is one more unmatched prediction
    result = score(gold_of(gst(Q1)), [pred_of(pst(Q1), pst(f"{FILLER} {Q1} {FILLER}"))])
    assert (result["predicted"], result["text_precision"]) == (2, 0.5)


def test_gold_without_documents_is_refused() -> None:
    with pytest.raises(InputError, match="documents"):
        score({"statements": []}, [])


def test_load_gold_explains_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not UTF-8 JSON"):
        load_gold(bad)
    with pytest.raises(InputError, match="cannot read"):
        load_gold(tmp_path / "absent.json")


def test_report_layout() -> None:
    report = format_report(score(CASES[-3].gold, CASES[-3].predictions))
    lines = report.splitlines()
    assert lines[0] == "documents 4  missing 1"
    assert "title       missing 2  right 1  wrong 1" in lines
    assert lines[-1].startswith("attributed_f1=1.0000 text_f1=1.0000")


# --- the same cases through the reference scorer ------------------------------------------


@pytest.fixture(scope="module")
def reference_scorer(shared: Path) -> Path:
    path = shared / "eval" / "score.py"
    if not path.is_file():
        pytest.skip(f"reference scorer not found at {path}")
    return path


def run_reference(scorer: Path, tmp_path: Path, case: Case, *flags: str) -> str:
    gold = tmp_path / "gold.json"
    preds = tmp_path / "preds.jsonl"
    gold.write_text(json.dumps(case.gold), encoding="utf-8")
    preds.write_text("".join(json.dumps(p) + "\n" for p in case.predictions), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(preds), *flags],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_same_figures_as_reference_scorer(
    case: Case, reference_scorer: Path, tmp_path: Path
) -> None:
    theirs = json.loads(run_reference(reference_scorer, tmp_path, case, "--json"))
    assert score(case.gold, case.predictions) == theirs


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_same_report_as_reference_scorer(
    case: Case, reference_scorer: Path, tmp_path: Path
) -> None:
    theirs = run_reference(reference_scorer, tmp_path, case)
    assert format_report(score(case.gold, case.predictions)) == theirs.rstrip("\n")


# --- end to end through the pipeline --------------------------------------------------------


def test_evaluate_paths_scores_pipeline_output(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        "Farm talks stall\n\n"
        f"“{Q1},” Agriculture Minister Maria Keller told reporters on Tuesday.\n\n"
        "The talks resume next week.\n",
        encoding="utf-8",
    )
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"documents": {"story.txt": {"statements": [gst(Q1)]}}}))
    result = evaluate_paths(gold, [str(article)])
    assert result["missing_documents"] == []
    assert result["skipped"] == []
    assert result["gold_required"] == 1
    # a plain direct quote with a named speaker is the least the extractor must find
    assert result["text_recall"] == 1.0


def test_evaluate_paths_reports_skipped_inputs(tmp_path: Path) -> None:
    # an input the pipeline cannot use is a missing document, and the result says why
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"documents": {"empty.txt": {"statements": [gst(Q1)]}}}))
    result = evaluate_paths(gold, [str(tmp_path / "empty.txt")])
    assert result["missing_documents"] == ["empty.txt"]
    assert [s["uri"] for s in result["skipped"]] == [str(tmp_path / "empty.txt")]
    assert result["text_recall"] == 0.0
    assert "skipped 1: " in format_report(result)


def test_same_figures_as_reference_scorer_on_real_output(
    shared: Path, reference_scorer: Path, tmp_path: Path
) -> None:
    # the invented cases pin the rules one at a time; real output on the seeds exercises them
    # together (aliases, transcripts, split and merged quotes, metadata, boilerplate)
    from quotetrace.export import extraction_record
    from quotetrace.model import Extraction
    from quotetrace.pipeline import run

    gold = json.loads((shared / "eval" / "seeds.gold.json").read_text(encoding="utf-8"))
    records = [
        extraction_record(x) for x in run([str(shared / "seeds")]) if isinstance(x, Extraction)
    ]
    assert records, "the pipeline produced nothing on the seeds"
    case = Case("seeds", gold, records)
    theirs = json.loads(run_reference(reference_scorer, tmp_path, case, "--json"))
    assert score(gold, records) == theirs
