"""The seeds' score floor: extract + attribute over ../shared/seeds, scored by the shared scorer.

The floor is pinned below the measured figure (attributed F1 0.966 on the raw seed files on
2026-11-23; 0.985 through the CLI, whose cleaning drops boilerplate) so that a change that loses
statements or speakers fails here instead of slipping through.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quotetrace.attribute import resolve_speakers
from quotetrace.extract import find_statements
from quotetrace.model import Article

if TYPE_CHECKING:
    from spacy.language import Language

ATTRIBUTED_F1_FLOOR = 0.95


def test_seeds_attributed_floor(shared: Path, nlp: Language, tmp_path: Path) -> None:
    files = sorted((shared / "seeds").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    lines = []
    for f, text, doc in zip(files, texts, nlp.pipe(texts), strict=True):
        article = Article(id=f.stem, doc=f.name, uri=str(f), body=text)
        found = resolve_speakers(article, doc, find_statements(article, doc))
        for st in found:
            assert 0 <= st.start < st.end <= len(text)
            assert st.cue and 0 < st.confidence <= 1
        lines.append(json.dumps({"doc": f.name, "statements": [
            {"text": s.text, "speaker": s.speaker, "speaker_mention": s.speaker_mention,
             "kind": s.kind} for s in found]}))
    preds = tmp_path / "seeds.jsonl"
    preds.write_text("\n".join(lines) + "\n", encoding="utf-8")
    scorer, gold = shared / "eval" / "score.py", shared / "eval" / "seeds.gold.json"
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(preds)],
                         capture_output=True, text=True, check=True).stdout
    found = re.search(r"attributed_f1=([\d.]+)", out)
    assert found, out
    assert float(found.group(1)) >= ATTRIBUTED_F1_FLOOR, out
