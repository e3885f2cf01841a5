"""Throughput and memory of quotetrace against textacy's ``direct_quotations``, on one process.

Usage: python bench/bench_extract.py [--input FILE.jsonl] [--json OUT.json] [--repeat N]
                                     [--profile]

Both engines get the same texts (a JSONL file of ``{"id", "text"}`` lines; default: the PolNeAR
dev input in ../shared) and the same spaCy model (found through ``quotetrace.nlp.MODEL_NAMES``):

- quotetrace: the whole ``quotetrace.pipeline.run`` over the file (read, clean, parse, extract,
  attribute);
- textacy: the English model as ``spacy.load`` gives it (every component, spaCy's default
  backend) + ``textacy.extract.triples.direct_quotations`` on every doc: the baseline as its
  users run it, and the one the goal is measured against;
- textacy-numpy: the same, with the model's layers on numpy's BLAS as quotetrace loads them, so
  the table shows how much of the ratio is that backend and how much is quotetrace's own work
  (the cached attributes, rule entities, and extraction).

Every child runs with one BLAS thread (``OPENBLAS_NUM_THREADS=1`` and friends), so "one
process" also means one core for each engine.

Each engine runs in its own fresh child process, so each peak RSS (``ru_maxrss`` of that child)
is its own and neither inherits the other's caches. The model load and a warm-up on the first
texts are excluded from the timing. ``--profile`` additionally runs quotetrace under cProfile in
a third child and prints where the time goes (its timing is inflated by the profiler and is not
used for the figures).

Target (issue): quotetrace >= 2x textacy's words/s, peak RSS < 1 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

DEFAULT_INPUT = (
    Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear-dev.input.jsonl"
)
ENGINES = ("quotetrace", "textacy", "textacy-numpy")
ONE_THREAD = {v: "1" for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                                "BLIS_NUM_THREADS")}
WARMUP_TEXTS = 3  # enough for spaCy to allocate its buffers and fill the vocab's hot strings
TARGET_RATIO = 2.0
TARGET_RSS_MIB = 1024.0


@dataclass(frozen=True, slots=True)
class Measure:
    engine: str
    documents: int
    words: int
    seconds: float  # wall clock
    cpu_seconds: float  # this process's CPU time: steadier than wall clock on a shared machine
    peak_rss_mib: float
    statements: int  # what the engine found, as a sanity check that it did its work
    failed_documents: int  # documents the engine raised on (textacy bails out on some)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def words_per_cpu_second(self) -> float:
        return self.words / self.cpu_seconds if self.cpu_seconds else 0.0


def read_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def count_words(texts: list[str]) -> int:
    # whitespace words of the input, the same count for both engines whatever they tokenise
    return sum(len(t.split()) for t in texts)


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS)
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 2**20


def _write_jsonl(path: Path, texts: list[str]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": f"warmup-{i}", "text": text}) + "\n")


def run_quotetrace(input_path: Path, texts: list[str]) -> tuple[float, float, int, int]:
    from quotetrace import nlp
    from quotetrace.model import Skipped
    from quotetrace.options import Options
    from quotetrace.pipeline import run

    options = Options()
    nlp.load(options.model)  # the same cache key the pipeline uses, so it is not loaded again
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warmup.jsonl"
        _write_jsonl(warm, texts[:WARMUP_TEXTS])
        for _ in run([str(warm)], options):
            pass
    start, cpu_start = time.perf_counter(), time.process_time()
    found = failed = 0
    for item in run([str(input_path)], options):
        if isinstance(item, Skipped):
            failed += 1
        else:
            found += len(item.statements)
    return time.perf_counter() - start, time.process_time() - cpu_start, found, failed


def _plain_model(numpy_blas: bool) -> Any:
    import spacy
    from thinc.api import use_ops

    from quotetrace.nlp import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            if numpy_blas:
                with use_ops("numpy", use_blis=False):
                    return spacy.load(name)
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"none of {MODEL_NAMES} is installed")


def run_textacy(texts: list[str], numpy_blas: bool) -> tuple[float, float, int, int]:
    from textacy.extract.triples import direct_quotations

    from quotetrace.options import Options

    model = _plain_model(numpy_blas)
    # the batch size quotetrace parses with, so the comparison is not about batching (spaCy's
    # default batch holds all 84 PolNeAR texts at once and peaks well above 1 GiB)
    batch_size = Options().batch_size
    for doc in model.pipe(texts[:WARMUP_TEXTS]):
        list(direct_quotations(doc))
    start, cpu_start = time.perf_counter(), time.process_time()
    found = failed = 0
    for doc in model.pipe(texts, batch_size=batch_size):
        try:
            found += len(list(direct_quotations(doc)))
        except ValueError:
            # textacy raises on unbalanced quote marks and gives up on the whole document
            failed += 1
    return time.perf_counter() - start, time.process_time() - cpu_start, found, failed


def child(engine: str, input_path: Path) -> None:
    texts = read_texts(input_path)
    if engine == "quotetrace":
        wall, cpu, found, failed = run_quotetrace(input_path, texts)
    else:
        wall, cpu, found, failed = run_textacy(texts, numpy_blas=engine == "textacy-numpy")
    m = Measure(engine, len(texts), count_words(texts), wall, cpu, peak_rss_mib(), found, failed)
    print(json.dumps(asdict(m)))


def profile_child(input_path: Path) -> None:
    import cProfile
    import pstats

    texts = read_texts(input_path)
    profiler = cProfile.Profile()
    profiler.runcall(run_quotetrace, input_path, texts)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    print_component_times(texts)


def print_component_times(texts: list[str]) -> None:
    """CPU seconds of each spaCy component over the texts, run one component at a time.

    cProfile attributes most of the parse to spaCy's generic ``_pipe``; this says which
    component the time belongs to, without the profiler's per-call overhead.
    """
    from quotetrace import nlp

    model = nlp.load()
    docs = [model.make_doc(t) for t in texts]
    print("CPU seconds per spaCy component:")
    total = 0.0
    for name, component in model.pipeline:
        start = time.process_time()
        docs = list(component.pipe(docs, batch_size=32))
        spent = time.process_time() - start
        total += spent
        print(f"  {name:<16} {spent:7.2f}")
    print(f"  {'all':<16} {total:7.2f}")


def measure(engine: str, input_path: Path) -> Measure:
    """Run one engine in a fresh interpreter and read back its figures."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", engine, "--input", str(input_path)],
        env={**os.environ, **ONE_THREAD},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{engine} run failed (exit {done.returncode}):\n{done.stderr[-4000:]}")
    fields = json.loads(done.stdout.strip().splitlines()[-1])
    return Measure(**fields)


