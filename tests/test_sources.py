"""Sources: every readable input becomes a Source, every other one a Skipped with its reason."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from quotetrace.model import Skipped, Source
from quotetrace.options import Options
from quotetrace.sources import read_sources
from quotetrace.sources.decode import decode

OPTS = Options()


def _read(*paths: Path | str) -> list[Source | Skipped]:
    return list(read_sources([str(p) for p in paths], OPTS))


def _warc_record(url: str, html: str, status: str = "200 OK") -> bytes:
    body = html.encode("utf-8")
    http = (f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2024-02-03T04:05:06Z\r\n"
        "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def test_plain_html_jsonl_and_gzip_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Plain article text.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"Compressed text."))
    lines = [{"id": "x1", "text": "One.", "outlet": "Wire", "published": "2024-01-01"},
             {"id": "x2", "html": "<p>Two</p>", "url": "https://example.org/2"}]
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    got = _read(tmp_path)
    assert all(isinstance(s, Source) for s in got), got
    by_doc = {s.doc: s for s in got if isinstance(s, Source)}
    assert by_doc["a.txt"].text == "Plain article text." and by_doc["a.txt"].media == "text"
    assert by_doc["b.html"].media == "html" and by_doc["b.html"].raw
    assert by_doc["c.txt.gz"].text == "Compressed text."
    assert by_doc["x1"].outlet == "Wire" and by_doc["x1"].published == "2024-01-01"
    assert by_doc["x2"].media == "html" and by_doc["x2"].url == "https://example.org/2"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("image.txt", bytes(range(256)) * 4, "binary file"),
        ("bad.txt.gz", b"\x1f\x8bnot really gzip", "damaged gzip"),
        ("notes.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text("A good article.", encoding="utf-8")
    got = _read(tmp_path)
    skipped = [s for s in got if isinstance(s, Skipped)]
    assert len(skipped) == 1 and reason in skipped[0].reason, skipped
    assert [s.doc for s in got if isinstance(s, Source)] == ["good.txt"]


def test_missing_path_is_reported_and_others_still_read(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine.", encoding="utf-8")
    got = _read(tmp_path / "nope.txt", tmp_path / "ok.txt")
    assert isinstance(got[0], Skipped) and "no such file" in got[0].reason
    assert isinstance(got[1], Source)


def test_malformed_jsonl_lines_cost_only_themselves(tmp_path: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"id": "a", "text": "Fine."}\n{not json\n[1, 2]\n{"id": "b"}\n'
                 '{"id": "c", "text": "Also fine."}\n', encoding="utf-8")
    got = _read(p)
    assert [s.doc for s in got if isinstance(s, Source)] == ["a", "c"]
    reasons = [s.reason for s in got if isinstance(s, Skipped)]
    assert len(reasons) == 3
    assert "malformed JSON" in reasons[0] and "not an object" in reasons[1]
    assert "no non-empty 'text'" in reasons[2]


def test_oversized_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"word " * 1000)
    got = list(read_sources([str(tmp_path / "big.txt")], Options(max_bytes=100)))
    assert isinstance(got[0], Skipped) and "over the limit" in got[0].reason


def test_mixed_encodings_keep_every_line() -> None:
    data = "Café in UTF-8\n".encode() + "Naïve in Latin-1\n".encode("cp1252") + b"plain\n"
    assert decode(data) == "Café in UTF-8\nNaïve in Latin-1\nplain\n"


def test_utf16_with_bom_is_text() -> None:
    assert decode("Ünïcode text".encode("utf-16")) == "Ünïcode text"


def test_stdin_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"From a pipe."), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    got = _read("-")
    assert isinstance(got[0], Source) and got[0].text == "From a pipe."


def test_warc_response_records_become_html_sources(tmp_path: Path) -> None:
    html = "<html><head><title>T</title></head><body><p>Warc body.</p></body></html>"
    # One gzip member a record, as crawlers write them.
    data = gzip.compress(_warc_record("https://news.example/a", html)) + gzip.compress(
        _warc_record("https://news.example/missing", "gone", status="404 Not Found"))
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    got = _read(tmp_path / "crawl.warc.gz")
    assert len(got) == 1 and isinstance(got[0], Source), got
    assert got[0].url == "https://news.example/a" and got[0].fetched == "2024-02-03"
    assert got[0].raw is not None and b"Warc body." in got[0].raw


def test_every_gzip_member_is_read(tmp_path: Path) -> None:
    html = "<html><body><p>Second record.</p></body></html>"
    data = gzip.compress(_warc_record("https://news.example/1", html)) + gzip.compress(
        _warc_record("https://news.example/2", html))
    (tmp_path / "two.warc.gz").write_bytes(data)
    assert [s.url for s in _read(tmp_path / "two.warc.gz") if isinstance(s, Source)] == [
        "https://news.example/1", "https://news.example/2"]
