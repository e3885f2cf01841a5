"""Score extracted statements and article metadata against a gold file (``quote-gold/1``).

The rules are the ones documented by the project's reference scorer (``shared/eval/score.py``),
implemented here as a library so that the CLI, the evaluation gate and users' own gold files use
one code path. In short:

- Texts are compared as sequences of words (quote marks, punctuation, case and accents do not
  matter, order does): overlap is counted on consecutive word pairs, the first word paired with a
  start mark, so ``n`` words give ``n`` pairs.
- Each prediction serves at most one gold statement: the one it shares most pairs with (the
  earlier one on a tie), and only if at least half of the prediction lies in it.
- A gold statement is *found* when the predictions serving it together hold 60% of its pairs, and
  *attributed* when the ones with the right speaker alone do.
- One gold, one credit: precision is found golds / (found golds + predictions serving no found
  gold). Predictions serving an optional gold are ignored; optional golds are never required.
- Speakers match on normalised names and the gold file's aliases, or, in mention mode (PolNeAR),
  on the words of the gold mention.

``score`` returns plain figures (the same keys and values as the reference scorer's ``--json``
output); ``format_report`` renders them as its text report.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .options import Options

# A gold statement is found when its serving predictions hold this share of its word pairs;
# 60% lets a quote split in two by "he said" still count.
FOUND_SHARE = 0.6
# A prediction serves a gold only when this share of the prediction lies in it, so a whole
# paragraph passed off as one statement serves nothing.
SERVES_SHARE = 0.5
# Words ignored when comparing speaker mentions ("the daily" vs "daily").
MENTION_STOPWORDS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"}
)
# A mention made only of these never stands for a named source on its own.
PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "which", "him", "them", "us", "me"}
)
METADATA_FIELDS: tuple[str, ...] = ("title", "published", "outlet")
_START = "^"  # pairs the first word of a text, so one-word texts still have a pair
_WORD = re.compile(r"\w+")

Pairs = Counter[tuple[str, str]]
_Served = tuple[Mapping[str, Any], Pairs]  # a predicted statement and its word pairs


def _folded_words(text: str | None) -> list[str]:
    """Words of a text, case-folded and stripped of accents."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WORD.findall(plain.casefold())


def word_pairs(text: str | None) -> Pairs:
    """The bag of consecutive word pairs that texts are compared on."""
    w = _folded_words(text)
    return Counter(zip([_START, *w], w, strict=False))


def name_key(name: str | None) -> str:
    """A name reduced to its words, for comparisons that ignore case, accents and punctuation."""
    return " ".join(_folded_words(name))


def _without_the(name: str | None) -> str:
    return name_key(name).removeprefix("the ")


def _shared(a: Pairs, b: Pairs) -> int:
    return sum((a & b).values())


@dataclass(frozen=True, slots=True)
class _SpeakerRules:
    """Whether a predicted statement names the gold statement's speaker."""

    aliases: Mapping[str, frozenset[str]]  # name key -> keys of the name and all its aliases
    by_mention: bool  # the whole gold file gives speakers as mentions (PolNeAR)

    @classmethod
    def from_gold(cls, gold: Mapping[str, Any]) -> _SpeakerRules:
        aliases = {
            name_key(name): frozenset({name_key(name), *(name_key(a) for a in others)})
            for name, others in (gold.get("aliases") or {}).items()
        }
        return cls(aliases, bool(gold.get("speaker_is_mention")))

    def _names(self, gold_name: str) -> frozenset[str]:
        key = name_key(gold_name)
        return self.aliases.get(key, frozenset({key}))

    def names(self, predicted: str | None, gold_name: str) -> bool:
        """``predicted`` is the gold name or an alias of it ("the Pentagon" = "Pentagon")."""
        if not predicted:
            return False
        accepted = {_without_the(n) for n in self._names(gold_name)} | {_without_the(gold_name)}
        return _without_the(predicted) in accepted

    def _mentions(self, st: Mapping[str, Any], gold_mention: str) -> bool:
        wanted = [w for w in name_key(gold_mention).split() if w not in MENTION_STOPWORDS]
        for fieldname in ("speaker", "speaker_mention"):
            said = set(name_key(st.get(fieldname)).split()) - MENTION_STOPWORDS
            # half of the gold mention's words
            if wanted and 2 * sum(w in said for w in wanted) >= len(wanted):
                return True
            # or a bare name inside a long mention ("Elijah Cummings" in "Rep. Elijah Cummings of
            # Maryland, the panel's ranking Democrat"): words of it that are more than pronouns
            if said - PRONOUNS and said <= set(wanted):
                return True
        return False

    def _as_mention(self, gold_st: Mapping[str, Any]) -> bool:
        return self.by_mention or bool(gold_st.get("speaker_is_mention"))

    def right(self, st: Mapping[str, Any], gold_st: Mapping[str, Any]) -> bool:
        if self._as_mention(gold_st):
            return self._mentions(st, gold_st["speaker"])
        return self.names(st.get("speaker"), gold_st["speaker"])

    def surname(self, st: Mapping[str, Any], gold_st: Mapping[str, Any]) -> bool:
        """Looser credit: the last word of the gold name (or an alias) among the predicted words."""
        if self._as_mention(gold_st):
            return self.right(st, gold_st)
        said = set(name_key(st.get("speaker")).split())
        return any(n.split() and n.split()[-1] in said for n in self._names(gold_st["speaker"]))


