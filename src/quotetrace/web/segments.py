"""An article body cut into paragraphs and pieces, each piece plain or part of a statement, so a
template can highlight statements without ever building HTML from article text."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(slots=True)
class Piece:
    text: str
    statement: Mapping[str, object] | None = None
    first: bool = False  # the statement's first piece carries its anchor
    last: bool = False  # ... and its last piece the attribution
    # Statements overlapping this one (dropped from the highlighting) keep their address here.
    anchors: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph:
    number: int
    pieces: list[Piece] = field(default_factory=list)


def article_paragraphs(body: str,
                       statements: Sequence[Mapping[str, object]]) -> list[Paragraph]:
    """Paragraphs (body lines) with statement spans marked; overlapping spans keep the first."""
    spans: list[tuple[int, int, Mapping[str, object]]] = []
    hidden: dict[int, list[int]] = {}  # index in spans -> ids of overlapping statements
    edge = -1
    for st in sorted(statements, key=lambda s: (int(s["start"]), -int(s["end"]))):  # type: ignore[call-overload]
        start, end = int(st["start"]), int(st["end"])  # type: ignore[call-overload]
        if start >= edge and 0 <= start < end <= len(body):
            spans.append((start, end, st))
            edge = end
        elif spans:
            hidden.setdefault(len(spans) - 1, []).append(int(st["id"]))  # type: ignore[call-overload]
    out: list[Paragraph] = []
    i = 0
    for n, m in enumerate(_PARAGRAPH.finditer(body), 1):
        para = Paragraph(n)
        pos, stop = m.start(), m.end()
        while i < len(spans) and spans[i][1] <= pos:
            i += 1
        j = i
        while pos < stop:
            if j < len(spans) and spans[j][0] < stop:
                start, end, st = spans[j]
                if start > pos:
                    para.pieces.append(Piece(body[pos:start]))
                    pos = start
                piece_end = min(end, stop)
                para.pieces.append(Piece(body[pos:piece_end], st, first=pos == start,
                                         last=piece_end == end,
                                         anchors=hidden.get(j, []) if pos == start else []))
                pos = piece_end
                if piece_end == end:
                    j += 1
            else:
                para.pieces.append(Piece(body[pos:stop]))
                pos = stop
        if para.pieces and any(p.text.strip() for p in para.pieces):
            out.append(para)
    return out
