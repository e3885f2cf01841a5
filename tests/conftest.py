"""Fixtures shared by the test modules: where the shared data lives, and the loaded model."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

# ../shared beside the repository: frozen real articles, gold files and reference scorers that
# every developer and CI run has, but that are not ours to copy into the repo.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder; tests that need it are skipped (not failed) where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder not found at {SHARED} (it sits beside the repository)")
    return SHARED


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default spaCy pipeline, loaded once per test session."""
    from quotetrace import nlp as nlp_loader

    return nlp_loader.load()
