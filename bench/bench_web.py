"""Web API latency on a large store while an ingest writes to it.

1. Build: PolNeAR train texts (../shared/eval/polnear-train.input.jsonl) go once through the real
   pipeline into a fresh store; their statement rows are then replicated by SQL, with invented
   speakers, outlets and dates, up to ``--statements`` rows (default 1,000,000). The FTS index is
   filled by the store's own trigger, so the file is what ingest would have made (minus word
   shingles for clustering, which searches do not read).
2. Serve: ``quotetrace serve`` in its own process (real uvicorn), peak RSS read from /proc.
3. Load: while a real ``quotetrace ingest --db SAME_FILE`` of other PolNeAR texts runs in another
   process, ``/api/statements`` is queried with and without filters; p50/p95/p99 per group,
   errors (any non-200, any "locked") counted. A second round without the ingest gives the
   baseline.

Usage: python bench/bench_web.py [--statements N] [--base-docs N] [--requests N] [--keep FILE]
A small run: --statements 50000 --base-docs 30 --requests 100. A kept store already holds the
texts an earlier run ingested: give each later run other ones (--ingest-from 200, 280, ...), or
the ingest finds only duplicates.
Goal: p95 < 50 ms, no "database is locked" reaching a client.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from quotetrace import pipeline
from quotetrace.model import Extraction
from quotetrace.store import open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TRAIN = SHARED / "eval" / "polnear-train.input.jsonl"
BIN = Path(sys.executable).parent
FIRST = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
         "Kira", "Liam", "Maya", "Nikolai", "Olga", "Pablo", "Rosa", "Sami", "Tara", "Viktor"]
LAST = ["Albers", "Brandt", "Castillo", "Dorsey", "Eriksen", "Fontaine", "Gallo", "Hakimi",
        "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrenko",
        "Quinn", "Rahman", "Sato", "Tanaka", "Urban", "Varga", "Weber", "Yilmaz", "Zhou"]
OUTLETS = [f"{a} {b}" for a in ("Northern", "Harbour", "Valley", "Capital", "Coastal")
           for b in ("Ledger", "Times", "Courier", "Wire", "Post", "Herald", "Gazette", "Daily")]
QUERIES = ["said", "Trump", "Clinton campaign", "economy", "would", "the", "Republican party",
           "immigration", "email", "debate", "not", "tax plan", "voters", "president said"]


def _docs(start: int, n: int) -> list[dict[str, str]]:
    lines = TRAIN.read_text(encoding="utf-8").splitlines()[start:start + n]
    return [json.loads(x) for x in lines]


def build(db: Path, statements: int, base_docs: int) -> dict[str, float]:
    """The store: base documents through the pipeline, then replicated rows up to the size."""
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "base.jsonl"
        src.write_text("".join(json.dumps(d) + "\n" for d in _docs(0, base_docs)), "utf-8")
        with open_store(db) as store:
            for item in pipeline.run([str(src)]):
                if isinstance(item, Extraction):
                    store.add(item)
    parsed = time.monotonic() - t0
    with open_store(db) as store:
        con = store.db
        con.execute("PRAGMA synchronous = OFF")
        names = [f"{f} {la}" for f in FIRST for la in LAST]
        with con:
            con.executemany("INSERT OR IGNORE INTO speakers (name, kind) VALUES (?, 'person')",
                            [(n,) for n in names])
        speaker_ids = [r[0] for r in con.execute(
            f"SELECT id FROM speakers WHERE name IN ({','.join('?' * len(names))})",
            names)]
        base_articles = [r[0] for r in con.execute("SELECT id FROM articles")]
        per_copy = con.execute("SELECT count(*) FROM statements").fetchone()[0]
        copies = max(0, (statements - per_copy) // max(per_copy, 1))
        rng = random.Random(7)
        for k in range(1, copies + 1):
            with con:
                for i, aid in enumerate(base_articles):
                    new = f"{aid}{k:05x}"
                    day = rng.randrange(3650)
                    con.execute(
                        "INSERT INTO articles (id, doc, uri, url, outlet, title, standfirst,"
                        " published, published_precision, language, body, removed)"
                        " SELECT ?, doc || ?, uri, url, ?, title, standfirst,"
                        " date('2015-01-01', '+' || ? || ' days'), 'day', language, body, removed"
                        " FROM articles WHERE id = ?",
                        (new, f"#{k}", OUTLETS[(i + k) % len(OUTLETS)], day, aid))
                    sp = speaker_ids[(i * 31 + k) % len(speaker_ids)]
                    con.execute(
                        "INSERT INTO statements (article_id, seq, kind, text, start, end, cue,"
                        " speaker_id, speaker_name, speaker_mention, confidence, published,"
                        " outlet) SELECT ?, seq, kind, text, start, end, cue, ?,"
                        " (SELECT name FROM speakers WHERE id = ?), speaker_mention, confidence,"
                        " (SELECT published FROM articles WHERE id = ?),"
                        " (SELECT outlet FROM articles WHERE id = ?)"
                        " FROM statements WHERE article_id = ?", (new, sp, sp, new, new, aid))
                    con.execute(
                        "INSERT INTO statement_about (statement_id, entity)"
                        " SELECT n.id, ab.entity FROM statements o"
                        " JOIN statement_about ab ON ab.statement_id = o.id"
                        " JOIN statements n ON n.article_id = ? AND n.seq = o.seq"
                        " WHERE o.article_id = ?", (new, aid))
                    con.execute(
                        "INSERT OR IGNORE INTO entities (name) SELECT DISTINCT ab.entity"
                        " FROM statements o JOIN statement_about ab ON ab.statement_id = o.id"
                        " WHERE o.article_id = ?", (aid,))
            if k % 50 == 0:
                print(f"  copy {k}/{copies}", file=sys.stderr, flush=True)
        con.execute("PRAGMA optimize")
        total = con.execute("SELECT count(*) FROM statements").fetchone()[0]
    return {"parse_s": round(parsed, 1), "build_s": round(time.monotonic() - t0, 1),
            "statements": total, "base_statements": per_copy}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    return 0


# The filter shapes a journalist uses, each a function of the random source: words with one
# filter, filters without words (browse a speaker, an outlet, a period, a topic), and combinations.
ABOUT = ["United States", "Donald Trump", "Hillary Clinton"]
SHAPES: dict[str, Callable[[random.Random], dict[str, object]]] = {
    "q+speaker": lambda r: {"q": r.choice(QUERIES), "speaker": r.choice(LAST)},
    "q+outlet": lambda r: {"q": r.choice(QUERIES), "outlet": r.choice(OUTLETS)},
    "q+dates": lambda r: {"q": r.choice(QUERIES), "since": "2019-01-01", "until": "2019-06-30"},
    "q+kind": lambda r: {"q": r.choice(QUERIES), "kind": "direct"},
    "q+about": lambda r: {"q": r.choice(QUERIES), "about": r.choice(ABOUT)},
    "speaker": lambda r: {"speaker": r.choice(LAST)},
    "outlet": lambda r: {"outlet": r.choice(OUTLETS)},
    "dates": lambda r: {"since": f"{(y := r.randrange(2015, 2024))}-{r.randrange(1, 13):02d}",
                        "until": str(y + r.randrange(2))},
    "about": lambda r: {"about": r.choice([*ABOUT, "Iran", "NATO", "Mexico"])},
    "q+speaker+dates": lambda r: {"q": r.choice(QUERIES), "speaker": r.choice(LAST),
                                  "since": "2018", "until": "2019"},
    "q+about+speaker": lambda r: {"q": r.choice(QUERIES), "about": r.choice(ABOUT),
                                  "speaker": r.choice(FIRST)},
    "q+outlet+dates": lambda r: {"q": r.choice(QUERIES), "outlet": r.choice(OUTLETS),
                                 "since": "2020-03"},
    "speaker+about": lambda r: {"speaker": r.choice(LAST), "about": r.choice(ABOUT)},
}


def _requests(rng: random.Random, filtered: bool) -> tuple[str, dict[str, object]]:
    if not filtered:
        return "q", {"q": rng.choice(QUERIES), "limit": 50}
    shape = rng.choice(list(SHAPES))
    return shape, {**SHAPES[shape](rng), "limit": 50}


def _summary(times: list[float], errors: list[str]) -> dict[str, object]:
    if len(times) < 2:
        return {"requests": len(times)}
    qs = statistics.quantiles(times, n=100, method="inclusive")
    return {"requests": len(times), "p50_ms": round(qs[49], 1), "p95_ms": round(qs[94], 1),
            "p99_ms": round(qs[98], 1), "max_ms": round(max(times), 1),
            "errors": len(errors), "locked": sum("locked" in e for e in errors),
            "error_examples": errors[:3]}


def measure(base: str, n: int, stop: subprocess.Popen[bytes] | None,
            seed: int) -> dict[str, object]:
    """``n`` searches a group, with and without filters alternating (so both groups see the
    same phases of the ingest); stops early when the ingest is done."""
    rng = random.Random(seed)
    times: dict[bool, list[float]] = {False: [], True: []}
    errors: dict[bool, list[str]] = {False: [], True: []}
    by_shape: dict[str, list[float]] = {name: [] for name in SHAPES}
    with httpx.Client(base_url=base, timeout=30) as client:
        for i in range(2 * n):
            if stop is not None and stop.poll() is not None:
                break  # the ingest finished: the rest would not be "during ingest"
            filtered = bool(i % 2)
            shape, params = _requests(rng, filtered)
            t = time.perf_counter()
            r = client.get("/api/statements", params=params)
            times[filtered].append((time.perf_counter() - t) * 1000)
            if filtered:
                by_shape[shape].append(times[True][-1])
            if r.status_code != 200 or "database is locked" in r.text:
                errors[filtered].append(f"{r.status_code} {r.text[:120]}")
    return {"no_filters": _summary(times[False], errors[False]),
            "filters": _summary(times[True], errors[True]),
            "p50_p95_by_shape_ms": {k: (sm["p50_ms"], sm["p95_ms"]) for k, v in by_shape.items()
                                    if len(v) > 1 and (sm := _summary(v, []))}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument("--base-docs", type=int, default=120, help="PolNeAR texts parsed once")
    ap.add_argument("--ingest-docs", type=int, default=80, help="texts the concurrent ingest reads")
    ap.add_argument("--ingest-from", type=int, default=None,
                    help="first PolNeAR text of the ingest (default: after the base texts)")
    ap.add_argument("--requests", type=int, default=400, help="per group")
    ap.add_argument("--keep", type=Path, default=None, help="build (or reuse) the store here")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="qt-bench-web-"))
    db = args.keep or tmp / "bench.db"
    report: dict[str, object] = {"statements_goal": args.statements}
    if not db.exists():
        report["build"] = build(db, args.statements, args.base_docs)
        print("built", report["build"], file=sys.stderr)
    t0 = time.monotonic()
    open_store(db).close()  # a kept store gets the migrations added since it was built
    # Before the server starts, so a migration never counts in the latencies.
    report["open_migrate_s"] = round(time.monotonic() - t0, 2)
    inbox = tmp / "ingest"
    inbox.mkdir()
    start = args.base_docs if args.ingest_from is None else args.ingest_from
    for d in _docs(start, args.ingest_docs):
        (inbox / f"{d['id'][:80]}.txt").write_text(d["text"], encoding="utf-8")

    port = _port()
    env = {**os.environ}
    env.pop("QUOTETRACE_TOKEN", None)
    server = subprocess.Popen([str(BIN / "quotetrace"), "serve", "--db", str(db), "--port",
                               str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/api/statements?limit=1", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        for i in range(20):  # warm the page cache and the worker threads' connections
            httpx.get(base + "/api/statements", params={"q": QUERIES[i % len(QUERIES)]})
        # The machine may be shared: other work on the cores shows in the latencies.
        report["loadavg_1m_start"] = round(os.getloadavg()[0], 2)
        report["idle"] = measure(base, args.requests // 2, None, 1)
        print("idle", report["idle"], file=sys.stderr)
        ingest = subprocess.Popen([str(BIN / "quotetrace"), "ingest", "--db", str(db),
                                   str(inbox)], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
        t0 = time.monotonic()
        report["during_ingest"] = measure(base, args.requests, ingest, 3)
        _, err = ingest.communicate()
        report["ingest"] = {"returncode": ingest.returncode,
                            "seconds": round(time.monotonic() - t0, 1),
                            "tail": err.decode(errors="replace").strip().splitlines()[-2:]}
        report["server_peak_rss_mb"] = round(_rss_kb(server.pid, "VmHWM:") / 1024, 1)
        report["loadavg_1m_end"] = round(os.getloadavg()[0], 2)
    finally:
        server.terminate()
        server.wait(10)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