@dataclass(slots=True)
class _Tally:
    """Counts summed over documents."""

    predicted: int = 0  # the precision denominator: found golds + predictions serving none
    required: int = 0
    found: int = 0
    attributed: int = 0
    surname: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    attributed_by_kind: Counter[str] = field(default_factory=Counter)
    kind_right: int = 0
    metadata: dict[str, Counter[str]] = field(
        default_factory=lambda: {f: Counter() for f in METADATA_FIELDS}
    )
    boilerplate: int = 0
    boilerplate_removed: int = 0


def _served_gold(pred: Pairs, golds: Sequence[Pairs]) -> int | None:
    """The gold this prediction serves, if any."""
    best, best_shared = None, -1
    for i, g in enumerate(golds):
        n = _shared(pred, g)
        if n > best_shared:  # strict: the earlier gold wins a tie
            best, best_shared = i, n
    if best is None or best_shared < SERVES_SHARE * sum(pred.values()):
        return None
    return best


def _score_statements(
    tally: _Tally,
    gold_statements: Sequence[Mapping[str, Any]],
    predicted: Sequence[Mapping[str, Any]],
    speakers: _SpeakerRules,
) -> None:
    gold_pairs = [word_pairs(g["text"]) for g in gold_statements]
    preds = [(st, word_pairs(st.get("text"))) for st in predicted]
    preds = [(st, pairs) for st, pairs in preds if pairs]  # empty texts are no predictions
    serving: list[list[_Served]] = [[] for _ in gold_statements]
    unserving = 0
    for st, pairs in preds:
        i = _served_gold(pairs, gold_pairs)
        if i is None:
            unserving += 1
        else:
            serving[i].append((st, pairs))

    def covered(i: int, which: Iterable[_Served]) -> bool:
        held: Pairs = Counter()
        for _, pairs in which:
            held.update(pairs)
        return _shared(held, gold_pairs[i]) >= FOUND_SHARE * sum(gold_pairs[i].values())

    for i, gold_st in enumerate(gold_statements):
        found = covered(i, serving[i])
        optional = bool(gold_st.get("optional"))
        if not found and not optional:
            # its pieces earned nothing, so each one counts against precision
            tally.predicted += len(serving[i])
        if optional:
            continue
        tally.required += 1
        tally.by_kind[gold_st["kind"]] += 1
        if not found:
            continue
        tally.predicted += 1
        tally.found += 1
        attributed = covered(i, (p for p in serving[i] if speakers.right(p[0], gold_st)))
        tally.attributed += attributed
        tally.attributed_by_kind[gold_st["kind"]] += attributed
        tally.surname += covered(i, (p for p in serving[i] if speakers.surname(p[0], gold_st)))
        tally.kind_right += any(st.get("kind") == gold_st["kind"] for st, _ in serving[i])
    tally.predicted += unserving


