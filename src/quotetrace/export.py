"""Records to plain dicts in the documented JSONL format (the one ``score.py`` reads)."""

from __future__ import annotations

from typing import Any

from .model import Extraction, Statement


def statement_record(st: Statement) -> dict[str, Any]:
    return {
        "text": st.text,
        "speaker": st.speaker,
        "speaker_mention": st.speaker_mention,
        "kind": st.kind,
        "cue": st.cue,
        "start": st.start,
        "end": st.end,
        "confidence": round(st.confidence, 3),
        "about": list(st.about),
    }


def extraction_record(ex: Extraction) -> dict[str, Any]:
    """One line of ``quotetrace extract`` output."""
    a = ex.article
    return {
        "doc": a.doc,
        "id": a.id,
        "url": a.url,
        "title": a.title,
        "standfirst": a.standfirst,
        "published": a.published,
        "published_precision": a.published_precision,
        "outlet": a.outlet,
        "language": a.language,
        "body": a.body,
        "statements": [statement_record(st) for st in ex.statements],
    }
