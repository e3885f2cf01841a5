"""Frames meet quote spans: each frame's content becomes a direct, mixed or indirect statement,
and quotes that no frame's content covers are attached to a neighbouring frame, continue the
previous speaker's quote, or are dropped (scare quotes, titles, quoted single terms).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import Kind, Statement
from .lexicon import Lexicon, lexicon
from .quotes import Quote, strip_marks
from .reported import Frame, mention_bounds

_WORD = re.compile(r"\w+")
_SENT_END = re.compile(r"(\w*)[.!?]['\"”’»)]*\s")
_OPENS_SENTENCE = re.compile(r"[.!?:][\"”’»]?\s*[\"“«`']*$")


@dataclass(frozen=True, slots=True)
class Source:
    """Who a statement is attributed to, as written, and where that mention sits."""

    mention: str | None
    span: tuple[int, int] | None
    cue: str | None


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _source(doc: Doc, frame: Frame) -> Source:
    if frame.subj_start is None or frame.subj_end is None:
        return Source(None, None, frame.cue_text)
    span = doc[frame.subj_start : frame.subj_end]
    mention = span.text
    if mention.lower().startswith(("'s ", "’s ")):
        mention = mention[3:]
    return Source(mention, (span.start_char, span.end_char), frame.cue_text)


def _core_edges(doc: Doc, frame: Frame, quoted: Callable[[int], bool] | None = None
                ) -> tuple[int, int]:
    """Character range of the frame itself (source mention and cue, not its content); an
    object inside a quote ('asks, “Any questions?”') belongs to the quote, not the frame."""
    toks = [frame.cue]
    if frame.subj_start is not None and frame.subj_end is not None:
        toks += [frame.subj_start, frame.subj_end - 1]
    cue = doc[frame.cue]
    toks += [c.right_edge.i for c in cue.children if c.dep_ in ("dobj", "dative", "prt", "npadvmod")
             and c.i > cue.i and frame.content_start is None
             and not (quoted and quoted(doc[c.right_edge.i].idx))]
    a, b = min(toks), max(toks)
    return doc[a].idx, doc[b].idx + len(doc[b])


class _Builder:
    def __init__(self, doc: Doc, text: str, quotes: list[Quote]) -> None:
        self.doc = doc
        self.text = text  # doc.text, which spaCy rebuilds from the tokens on every read
        self.quotes = [q for q in quotes if not q.single]
        self.starts = [q.start for q in self.quotes]
        self.used: set[int] = set()
        self.out: list[Statement] = []

    def quote_at(self, pos: int) -> Quote | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i].contains(pos) else None

    def inside_quote(self, pos: int) -> bool:
        return self.quote_at(pos) is not None

    def repair(self, frame: Frame) -> Frame:
        """A subject the parser found inside the quote ('"... I ...," Mr. Daniloff, now 81,
        said') is wrong: the source is the noun phrase between the quote and the cue."""
        if frame.subj_start is None:
            return frame
        q = self.quote_at(self.doc[frame.subj_start].idx)
        cue = self.doc[frame.cue]
        if q is None or q.end > cue.idx:
            return frame
        between = [t for t in self.doc[frame.subj_start : cue.i] if t.idx > q.end]
        if not [t for t in between if t.is_alpha]:
            # '"...," said former tech executive Carly Fiorina': the source follows the cue
            between = []
            for t in self.doc[cue.i + 1 : cue.i + 16]:
                if t.is_punct or t.pos_ not in _NP:
                    break
                between.append(t)
        nouns = [t for t in between if t.pos_ in ("PROPN", "PRON", "NOUN")]
        if not nouns:
            return dataclasses.replace(frame, subj_start=None, subj_end=None)
        lo, hi = between[0].i, between[-1].i
        root = next((t for t in nouns if not lo <= t.head.i <= hi),
                    next((t for t in nouns if t.dep_ in ("nsubj", "nsubjpass")),
                         next((t for t in nouns if t.dep_ != "compound"), nouns[0])))
        a, b = mention_bounds(root)
        return dataclasses.replace(frame, subj_start=max(a, lo), subj_end=b)

    def emit(self, start: int, end: int, kind: Kind, src: Source, conf: float,
             skip: tuple[int, int] | None = None) -> None:
        """One statement; ``skip`` is a frame inside the content ('S1, he said, S2')."""
        if skip is not None and start < skip[0] < skip[1] < end:
            head, tail = self.text[start : skip[0]], self.text[skip[1] : end]
            raw = head.rstrip(" ,") + " " + tail.lstrip(" ,")
        else:
            raw = self.text[start:end]
        text = strip_marks(raw)
        if _words(text) == 0:
            return
        self.out.append(Statement(text=text, kind=kind, start=start, end=end, cue=src.cue,
                                  speaker_mention=src.mention, speaker_span=src.span,
                                  confidence=conf))

    def from_frame(self, frame: Frame) -> None:
        doc = self.doc
        assert frame.content_start is not None and frame.content_end is not None
        cs = doc[frame.content_start].idx
        last = doc[frame.content_end - 1]
        ce = last.idx + len(last)
        hit = [i for i, q in enumerate(self.quotes) if q.start < ce and q.end > cs]
        core = _core_edges(doc, frame)
        # A frame's content never swallows its own frame (mis-split quotes around "he said").
        hit = [i for i in hit if not (self.quotes[i].start <= core[0] < self.quotes[i].end)]
        if not hit and frame.belief:
            return  # opinions count when partly quoted; bare beliefs are too weak a signal
        if hit:
            cs = min(cs, self.quotes[hit[0]].start)
            ce = max(ce, self.quotes[hit[-1]].end)
        src = _source(doc, frame)
        outside = self.text[cs:ce]
        for i in reversed(hit):
            q = self.quotes[i]
            outside = outside[: q.start - cs] + " " + outside[q.end - cs :]
        self.used.update(hit)
        if hit and _words(outside) <= 1:
            for i in hit:
                self.emit(self.quotes[i].start, self.quotes[i].end, "direct", src, 0.9)
        elif hit:
            self.emit(cs, ce, "mixed", src, 0.8, skip=core)
        else:
            self.emit(cs, ce, "indirect", src, 0.7 if frame.clausal else 0.6, skip=core)

    def object_quote(self, frame: Frame) -> None:
        """'called the use of executive orders "quite dangerous"': a quoted fragment in the
        object of a cue makes the object mixed content."""
        cue = self.doc[frame.cue]
        objs = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
        rights = [c for c in cue.rights if not c.is_punct and c.dep_ in ("dobj", "oprd", "xcomp",
                                                                           "ccomp", "prep")]
        if not objs or not rights:
            return
        first = objs[0].left_edge
        last = self.doc[max(c.right_edge.i for c in rights)]
        cs, ce = first.idx, last.idx + len(last)
        hit = [i for i, q in enumerate(self.quotes)
               if i not in self.used and cs <= q.start and q.start < ce + 3]
        if not hit or not _fragment(self.text[self.quotes[hit[0]].start : self.quotes[hit[0]].end]):
            return
        ce = max(ce, self.quotes[hit[-1]].end)
        if "\n" in self.text[cs:ce]:
            return
        self.used.update(hit)
        self.emit(cs, ce, "mixed", _source(self.doc, frame), 0.7)

    def adjacent(self, q: Quote, frames: list[tuple[Frame, tuple[int, int]]]) -> Frame | None:
        """A frame right after the quote (', he said') or right before it ('he said: "')."""
        best: Frame | None = None
        for frame, (a, b) in frames:
            if a >= q.end:
                gap = self.text[q.end : a]
                # '"...," he said' -- a quoted term before a relative clause ('a "chief
                # prosecutor" who reports') is no quote of the clause's subject
                said = self.text[q.start : q.end].rstrip(" \"”’'")[-1:] in ",.!?…—-" or "," in gap
                if _words(gap) == 0 and "\n" not in gap and said:
                    return frame
            elif b <= q.start:
                gap = self.text[b : q.start]
                if frame.content_start is None and _words(gap) == 0 and "\n" not in gap:
                    best = frame  # 'Bystrom agreed. "Mainstream Republicans ..."'
                    continue
                if "\n" in gap.strip(" \t") and not (frame.colon or frame.content_start is None):
                    continue
                if _words(gap) <= 6 and not _sentence_ends(gap) and gap.count("\n") <= 2 \
                        and _introduces(gap, self.text[q.start : q.end]):
                    best = frame
        return best


def combine(
    doc: Doc, text: str, quotes: list[Quote], frames: list[Frame], lex: Lexicon
) -> list[Statement]:
    b = _Builder(doc, text, quotes)
    live = [b.repair(f) for f in frames if not b.inside_quote(doc[f.cue].idx)]
    for frame in live:
        if frame.content_start is not None:
            b.from_frame(frame)
    for frame in live:  # after clause contents have claimed their quotes
        if frame.content_start is None and not frame.belief:
            b.object_quote(frame)
    edges = [(f, _core_edges(doc, f, b.inside_quote)) for f in live]
    for i, q in enumerate(b.quotes):
        if i in b.used:
            continue
        near = [(f, e) for f, e in edges if e[1] >= q.start - 400 and e[0] <= q.end + 200]
        frame = b.adjacent(q, near)
        if frame is not None:
            b.used.add(i)
            b.emit(q.start, q.end, "direct", _source(doc, frame), 0.85)
            continue
        label = (_tail_frame(doc, b.text, q, lex) or _label_before(doc, b.text, q)
                 or _colon_sentence_before(doc, b.text, q) or _dash_credit(doc, b.text, q))
        if label is not None:
            b.used.add(i)
            b.emit(q.start, q.end, "direct", label, 0.75)
            continue
        prev = _previous(b.out, q.start)
        if prev is not None and _continues(b.text, prev, q):
            b.used.add(i)
            src = Source(prev.speaker_mention, prev.speaker_span, prev.cue)
            b.emit(q.start, q.end, "direct", src, 0.7)
    _run_on(b)
    return sorted(b.out, key=lambda s: (s.start, s.end))


def _run_on(b: _Builder) -> None:
    """A quote with no frame directly followed by an attributed quote ("A. "B," he said.) is
    the same speaker's: the frame of a run of quotes usually sits in its last one."""
    by_start = {s.start: s for s in b.out if s.kind == "direct"}
    for i in range(len(b.quotes) - 2, -1, -1):
        q, nxt = b.quotes[i], b.quotes[i + 1]
        after = by_start.get(nxt.start)
        if i in b.used or after is None or _words(b.text[q.end : nxt.start]) > 0:
            continue
        if _words(b.text[q.start : q.end]) < 3:
            continue
        b.used.add(i)
        src = Source(after.speaker_mention, after.speaker_span, after.cue)
        b.emit(q.start, q.end, "direct", src, 0.7)
        by_start[q.start] = b.out[-1]


_NP = {"PROPN", "NOUN", "DET", "ADJ", "NUM", "PRON", "PART", "ADP", "CCONJ"}


def _tail_frame(doc: Doc, text: str, q: Quote, lex: Lexicon) -> Source | None:
    """'"...," the 43-year-old asked.' read off the tokens when the parse missed the frame:
    a noun phrase and a cue verb (or a cue verb and a noun phrase) right after the quote."""
    span = doc.char_span(q.end, min(len(text), q.end + 240), alignment_mode="expand")
    if span is None:
        return None
    toks = [t for t in span if t.idx >= q.end]
    while toks and (toks[0].is_punct or toks[0].is_quote):
        toks.pop(0)
    if not toks or "\n" in text[q.end : toks[0].idx]:
        return None
    said = text[q.start : q.end].rstrip(" \"”’'")[-1:] in ",.!?…—-"
    if not said and "," not in text[q.end : toks[0].idx]:
        return None  # 'a "chief prosecutor" who reports': a term, not a quote
    def cue(t: Token) -> bool:
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or lemma not in lex.speech:
            return False
        needs = lex.particles.get(lemma)
        return not needs or (t.i + 1 < len(doc) and doc[t.i + 1].lower_ in needs)
    if cue(toks[0]):
        words = [t for t in toks[1:8] if not t.is_punct]
        np_ = []
        for t in toks[1:12]:
            if t.is_punct or t.pos_ not in _NP:
                break
            np_.append(t)
        if not np_ or not words:
            return None
        return _src(doc, np_[0].i, np_[-1].i + 1, toks[0].text)
    for k, t in enumerate(toks[:25]):
        if cue(t):
            head = toks[:k]
            if not head or head[0].pos_ not in ("PROPN", "NOUN", "DET", "PRON", "ADJ", "NUM"):
                return None
            end = next((j for j, h in enumerate(head) if h.text == ","), len(head))
            head = [h for h in head[:end] if h.pos_ != "AUX"]
            return _src(doc, head[0].i, head[-1].i + 1, t.text) if head else None
        if t.pos_ == "VERB" or "\n" in t.text or t.text in (".", "!", "?", ";"):
            return None
    return None


_CREDIT = re.compile(r"[\"”»'’]*[.,]?[\"”»'’]*[ \t]*\n{0,2}[ \t]*[-—–―]+[ \t]*"
                     r"(?P<name>[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,4})")


def _dash_credit(doc: Doc, text: str, q: Quote) -> Source | None:
    """'"...."\n\n- Bernie Sanders.' (fact checks, vox pops): a dash and a name credit the quote."""
    m = _CREDIT.match(text, q.end)
    if not m:
        return None
    span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
    if span is None or not any(t.pos_ == "PROPN" for t in span):
        return None
    return Source(span.text.rstrip("."), (span.start_char, span.end_char), "—")


def _src(doc: Doc, a: int, b: int, cue: str) -> Source:
    span = doc[a:b]
    return Source(span.text, (span.start_char, span.end_char), cue)


_NAME_WORD = r"(?:[A-Z][\w.’'-]*|and|of)"
_LABEL = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD})*)\s*:\s*[\"“«`']*$")


