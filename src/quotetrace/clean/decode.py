"""Bytes of a plain-text document -> text, line by line when a file mixes encodings."""

from __future__ import annotations

from charset_normalizer import from_bytes


def decode(raw: bytes) -> str:
    """Decode as UTF-8; lines that are not UTF-8 get the encoding guessed for the rest.

    Scraped files are often UTF-8 with a few lines pasted from a legacy page (cp1252, koi8-r):
    decoding each line on its own keeps the good lines intact instead of garbling them all.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    bad = [line for line in raw.split(b"\n") if not _is_utf8(line)]
    guess = from_bytes(b"\n".join(bad)[:200_000]).best()
    legacy = guess.encoding if guess is not None else "cp1252"
    out = []
    for line in raw.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode(legacy, errors="replace"))
    return "\n".join(out)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
