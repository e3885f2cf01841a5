"""JSON Lines: one article a line with ``id`` and ``text`` or ``html``; ``url``, ``published``,
``outlet`` and ``title`` are optional hints."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..model import Skipped, Source


def read_jsonl(text: str, uri: str) -> Iterator[Source | Skipped]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{uri}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(where, f"malformed JSON line ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield Skipped(where, "JSON line is not an object with 'id' and 'text' or 'html'")
            continue
        body = obj.get("text")
        media = "text"
        if not isinstance(body, str) or not body.strip():
            body, media = obj.get("html"), "html"
        if not isinstance(body, str) or not body.strip():
            yield Skipped(where, "JSON line has no non-empty 'text' or 'html' field")
            continue
        doc = str(obj.get("id") or obj.get("doc") or f"{uri.rsplit('/', 1)[-1]}:{n}")
        yield Source(
            uri=where,
            doc=doc,
            media=media,
            text=body,
            url=_str(obj.get("url")),
            published=_str(obj.get("published")),
            outlet=_str(obj.get("outlet")),
            title=_str(obj.get("title")),
        )


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
