"""Utterance clustering measured on planted quotes.

Real direct quotes from PolNeAR train (../shared/eval/polnear-train.gold.json) are planted, each in
three new articles with the variation outlets introduce: re-punctuation, truncation, an ellipsis,
British/American spelling, and a different reporting frame. The articles are ingested into a fresh
store; then:
- landed: share of planted copies found in their quote's cluster (the cluster holding most of
  that quote's copies); goal >= 0.95;
- merged: share of clusters that hold copies of two or more different quotes; goal <= 0.01.

Usage: python bench/bench_clusters.py [--quotes N] [--seed S] [--keep DIR]
The corpus is written to a temporary folder (never into the repository).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from click.testing import CliRunner

from quotetrace.cli import main
from quotetrace.store import open_store

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# Invented reporters' outlets and speakers: the frames are ours, only the quotes are real.
OUTLETS = ["Northern Ledger", "Harbour Times", "Valley Courier", "Example Wire", "Daily Meridian"]
SPEAKERS = [
    "Amara Velde",
    "Jonas Brekke",
    "Lina Ostrova",
    "Mikkel Sand",
    "Sofia Marn",
    "Petr Halloran",
    "Ingrid Solberg",
    "Tomas Reyes",
    "Hana Kovac",
    "Omar Idris",
]
FRAMES = [
    '"{q}," {name} said on {day}.',
    '{name} told reporters: "{q}"',
    '"{q}," said {name}, speaking at a news conference.',
    'In a statement on {day}, {name} said: "{q}"',
    "“{q}” {name} added.",
]
FILLER = [
    "The remarks came after a week of talks.",
    "Officials declined to comment further.",
    "The meeting ended without a joint statement.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TO_BRITISH = {
    "defense": "defence",
    "program": "programme",
    "organization": "organisation",
    "center": "centre",
    "color": "colour",
    "favor": "favour",
    "labor": "labour",
    "honor": "honour",
    "realize": "realise",
    "recognize": "recognise",
    "analyze": "analyse",
    "toward": "towards",
    "traveled": "travelled",
}


def real_quotes(n: int, rng: random.Random) -> list[str]:
    gold = json.loads((SHARED / "eval" / "polnear-train.gold.json").read_text(encoding="utf-8"))
    seen, quotes = set(), []
    for doc in gold["documents"].values():
        for st in doc["statements"]:
            text = " ".join(st["text"].split()).strip(" \"“”'")
            words = text.split()
            # Quotes with quote marks inside are several statements in any article; leave them out.
            nested = any(m in text for m in ('"', "“", "”", "''", "‘", "’ ", " ’"))
            if (
                st.get("kind") == "direct"
                and 10 <= len(words) <= 60
                and not nested
                and text.casefold() not in seen
            ):
                seen.add(text.casefold())
                quotes.append(text)
    rng.shuffle(quotes)
    return quotes[:n]


def repunctuate(q: str, rng: random.Random) -> str:
    q = q.replace(",", "") if rng.random() < 0.5 else q.replace(" and ", ", and ")
    return q.rstrip(".!?") + rng.choice([".", "", "!"])


def truncate(q: str, rng: random.Random) -> str:
    w = q.split()
    cut = max(1, len(w) // 5)
    return " ".join(w[cut:] if rng.random() < 0.5 else w[:-cut])


def ellipsis(q: str, rng: random.Random) -> str:
    w = q.split()
    if len(w) < 14:
        return truncate(q, rng)
    a = len(w) // 3
    b = a + max(2, len(w) // 6)
    return " ".join(w[:a]) + rng.choice([" ... ", " … "]) + " ".join(w[b:])


def british(q: str, rng: random.Random) -> str:
    return re.sub(r"\w+", lambda m: TO_BRITISH.get(m.group(0), m.group(0)), repunctuate(q, rng))


VARIANTS = [repunctuate, truncate, ellipsis, british]


def build_corpus(quotes: list[str], folder: Path, rng: random.Random) -> dict[str, int]:
    """Write the articles; return article file name -> index of the quote it carries."""
    planted = {}
    for qi, q in enumerate(quotes):
        for copy in range(3):
            variant = q if copy == 0 else rng.choice(VARIANTS)(q, rng)
            name = rng.choice(SPEAKERS)
            frame = rng.choice(FRAMES).format(q=variant, name=name, day=rng.choice(DAYS))
            body = "\n\n".join(
                [f"{name} speaks on the issue", rng.choice(FILLER), frame, rng.choice(FILLER)]
            )
            fname = f"q{qi:04d}-{copy}.jsonl"
            line = {
                "id": fname,
                "text": body,
                "outlet": OUTLETS[copy % len(OUTLETS)],
                "published": f"2025-0{1 + copy}-1{qi % 9}",
            }
            (folder / fname).write_text(json.dumps(line) + "\n", encoding="utf-8")
            planted[fname] = qi
    return planted


def measure(db: Path, planted: dict[str, int]) -> dict[str, float]:
    with open_store(db) as store:
        rows = store.db.execute(
            "SELECT a.doc, s.cluster_id, length(s.text) FROM statements s"
            " JOIN articles a ON a.id = s.article_id"
        ).fetchall()
    best: dict[str, tuple[int, int]] = {}
    for doc, cluster, length in rows:
        if doc in planted and (doc not in best or length > best[doc][1]):
            best[doc] = (cluster, length)
    by_quote: dict[int, list[int | None]] = defaultdict(list)
    for doc, qi in planted.items():
        by_quote[qi].append(best[doc][0] if doc in best else None)
    landed = 0
    quotes_in: dict[int, set[int]] = defaultdict(set)
    for qi, clusters in by_quote.items():
        found = [c for c in clusters if c is not None]
        if found:
            _, n = Counter(found).most_common(1)[0]
            landed += n
        for c in found:
            quotes_in[c].add(qi)
    merged = sum(len(q) > 1 for q in quotes_in.values())
    return {
        "copies": len(planted),
        "extracted": len(best),
        "landed": landed / len(planted),
        "clusters": len(quotes_in),
        "merged": merged / max(1, len(quotes_in)),
    }


def run(n: int, seed: int, keep: Path | None) -> dict[str, float]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        planted = build_corpus(real_quotes(n, rng), folder, rng)
        db = Path(tmp) / "planted.db"
        result = CliRunner().invoke(main, ["ingest", "--db", str(db), str(folder)])
        if result.exit_code != 0:
            raise SystemExit(result.output)
        return measure(db, planted)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, default=None, help="write the corpus here")
    args = ap.parse_args()
    if not (SHARED / "eval" / "polnear-train.gold.json").exists():
        sys.exit(f"needs {SHARED}/eval/polnear-train.gold.json")
    r = run(args.quotes, args.seed, args.keep)
    print(
        f"planted copies {r['copies']}, extracted {r['extracted']}, "
        f"landed in their quote's cluster {r['landed']:.3f} (goal >= 0.95), "
        f"clusters {r['clusters']}, merging two quotes {r['merged']:.3f} (goal <= 0.01)"
    )
