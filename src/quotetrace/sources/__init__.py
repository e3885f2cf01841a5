"""Inputs to ``Source`` records: files, folders (recursively), ``-`` for stdin; .txt, .html/.htm,
.jsonl, .warc, and any of these gzip-compressed. Every input that cannot be used becomes a
``Skipped`` record with its reason; nothing here raises for a bad document.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Skipped, Source
from ..options import Options
from .decode import decode, looks_binary
from .jsonl import read_jsonl
from .warc import read_warc

__all__ = ["SUFFIXES", "read_sources"]

SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl", ".warc")
_HTML_SNIFF = (b"<!doctype html", b"<html", b"<head", b"<body")


def read_sources(paths: Iterable[str], options: Options) -> Iterator[Source | Skipped]:
    for path in paths:
        if path == "-":
            yield from _from_bytes(sys.stdin.buffer.read(), "<stdin>", "stdin", None, options)
            continue
        p = Path(path)
        if p.is_dir():
            yield from _walk(p, options)
        elif p.exists():
            yield from _read_file(p, options)
        else:
            yield Skipped(path, "no such file or directory")


def _walk(root: Path, options: Options) -> Iterator[Source | Skipped]:
    try:
        entries = sorted(root.rglob("*"))
    except OSError as exc:
        yield Skipped(str(root), f"cannot list directory: {exc.strerror or exc}")
        return
    for p in entries:
        if any(part.startswith(".") for part in p.relative_to(root).parts):
            continue  # hidden files and folders (.git, .DS_Store) are never articles
        if p.is_file():
            if _format(p) is None:
                yield Skipped(str(p), f"unsupported file type '{p.suffix}' (expected one of "
                              f"{', '.join(SUFFIXES)}, optionally .gz)")
            else:
                yield from _read_file(p, options)


def _format(p: Path) -> str | None:
    suffixes = [s.lower() for s in p.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last in (".txt", ".text"):
        return "text"
    if last in (".html", ".htm"):
        return "html"
    if last in (".jsonl", ".warc"):
        return last[1:]
    return None


def _read_file(p: Path, options: Options) -> Iterator[Source | Skipped]:
    uri = str(p)
    try:
        size = p.stat().st_size
        if size > options.max_bytes and not p.name.lower().endswith((".jsonl", ".warc")):
            yield Skipped(uri, f"file is {size} bytes, over the limit of {options.max_bytes} "
                          "(raise it with --max-bytes)")
            return
        data = p.read_bytes()
    except OSError as exc:
        yield Skipped(uri, f"cannot read: {exc.strerror or exc}")
        return
    if p.suffix.lower() == ".gz":
        try:
            data = _gunzip(data, options.max_bytes * 4)
        except InputError as exc:
            yield Skipped(uri, str(exc))
            return
    yield from _from_bytes(data, uri, p.name, _format(p), options)


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress every gzip member (WARC files gzip each record on its own), bounded by
    ``limit`` so that a decompression bomb is refused rather than filling memory."""
    out = bytearray()
    while data:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += d.decompress(data, limit + 1 - len(out))
        except zlib.error as exc:
            raise InputError(f"damaged gzip data: {exc}") from exc
        if len(out) > limit:
            raise InputError(f"gzip content is larger than {limit} bytes")
        data = d.unused_data.lstrip(b"\x00")
    return bytes(out)


def _from_bytes(
    data: bytes, uri: str, name: str, fmt: str | None, options: Options
) -> Iterator[Source | Skipped]:
    if not data.strip():
        yield Skipped(uri, "empty file")
        return
    if data[:2] == b"\x1f\x8b":  # gzip on stdin or under a name without .gz
        try:
            data = _gunzip(data, options.max_bytes * 4)
        except InputError as exc:
            yield Skipped(uri, str(exc))
            return
    fmt = fmt or _sniff(data)
    if fmt == "warc":
        yield from read_warc(data, uri, options.max_bytes)
        return
    if fmt == "html":
        if looks_binary(data):
            yield Skipped(uri, "binary file (not text, HTML, JSONL or WARC)")
        else:
            # HTML bytes go to trafilatura undecoded: it reads the page's declared charset.
            yield Source(uri=uri, doc=name, media="html", raw=data)
        return
    try:
        text = decode(data)
    except InputError as exc:
        yield Skipped(uri, str(exc))
        return
    if fmt == "jsonl":
        yield from read_jsonl(text, uri)
    else:
        yield Source(uri=uri, doc=name, media="text", text=text)


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith(_HTML_SNIFF) or b"<html" in head:
        return "html"
    if head.startswith(b"{") and b'"' in head:
        return "jsonl"
    return "text"

