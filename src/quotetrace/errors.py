"""One rooted exception hierarchy: the CLI turns it into one-line messages and exit codes."""

from __future__ import annotations


class QuotetraceError(Exception):
    """Base of every error quotetrace raises on purpose."""


class InputError(QuotetraceError):
    """A document cannot be read or decoded; it is skipped and the run goes on."""


class CleaningError(QuotetraceError):
    """A document was read but holds no usable article text."""


class ModelError(QuotetraceError):
    """The spaCy model cannot be loaded."""


class StoreError(QuotetraceError):
    """The database cannot be opened or written."""
