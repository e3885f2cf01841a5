"""The command line end to end, on the shared seeds, PolNeAR dev and bad inputs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotetrace.cli import main

REPO = Path(__file__).resolve().parents[1]


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seeds_jsonl(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("extract") / "seeds.jsonl"
    code, _, err = _run("extract", str(shared / "seeds"), "-o", str(out))
    assert code == 0, err
    return out


def test_extract_writes_one_documented_line_per_seed(seeds_jsonl: Path) -> None:
    lines = [json.loads(x) for x in seeds_jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 5
    for rec in lines:
        assert {"doc", "title", "published", "outlet", "language", "body", "statements"} <= set(rec)
        assert rec["doc"].endswith(".txt")
        for st in rec["statements"]:
            assert st["kind"] in {"direct", "mixed", "indirect", "transcript"}
            assert 0 <= st["start"] < st["end"] <= len(rec["body"])
            assert {"text", "speaker", "speaker_mention", "cue"} <= set(st)
    # already at the skeleton stage: direct quotes found and attributed to a named speaker
    direct = [st for rec in lines for st in rec["statements"] if st["kind"] == "direct"]
    assert len(direct) >= 30
    assert sum(st["speaker"] == "Sergey Lavrov" or st["speaker"] == "Sergei Lavrov"
               for st in direct) >= 0.8 * len(direct)


def test_shared_scorer_reads_our_output(shared: Path, seeds_jsonl: Path) -> None:
    scorer, gold = shared / "eval" / "score.py", shared / "eval" / "seeds.gold.json"
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(seeds_jsonl)],
                          capture_output=True, text=True, check=True)
    m = re.search(r"attributed_f1=([\d.]+) text_f1=([\d.]+)", done.stdout)
    assert m, done.stdout
    assert float(m.group(2)) >= 0.6 and float(m.group(1)) >= 0.5, done.stdout


def test_ingest_twice_then_search_lavrov(shared: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "q.db")
    code, _, err = _run("ingest", "--db", db, str(shared / "seeds"))
    assert code == 0 and "new 5" in err, err
    code, _, err = _run("ingest", "--db", db, str(shared / "seeds"))
    assert code == 0 and "new 0, duplicate 5" in err, err
    code, out, _ = _run("quotes", "--db", db, "--speaker", "Lavrov", "--format", "jsonl",
                        "--limit", "1000")
    rows = [json.loads(x) for x in out.splitlines()]
    assert len(rows) >= 40
    assert all("Lavrov" in (r["speaker"] or "") or "Lavrov" in (r["speaker_mention"] or "")
               for r in rows)
    code, out, _ = _run("quotes", "--db", db, "NATO", "--format", "csv")
    assert code == 0 and out.startswith("id,text,") and "NATO" in out
    code, out, _ = _run("quotes", "--db", db, "sanctions", "--outlet", "TASS")
    assert code == 0 and "statement(s)" in out


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        'Mayor Lina Ostrova spoke on Monday. "The bridge opens in October," she said.',
        encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "lines.jsonl").write_text('{"id": "j1", "text": "Fine text here."}\n{oops\n',
                                          encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = _run("extract", str(tmp_path), str(tmp_path / "missing.txt"), "-o", str(out))
    assert code == 0, err
    docs = [json.loads(x)["doc"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(docs) == ["good.txt", "j1"]
    for reason in ("empty file", "binary file", "malformed JSON", "no such file"):
        assert reason in err


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = _run("extract", str(tmp_path))
    assert code != 0 and "empty file" in err


def test_polnear_dev_runs_through(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "dev.jsonl"
    code, _, err = _run("extract", str(shared / "eval" / "polnear-dev.input.jsonl"), "-o", str(out))
    assert code == 0, err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 84
    assert "Traceback" not in err


def test_console_script_and_examples(tmp_path: Path) -> None:
    """The installed entry point itself, on the invented examples that `make demo` ingests."""
    exe = Path(sys.executable).with_name("quotetrace")
    db = tmp_path / "demo.db"
    done = subprocess.run([str(exe), "ingest", "--db", str(db), str(REPO / "examples")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([str(exe), "quotes", "--db", str(db), "--format", "jsonl"],
                          capture_output=True, text=True, check=True)
    speakers = {json.loads(x)["speaker"] for x in done.stdout.splitlines()}
    assert {"Amara Velde", "Jonas Brekke", "Lina Ostrova"} <= speakers


def test_evaluate_prints_the_shared_scorers_figures(shared: Path) -> None:
    gold = shared / "eval" / "seeds.gold.json"
    code, out, _ = _run("evaluate", str(gold), str(shared / "seeds"), "--json")
    assert code == 0
    ours = json.loads(out)
    pred = CliRunner().invoke(main, ["extract", str(shared / "seeds")]).stdout
    done = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold),
                           "/dev/stdin", "--json"], input=pred, capture_output=True, text=True,
                          check=True)
    theirs = json.loads(done.stdout)
    for key in ("attributed_f1", "text_f1", "predicted", "gold_required", "boilerplate_removed"):
        assert ours[key] == pytest.approx(theirs[key]), key


def test_ingest_a_warc_file_and_count_other_languages(tmp_path: Path) -> None:
    from test_sources import _warc_record

    page = ("<html><head><title>Bridge opens</title></head><body><article><h1>Bridge opens</h1>"
            "<p>The new bridge over the river opened on Monday after two years of work.</p>"
            "<p>\"It is the best day for this town in a decade,\" Mayor Lina Ostrova said at "
            "the ceremony, which hundreds of residents attended.</p></article></body></html>")
    german = ("<html><head><title>Brücke eröffnet</title></head><body><article><p>Die neue "
              "Brücke über den Fluss wurde am Montag nach zwei Jahren Bauzeit eröffnet. Die "
              "Bürgermeisterin sagte, es sei der schönste Tag für die Stadt seit langem, und "
              "viele Einwohner kamen zur Feier.</p></article></body></html>")
    (tmp_path / "crawl.warc").write_bytes(_warc_record("https://news.example/bridge", page)
                                          + _warc_record("https://news.example/de", german))
    db = str(tmp_path / "w.db")
    code, _, err = _run("ingest", "--db", db, str(tmp_path / "crawl.warc"))
    assert code == 0 and "new 2" in err, err
    assert "language not handled): de 1" in err
    code, out, _ = _run("quotes", "--db", db, "--format", "jsonl")
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows and rows[0]["url"] == "https://news.example/bridge"
    assert "Lina Ostrova" in rows[0]["speaker"]
