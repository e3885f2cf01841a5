"""Transcript turns: paragraphs opening with a speaker label ("Jane Doe: ...", "Question: ...").

A turn's speaker holds over the following paragraphs until the next label, as long as they read
as running speech (end like a sentence); a heading or a boilerplate line ends the turn.
Each paragraph is its own statement, so a long answer is not one unsearchable block.
"""

from __future__ import annotations

import re

from ..model import Statement
from .lexicon import Lexicon

_PARA = re.compile(r"[^\n]+")
# A label: up to five capitalised words (initials and "Mr." allowed), then a colon. A quoted
# transcript opens each paragraph with a quote mark ('"WALLACE: ...'): one may come first.
_LABEL = re.compile(
    r"\s*[\"“«‘']?\s*(?P<label>(?:[A-Z][\w.'’-]*|of|de|van|von|al|bin)(?:\s+(?:[A-Z][\w.'’-]*|of|de|van|von|al|bin)){0,4})"
    r"\s*:\s+(?=\S)"
)
_ENDS_LIKE_SPEECH = re.compile(r"[.!?…\"”’»)\]]\s*$")


def _label(para: str, lex: Lexicon) -> str | None:
    m = _LABEL.match(para)
    if not m:
        return None
    label = m.group("label").strip()
    if label.lower().rstrip(".") in lex.non_turn_labels or label.lower() in lex.non_turn_labels:
        return None
    return label


def find_turns(text: str, lex: Lexicon) -> list[Statement]:
    paras = [(m.start(), m.end(), m.group()) for m in _PARA.finditer(text) if m.group().strip()]
    labelled = [(i, _label(p, lex)) for i, (_, _, p) in enumerate(paras)]
    labels = [lab for _, lab in labelled if lab]
    named = {lab for lab in labels if lab.lower() not in lex.interviewer_labels}
    has_interviewer = any(lab.lower() in lex.interviewer_labels for lab in labels)
    # One "Washington: ..." line is a dateline or a heading; an exchange needs turns.
    if len(labels) < 2 or not (has_interviewer or len(named) >= 2 or len(labels) >= 3):
        return []
    # A speaker holds over unlabelled paragraphs only in a real exchange (an interviewer, or
    # two speakers taking turns); elsewhere "Name: ..." lines are captions or digest items.
    counts = {lab: labels.count(lab) for lab in named}
    exchange = has_interviewer or sum(n >= 2 for n in counts.values()) >= 2
    out: list[Statement] = []
    current: str | None = None
    for i, lab in labelled:
        start, end, para = paras[i]
        if lab:
            current = lab
            m = _LABEL.match(para)
            assert m is not None
            start += m.end()
        elif current is None or not exchange:
            continue
        elif not _ENDS_LIKE_SPEECH.search(para) or len(para.split()) < 4:
            current = None
            continue
        body = text[start:end].strip()
        if not re.search(r"[^\W\d]{2}", body):
            current = None
            continue  # "Clinton: 1,769." is a tally, not a turn
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        out.append(Statement(text=body, kind="transcript", start=start + lead,
                             end=start + lead + len(body), cue=":", speaker_mention=current,
                             confidence=0.9))
    return out
