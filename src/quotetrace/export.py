"""Records to plain dicts in the documented JSONL format (the one ``score.py`` reads)."""

from __future__ import annotations

from typing import Any

from .model import Actor, Event, Extraction, Statement


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
        "events": [event_record(ev) for ev in ex.events],
    }


def actor_record(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"text": actor.text, "code": actor.code, "sector": actor.sector}


def event_record(ev: Event) -> dict[str, Any]:
    """One event in the format ``score_events.py`` reads, plus our modes and provenance."""
    return {
        "event": ev.type,
        "quad": ev.quad,
        "source": actor_record(ev.source),
        "target": [actor_record(t) for t in ev.targets],
        "negated": ev.negated,
        "hypothetical": ev.hypothetical,
        "trigger": ev.trigger,
        "start": ev.start,
        "end": ev.end,
        "statement": ev.statement,
    }


def events_record(ex: Extraction) -> dict[str, Any]:
    """One line of ``quotetrace code`` output: the document's events, main event first."""
    return {"id": ex.article.doc, "events": [event_record(ev) for ev in ex.events]}