def _label_before(doc: Doc, text: str, q: Quote) -> Source | None:
    """'- Jeffrey M. Jones: “...”' (digests, live blogs): a name and a colon before a quote."""
    line = text[text.rfind("\n", 0, q.start) + 1 : q.start]
    m = _LABEL.search(line)
    if not m:
        return None
    name = re.sub(r"^(?:(?:and|of)\s+)+", "", m.group(1))
    if not name or len(name.split()) > 6:
        return None
    base = q.start - len(line)
    span = doc.char_span(base + m.end(1) - len(name), base + m.end(1), alignment_mode="expand")
    if span is None or not all(t.pos_ == "PROPN" or not t.is_alpha or t.is_stop for t in span):
        return None
    return Source(span.text, (span.start_char, span.end_char), ":")


def _colon_sentence_before(doc: Doc, text: str, q: Quote) -> Source | None:
    """'President Clinton released the following statement:' then the quote: the subject of the
    sentence that the colon ends is the source."""
    head = text[: q.start].rstrip(" \t\n\"“«`'‘")
    if not head.endswith(":") or head.count("\n", max(0, len(head) - 2)) > 0:
        return None
    span = doc.char_span(len(head) - 1, len(head), alignment_mode="expand")
    if span is None:
        return None
    root = span[0].sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or root.pos_ not in ("VERB", "AUX") or subj.lower_ in ("it", "this", "there"):
        return None
    a, b = mention_bounds(subj)
    mention = doc[a:b]
    return Source(mention.text, (mention.start_char, mention.end_char), root.text)


