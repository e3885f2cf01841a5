"""Body extraction on the article-extraction benchmark: trafilatura alone vs our clean stage.

Runs both over ../shared/eval/article-extraction/html/*.html.gz, writes both predictions as
JSONL ({"doc", "body"}) under bench/results/, scores each with the benchmark's own scorer
(../shared/eval/score_body.py, run as a subprocess) and prints the two body F1 side by side.

    python bench/bench_body.py [--jobs N] [--out DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import trafilatura

from quotetrace.clean import clean
from quotetrace.errors import CleaningError
from quotetrace.model import Source
from quotetrace.options import Options

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "eval" / "article-extraction"
SCORER = ROOT.parent / "shared" / "eval" / "score_body.py"


def baseline(path: Path) -> str:
    """trafilatura 2.x alone, with its defaults: the figure to beat."""
    return trafilatura.extract(gzip.decompress(path.read_bytes())) or ""


def ours(path: Path) -> str:
    raw = gzip.decompress(path.read_bytes())
    source = Source(uri=str(path), doc=path.name, media="html", raw=raw)
    try:
        return clean(source, Options()).body
    except CleaningError:
        return ""


def predict(extract: Callable[[Path], str], pages: list[Path], jobs: int) -> list[dict[str, str]]:
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        bodies = list(pool.map(extract, pages, chunksize=4))
    return [{"doc": p.name, "body": b} for p, b in zip(pages, bodies, strict=True)]


def score(preds: Path) -> tuple[float, str]:
    run = subprocess.run(
        [sys.executable, str(SCORER), str(BENCH / "ground-truth.json"), str(preds)],
        capture_output=True,
        text=True,
        check=True,
    )
    m = re.search(r"body_f1=([0-9.]+)", run.stdout)
    if not m:
        raise SystemExit(f"unexpected scorer output:\n{run.stdout}{run.stderr}")
    line = next((x for x in run.stdout.splitlines() if x.startswith("body ")), "")
    return float(m.group(1)), line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args()
    if not SCORER.is_file():
        print(f"benchmark data not found at {BENCH} (../shared beside the repository)")
        return 2
    pages = sorted((BENCH / "html").glob("*.html.gz"))
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, extract in (("trafilatura alone", baseline), ("quotetrace clean", ours)):
        start = time.perf_counter()
        preds = predict(extract, pages, args.jobs)
        seconds = time.perf_counter() - start
        path = args.out / f"body-{name.split()[0]}.jsonl"
        path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds))
        f1, detail = score(path)
        rows.append((name, f1, detail, seconds))
    print(f"{len(pages)} pages from {BENCH}")
    print(f"{'extractor':20} {'body F1':>8}   {'detail':34} {'seconds':>7}")
    for name, f1, detail, seconds in rows:
        print(f"{name:20} {f1:8.3f}   {detail:34} {seconds:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