def _median(runs: list[Measure]) -> Measure:
    """The run with the median wall time (peak RSS: the largest of all runs)."""
    ordered = sorted(runs, key=lambda m: m.seconds)
    mid = ordered[(len(ordered) - 1) // 2]
    return replace(mid, peak_rss_mib=max(m.peak_rss_mib for m in runs))


def table(measures: list[Measure]) -> str:
    head = (
        f"{'engine':<13} {'docs':>5} {'words':>8} {'seconds':>8} {'words/s':>9}"
        f" {'CPU s':>7} {'words/CPU s':>12} {'peak RSS MiB':>13}"
    )
    rows = [head, "-" * len(head)]
    for m in measures:
        rows.append(
            f"{m.engine:<13} {m.documents:>5} {m.words:>8} {m.seconds:>8.2f} "
            f"{m.words_per_second:>9.0f} {m.cpu_seconds:>7.2f} {m.words_per_cpu_second:>12.0f}"
            f" {m.peak_rss_mib:>13.0f}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="JSONL of id/text lines")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--profile", action="store_true", help="cProfile quotetrace as well")
    parser.add_argument("--repeat", type=int, default=3,
                        help="rounds of runs; each engine's median run is reported (default 3)")
    parser.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--profile-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.input.is_file():
        parser.error(f"input not found: {args.input} (pass --input FILE.jsonl)")
    if args.child:
        child(args.child, args.input)
        return 0
    if args.profile_child:
        profile_child(args.input)
        return 0

    # Engines take turns, round after round, and each engine's median run is reported: one
    # run each swings by 15 % on a shared machine, and taking turns spreads any slow spell.
    runs: dict[str, list[Measure]] = {engine: [] for engine in ENGINES}
    for _ in range(args.repeat):
        for engine in ENGINES:
            runs[engine].append(measure(engine, args.input))
    measures = [_median(runs[engine]) for engine in ENGINES]
    by_engine = {m.engine: m for m in measures}
    qt, tx = by_engine["quotetrace"], by_engine["textacy"]
    ratio = qt.words_per_second / tx.words_per_second if tx.words_per_second else 0.0
    cpu_ratio = qt.words_per_cpu_second / tx.words_per_cpu_second if tx.cpu_seconds else 0.0
    print(table(measures))
    for engine, ms in runs.items():
        print(f"{engine} runs (s): " + ", ".join(f"{m.seconds:.2f}" for m in ms))
    for m in measures:
        print(f"{m.engine}: {m.statements} statements, {m.failed_documents} documents failed")
    rss_ok = all(m.peak_rss_mib < TARGET_RSS_MIB for m in measures)
    print(
        f"ratio quotetrace/textacy words/s {ratio:.2f}"
        f"  (target >= {TARGET_RATIO:.0f}: {'met' if ratio >= TARGET_RATIO else 'NOT met'};"
        f" peak RSS < {TARGET_RSS_MIB:.0f} MiB: {'met' if rss_ok else 'NOT met'})"
    )
    print(f"ratio on CPU time {cpu_ratio:.2f}")
    same = by_engine["textacy-numpy"]
    same_ratio = qt.words_per_second / same.words_per_second if same.words_per_second else 0.0
    print(f"ratio against textacy on the same BLAS backend {same_ratio:.2f}")
    if args.json:
        payload = {
            "input": str(args.input),
            "engines": {
                m.engine: {
                    **asdict(m),
                    "words_per_second": m.words_per_second,
                    "words_per_cpu_second": m.words_per_cpu_second,
                }
                for m in measures
            },
            "runs": {e: [m.seconds for m in ms] for e, ms in runs.items()},
            "ratio": ratio,
            "cpu_ratio": cpu_ratio,
            "same_backend_ratio": same_ratio,
        }
        args.json.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    if args.profile:
        done = subprocess.run(
            [sys.executable, __file__, "--profile-child", "--input", str(args.input)],
            check=False,
        )
        return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
