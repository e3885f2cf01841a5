"""One options object for the whole pipeline: keyword-only, validated once, picklable."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Settings every stage may read. Pass it down; no stage reads globals."""

    model: str | None = None  # spaCy model name; None tries the defaults in ``nlp.MODEL_NAMES``
    languages: tuple[str, ...] = ("en",)  # languages the extractor handles; others are stored only
    max_bytes: int = 64 * 1024 * 1024  # larger inputs are skipped with a message, not read whole
    # Longer texts are cut to this many characters before cleaning and parsing: the parser needs
    # memory in proportion (spaCy: about 1 GB per 100,000 characters at worst), and news
    # articles rarely pass 40,000.
    max_chars: int = 200_000
    batch_size: int = 32  # documents parsed together by spaCy
    # Named entities (people's full names, what a statement is about, speaker kinds) from the
    # package's rules and tables ("rules", the fast default) or the model's statistical
    # recogniser ("model": about 1.5x the parse time; knows places the tables do not list).
    entities: str = "rules"
    # Paragraphs one outlet repeats under many articles are learned as its boilerplate, over
    # windows of this many cleaned articles (0 turns learning off).
    learn_window: int = 2000

    def __post_init__(self) -> None:
        if self.max_bytes <= 0 or self.max_chars <= 0 or self.batch_size <= 0:
            raise ValueError("max_bytes, max_chars and batch_size must be positive")
        if self.entities not in ("rules", "model"):
            raise ValueError('entities must be "rules" or "model"')
        if self.learn_window < 0:
            raise ValueError("learn_window must be 0 (off) or positive")
