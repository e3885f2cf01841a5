"""Run accounting shared by the commands: what was read, stored, skipped, and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .model import Extraction, Skipped


@dataclass(slots=True)
class RunSummary:
    read: int = 0  # documents that became articles
    new: int = 0
    duplicate: int = 0
    statements: int = 0
    other_language: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)

    def count(self, item: Extraction | Skipped, english: tuple[str, ...] = ("en",)) -> None:
        if isinstance(item, Skipped):
            self.skipped.append(item)
            return
        self.read += 1
        self.statements += len(item.statements)
        lang = item.article.language
        if lang and lang not in english:
            self.other_language[lang] += 1

    def lines(self) -> list[str]:
        out = [f"read {self.read}, new {self.new}, duplicate {self.duplicate}, "
               f"statements {self.statements}, skipped {len(self.skipped)}"]
        if self.other_language:
            langs = ", ".join(f"{k} {v}" for k, v in self.other_language.most_common())
            out.append(f"not extracted (language not handled): {langs}")
        reasons = Counter(s.reason for s in self.skipped)
        for reason, n in reasons.most_common():
            out.append(f"  skipped {n}: {reason}")
        return out
