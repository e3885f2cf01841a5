"""What PLOVER event coding adds to extraction time, side by side in one run.

Usage: python bench/bench_events.py [--input FILE.jsonl] [--limit N] [--json OUT.json]

For every text of the input (default: the PolNeAR dev input in ../shared), in one process with
the model loaded once: parse + extract (+ attribute) is timed, then ``code_events`` on the same
parse and statements. CPU time (steadier than wall clock on a shared machine) is summed for
each part; the figure is (parse + extract + code) / (parse + extract).

Target (issue): coding adds at most 20% (ratio <= 1.20).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEFAULT_INPUT = (
    Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear-dev.input.jsonl"
)
TARGET_RATIO = 1.20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not args.input.is_file():
        print(f"input not found: {args.input} (../shared sits beside the repository)")
        return 2

    from quotetrace import nlp
    from quotetrace.events import code_events
    from quotetrace.model import Article

    try:
        from quotetrace.pipeline import statements_in
    except ImportError:  # extraction not there yet: time the parse alone
        statements_in = None

    rows = [json.loads(line) for line in args.input.open(encoding="utf-8") if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    model = nlp.load()
    model("Warm-up sentence: the minister said talks would resume.")
    extract_s = code_s = 0.0
    words = events = statements = 0
    for row in rows:
        article = Article(id=row["id"], doc=row["id"], uri=row["id"], body=row["text"])
        t0 = time.process_time()
        doc = model(row["text"])
        found = tuple(statements_in(article, doc)) if statements_in else ()
        t1 = time.process_time()
        coded = code_events(article, doc, found)
        t2 = time.process_time()
        extract_s += t1 - t0
        code_s += t2 - t1
        words += len(doc)
        events += len(coded)
        statements += len(found)
    ratio = (extract_s + code_s) / extract_s if extract_s else float("inf")
    figures = {
        "documents": len(rows),
        "tokens": words,
        "statements": statements,
        "events": events,
        "parse_extract_cpu_s": round(extract_s, 3),
        "code_cpu_s": round(code_s, 3),
        "ratio": round(ratio, 3),
        "target_ratio": TARGET_RATIO,
        "extraction_timed": statements_in is not None,
    }
    label = "parse+extract" if statements_in else "parse"
    print(f"{len(rows)} documents, {words} tokens, {statements} statements, {events} events")
    print(f"{label:>22}: {extract_s:8.2f} s CPU")
    print(f"{'+ code_events':>22}: {code_s:8.2f} s CPU")
    print(f"{'ratio':>22}: {ratio:8.3f}  (target <= {TARGET_RATIO})")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