def _sentence_ends(text: str) -> int:
    """Sentence ends in ``text``; an abbreviation's or an initial's period ends none."""
    abbrev = lexicon().abbreviations
    ends = 0
    for m in _SENT_END.finditer(text):
        word = m.group(1)
        ends += not (word.lower() in abbrev or (len(word) == 1 and word.isupper()))
    return ends


def _fragment(quote: str) -> bool:
    """A quoted piece of a sentence ('quite dangerous'), not a quoted sentence."""
    first = next((c for c in quote if c.isalpha()), "")
    return first.islower()


def _introduces(gap: str, quote: str) -> bool:
    """A frame before a quote introduces it ('said: "', 'told CNN, "', 'said "We ...'), unless
    the quote is a show or book title ('told ABC's "Good Morning America"')."""
    head = gap.rstrip(" \t\n\"“«`'")
    if not head.strip() or head.endswith((":", ",")):
        return True
    return _words(quote) >= 5 and quote.rstrip(" ,\"”’'")[-1:] in ".!?"


def _previous(out: list[Statement], pos: int) -> Statement | None:
    """The last quote before ``pos``: a quote goes on from a quote, not from reported speech."""
    before = [s for s in out if s.end <= pos and s.kind in ("direct", "mixed")]
    return max(before, key=lambda s: s.end, default=None)


def _continues(text: str, prev: Statement, q: Quote) -> bool:
    """A quote with no frame of its own goes on with the previous speaker when only that
    speaker's frame ("," Lavrov said.) or a paragraph break stands between them."""
    if prev.kind not in ("direct", "mixed") or _words(text[q.start : q.end]) < 3:
        return False
    gap = text[prev.end : q.start]
    if gap.count("\n") > 2 or _words(gap) > 45:
        return False
    before = text[text.rfind("\n", 0, q.start) + 1 : q.start].rstrip()
    opens_paragraph = not before.strip("\"“«'`")
    if not opens_paragraph and not _OPENS_SENTENCE.search(before):
        return False
    # Only the previous quote's own frame sentence may stand between them.
    inner = gap.strip().strip("\"“”«»'`").strip()
    return _sentence_ends(inner + " ") <= 1