def _score_metadata(
    tally: _Tally, gold_doc: Mapping[str, Any], pred: Mapping[str, Any], speakers: _SpeakerRules
) -> None:
    for f in METADATA_FIELDS:
        wanted = gold_doc.get(f)
        if wanted is None:
            continue  # the gold does not say: nothing to score
        accepted = gold_doc.get(f + "_accept") or [wanted]
        got = pred.get(f)
        if not got:
            verdict = "missing"
        elif f == "published":
            # dates compare on YYYY-MM-DD (or --MM-DD), whatever time part follows
            verdict = "right" if str(got)[:10] in accepted else "wrong"
        else:
            ok = any(
                name_key(got) == name_key(a) or (f == "outlet" and speakers.names(got, a))
                for a in accepted
            )
            verdict = "right" if ok else "wrong"
        tally.metadata[f][verdict] += 1


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold: Mapping[str, Any], predictions: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Score prediction records (``extraction_record`` dicts) against a parsed gold file."""
    if not isinstance(gold, Mapping) or not isinstance(gold.get("documents"), Mapping):
        raise InputError(
            "the gold file has no 'documents' object; expected the quote-gold/1 format "
            "({'documents': {name: {'statements': [...]}}, 'aliases': {...}})"
        )
    speakers = _SpeakerRules.from_gold(gold)
    # predictions are matched to gold documents by file name; a later record wins
    by_doc = {Path(str(p.get("doc", ""))).name: p for p in predictions}
    tally = _Tally()
    missing: list[str] = []
    for name, gold_doc in gold["documents"].items():
        pred = by_doc.get(name)
        if pred is None:
            missing.append(name)
            pred = {}
        _score_statements(tally, gold_doc["statements"], pred.get("statements") or [], speakers)
        _score_metadata(tally, gold_doc, pred, speakers)
        if "body" in pred:  # only records that carry a body can be judged on boilerplate
            body = pred.get("body") or ""
            for snippet in gold_doc.get("boilerplate", []):
                tally.boilerplate += 1
                tally.boilerplate_removed += snippet not in body

    def prf(hits: int) -> tuple[float, float, float]:
        p, r = _ratio(hits, tally.predicted), _ratio(hits, tally.required)
        return p, r, _f1(p, r)

    text, attributed, surname = prf(tally.found), prf(tally.attributed), prf(tally.surname)
    return {
        "documents": len(gold["documents"]),
        "missing_documents": missing,
        "predicted": tally.predicted,
        "gold_required": tally.required,
        "text_precision": text[0],
        "text_recall": text[1],
        "text_f1": text[2],
        "attributed_precision": attributed[0],
        "attributed_recall": attributed[1],
        "attributed_f1": attributed[2],
        "surname_f1": surname[2],
        "attributed_recall_by_kind": {
            k: tally.attributed_by_kind[k] / tally.by_kind[k] for k in sorted(tally.by_kind)
        },
        "kind_accuracy": tally.kind_right / tally.found if tally.found else None,
        "metadata": {f: dict(c) for f, c in tally.metadata.items()},
        "boilerplate_removed": (
            tally.boilerplate_removed / tally.boilerplate if tally.boilerplate else None
        ),
    }


def format_report(result: Mapping[str, Any]) -> str:
    """The text report: one figure per line, the last line machine-greppable."""
    r = result
    lines = [
        f"documents {r['documents']}  missing {len(r['missing_documents'])}",
        f"statements  predicted {r['predicted']}  gold {r['gold_required']}",
        f"text        P {r['text_precision']:.3f}  R {r['text_recall']:.3f}  F1 {r['text_f1']:.3f}",
        f"attributed  P {r['attributed_precision']:.3f}  R {r['attributed_recall']:.3f}"
        f"  F1 {r['attributed_f1']:.3f}",
        f"surname-level attribution F1 {r['surname_f1']:.3f}"
        "  (speaker's last name among the predicted words)",
    ]
    if r["kind_accuracy"] is not None:
        lines.append(f"kind right on found statements {r['kind_accuracy']:.2f}")
    lines.append(
        "attributed recall by kind  "
        + "  ".join(f"{k} {v:.2f}" for k, v in r["attributed_recall_by_kind"].items())
    )
    for f, counts in r["metadata"].items():
        if counts:
            lines.append(f"{f:10}  " + "  ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if r["boilerplate_removed"] is not None:
        lines.append(f"boilerplate removed {r['boilerplate_removed']:.2f}")
    skipped = r.get("skipped") or []
    if skipped:
        # not part of the reference layout: evaluate_paths adds it so a user sees why a
        # document is missing
        lines.append(
            f"skipped {len(skipped)}: " + "; ".join(f"{s['uri']}: {s['reason']}" for s in skipped)
        )
    lines.append(f"attributed_f1={r['attributed_f1']:.4f} text_f1={r['text_f1']:.4f}")
    return "\n".join(lines)


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold file, with a message that says what is wrong when it cannot be used."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read the gold file {path}: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"the gold file {path} is not UTF-8 JSON: {exc}") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("documents"), dict):
        raise InputError(
            f"the gold file {path} has no 'documents' object; expected the quote-gold/1 format"
        )
    return gold


def evaluate_paths(
    gold_path: str | Path, inputs: Iterable[str], options: Options | None = None
) -> dict[str, Any]:
    """Run the pipeline on ``inputs`` and score its records against the gold file.

    The result is ``score``'s, plus ``skipped``: inputs the pipeline could not use (they also
    show as missing documents when the gold expects them).
    """
    from .export import extraction_record
    from .model import Skipped
    from .pipeline import run

    gold = load_gold(gold_path)  # fail before the (slow) pipeline runs
    records: list[dict[str, Any]] = []
    skipped: list[dict[str, str]] = []
    for item in run(inputs, options):
        if isinstance(item, Skipped):
            skipped.append({"uri": item.uri, "reason": item.reason})
        else:
            records.append(extraction_record(item))
    result = score(gold, records)
    result["skipped"] = skipped
    return result
