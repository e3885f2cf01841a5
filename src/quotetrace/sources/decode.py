"""Bytes to text, or a clear reason why not. Binary data is refused rather than guessed at."""

from __future__ import annotations

import codecs

from ..errors import InputError

_SNIFF = 8192
# Control characters other than tab/newline/carriage return/form feed are rare in text and
# common in binaries (images, PDFs, archives).
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
# Lines that are not UTF-8 in a file that mostly is: a concatenation of files in different
# encodings. Windows-1252 is by far the most common other encoding of news text.
_FALLBACK = "cp1252"


def looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return not _is_utf16(head)
    if not head:
        return False
    controls = sum(b in _CONTROL for b in head)
    return controls / len(head) > 0.05


def _is_utf16(head: bytes) -> bool:
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def decode(data: bytes) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or line by line.

    A file that is UTF-8 except for some lines (mixed encodings) keeps every line: those lines are
    decoded as Windows-1252. A file whose encoding is something else altogether is left to
    charset-normalizer. Raises InputError when no decoding is credible.
    """
    if looks_binary(data):
        raise InputError("binary file (not text, HTML, JSONL or WARC)")
    if _is_utf16(data[:2]):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    bad = 0
    out = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            bad += 1
            out.append(line.decode(_FALLBACK, errors="replace"))
    if bad <= len(lines) // 2:
        return "\n".join(out).removeprefix("\ufeff")
    return _guess(data)


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable bytes: no text encoding fits this file")
    return str(best)
