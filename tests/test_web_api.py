"""The HTTP API and pages against a real SQLite file made from the seeds (and a hostile article)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from quotetrace.cli import main
from quotetrace.web import create_app

HOSTILE_SPEAKER = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = (
    "MOSCOW, May 1. Foreign Minister Ivan Petrov spoke to reporters on Wednesday about NATO.\n\n"
    '"<script>window.__xss=1;alert(1)</script> We will never accept NATO troops near our'
    ' borders," Petrov said.\n\n'
    '"\'; DROP TABLE statements; -- This is our final answer to NATO and to the alliance,"'
    " he added.\n\n"
    "<img src=x onerror=alert(1)> told journalists that \"the <a href='javascript:alert(1)'>"
    "talks</a> with NATO must continue <b onmouseover=alert(1)>now</b>.\"\n\n"
    'Petrov said that Russia would respond to any "<svg onload=alert(1)>" provocation by NATO.'
)


def write_hostile(folder: Path) -> Path:
    """An article whose every field tries to run script or SQL (our own text, not a fixture)."""
    rec = {"id": 'evil"><script>alert(1)</script>.txt',
           "title": '"><script>window.__xss=1;alert(1)</script> NATO talks',
           "outlet": "<img src=x onerror=alert(1)>Evil Times",
           "url": "javascript:window.__xss=1//", "published": "2024-05-01",
           "text": HOSTILE_TEXT}
    path = folder / "hostile.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    return path


def ingest(db: Path, *paths: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "--db", str(db), *map(str, paths)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr


def plant_hostile_speaker(db: Path) -> None:
    """Speaker names come from the parse; give one a hostile name directly, so the pages are
    proven to escape names whatever extraction lets through."""
    with sqlite3.connect(db) as con:
        con.execute("UPDATE speakers SET name = ? WHERE name = 'Ivan Petrov'", (HOSTILE_SPEAKER,))


def build_store(shared: Path, folder: Path) -> Path:
    db = folder / "web.db"
    ingest(db, shared / "seeds", write_hostile(folder))
    plant_hostile_speaker(db)
    return db


@pytest.fixture(scope="module")
def db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(shared, tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def test_search_returns_items_and_total(client: TestClient) -> None:
    r = client.get("/api/statements", params={"q": "NATO", "limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] >= 5 and len(body["items"]) == 5
    for item in body["items"]:
        assert {"id", "text", "speaker", "speaker_id", "kind", "article_id", "published",
                "outlet", "cluster_id"} <= set(item)
        assert "nato" in item["text"].lower()
    page2 = client.get("/api/statements", params={"q": "NATO", "limit": 5, "offset": 5}).json()
    assert not {i["id"] for i in page2["items"]} & {i["id"] for i in body["items"]}


def test_filters_narrow_the_search(client: TestClient) -> None:
    everything = client.get("/api/statements", params={"limit": 200}).json()["total"]
    tass = client.get("/api/statements", params={"outlet": "TASS"}).json()
    assert 0 < tass["total"] < everything
    assert all(i["outlet"] == "TASS" for i in tass["items"])
    direct = client.get("/api/statements", params={"kind": "direct", "speaker": "Lavrov"}).json()
    assert direct["total"] > 0 and all(i["kind"] == "direct" for i in direct["items"])
    dated = client.get("/api/statements", params={"since": "2022-01", "until": "2022-12"}).json()
    assert all(i["published"].startswith("2022") for i in dated["items"])


@pytest.mark.parametrize(("params", "word"), [
    ({"limit": 201}, "limit"),
    ({"limit": 0}, "limit"),
    ({"offset": -1}, "offset"),
    ({"limit": "ten"}, "limit"),
    ({"since": "last week"}, "since"),
    ({"kind": "rumour"}, "kind"),
    ({"q": "x" * 501}, "q"),
])
def test_malformed_parameters_answer_422_with_a_message(client: TestClient,
                                                        params: dict[str, object],
                                                        word: str) -> None:
    r = client.get("/api/statements", params=params)
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["status"] == 422 and word in error["message"]


def test_speakers_speaker_article_cluster_relations(client: TestClient) -> None:
    speakers = client.get("/api/speakers").json()["items"]
    lavrov = next(s for s in speakers if "Lavrov" in s["name"])
    profile = client.get(f"/api/speakers/{lavrov['id']}").json()
    assert profile["statements"] > 30 and profile["by_month"]
    item = client.get("/api/statements", params={"q": "NATO"}).json()["items"][0]
    article = client.get(f"/api/articles/{item['article_id']}").json()
    assert any(s["id"] == item["id"] for s in article["statements"])
    cluster = client.get(f"/api/clusters/{item['cluster_id']}").json()
    assert any(m["statement_id"] == item["id"] for m in cluster["members"])
    rel = client.get("/api/relations", params={"source": "RUS", "by": "year"}).json()
    assert rel["items"] and all(r["source"] == "RUS" for r in rel["items"])
    assert client.get("/api/relations", params={"by": "week"}).status_code == 422


def test_unknown_ids_answer_404_in_the_error_shape(client: TestClient) -> None:
    for url in ("/api/statements/999999", "/api/speakers/999999", "/api/clusters/999999",
                "/api/articles/0123456789abcdef"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert r.json()["error"]["message"]
    assert client.get("/api/articles/not-an-id").status_code == 422
    assert client.get("/speakers/999999").status_code == 404


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ("/", "/api/statements", "/docs", "/openapi.json", "/static/style.css",
                "/nothing-here", "/api/statements?limit=999"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, url
        assert "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"]


def test_openapi_schema_and_self_hosted_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/statements", "/api/speakers", "/api/speakers/{speaker_id}",
                 "/api/articles/{article_id}", "/api/clusters/{cluster_id}", "/api/relations"):
        assert path in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/statements" in docs.text
    assert "<script" not in docs.text and "cdn" not in docs.text.lower()


def test_pages_render(client: TestClient) -> None:
    search = client.get("/", params={"q": "NATO"})
    assert search.status_code == 200 and "<mark>NATO</mark>" in search.text
    assert "/api/statements.csv?q=NATO" in search.text
    item = client.get("/api/statements", params={"q": "NATO"}).json()["items"][0]
    for url in (f"/statements/{item['id']}", f"/speakers/{item['speaker_id']}",
                f"/clusters/{item['cluster_id']}", f"/articles/{item['article_id']}",
                "/speakers", "/relations", "/relations?source=RUS&target=European+Union"):
        assert client.get(url).status_code == 200, url
    svg = client.get(f"/speakers/{item['speaker_id']}/timeline.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml") and "<svg" in svg.text
    assert "sandbox" in svg.headers["content-security-policy"]


def test_downloads(client: TestClient) -> None:
    csv_text = client.get("/api/statements.csv", params={"q": "NATO"}).text
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("id,published,outlet,speaker")
    total = client.get("/api/statements", params={"q": "NATO"}).json()["total"]
    data = client.get("/api/statements.json", params={"q": "NATO"}).json()
    assert len(data) == total
    # A cell starting with = + - @ would be a formula to a spreadsheet: it is kept as text.
    from quotetrace.web.api import _csv_cell

    assert _csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _csv_cell("plain") == "plain"


def test_hostile_article_is_escaped_everywhere(client: TestClient, db: Path) -> None:
    found = client.get("/api/statements", params={"q": "DROP TABLE statements"}).json()
    assert found["total"] == 1  # the text is data: searched for, never executed
    item = client.get("/api/statements", params={"outlet": "Evil"}).json()["items"][0]
    hostile = client.get("/api/statements", params={"speaker": HOSTILE_SPEAKER}).json()
    assert hostile["total"] >= 1
    urls = ["/?q=NATO&outlet=Evil", f"/articles/{item['article_id']}",
            f"/statements/{hostile['items'][0]['id']}",
            f"/speakers/{hostile['items'][0]['speaker_id']}", "/speakers",
            f"/clusters/{item['cluster_id']}", f"/?q={HOSTILE_SPEAKER}"]
    for url in urls:
        html = client.get(url).text
        assert "<script>window.__xss" not in html and "<script>alert" not in html, url
        assert "<img src=x" not in html and "<svg onload" not in html, url
        assert 'href="javascript:' not in html, url
    article = client.get(f"/articles/{item['article_id']}").text
    assert "&lt;script&gt;" in article and "&lt;img src=x onerror=alert(1)&gt;Evil" in article
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM statements").fetchone()[0] > 100


def test_ingest_needs_a_token(db: Path, tmp_path: Path) -> None:
    body = HOSTILE_TEXT.replace("Petrov", "Sidorov").encode()
    with TestClient(create_app(db)) as readonly:  # no token configured: no such route
        assert readonly.post("/api/ingest", content=body,
                             headers={"content-type": "text/plain"}).status_code == 404
    copy = tmp_path / "copy.db"
    with sqlite3.connect(db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with TestClient(create_app(copy, readonly=False, token="s3cret")) as c:
        plain = {"content-type": "text/plain"}
        assert c.post("/api/ingest", content=body, headers=plain).status_code == 401
        wrong = {**plain, "authorization": "Bearer nope"}
        assert c.post("/api/ingest", content=body, headers=wrong).status_code == 403
        good = {**plain, "authorization": "Bearer s3cret"}
        odd = c.post("/api/ingest", content=body,
                     headers={**good, "content-type": "application/pdf"})
        assert odd.status_code == 415
        r = c.post("/api/ingest", content=body, headers=good)
        assert r.status_code == 201, r.text
        assert r.json()["new"] == 1 and r.json()["statements"] >= 2
        assert c.get("/api/statements", params={"speaker": "Sidorov"}).json()["total"] >= 1
    with TestClient(create_app(copy, readonly=True, token="s3cret")) as ro:
        r = ro.post("/api/ingest", content=body,
                    headers={"content-type": "text/plain", "authorization": "Bearer s3cret"})
        assert r.status_code == 403


def test_large_results_stream_most_recent_first(db: Path) -> None:
    """Past ``small`` matches the store's plan streams from the index; the same statements match
    as in its straightforward search, only the order and the total's exactness differ (every
    filter shape: tests/test_search.py)."""
    from quotetrace.store import Filters, open_store

    with open_store(db, readonly=True) as store:
        small = store.find("NATO", Filters(limit=200))
        assert small.order == "published" and small.exact
        assert [r.id for r in small.rows] == [r.id for r in store.search(
            "NATO", Filters(limit=200))]
        big = store.find("NATO", Filters(limit=5), small=3)
        assert big.order == "added" and big.exact and big.total == small.total and big.more
        assert [r.id for r in big.rows] == sorted((r.id for r in small.rows), reverse=True)[:5]
        filtered = store.find("NATO", Filters(outlet="TASS", limit=200), small=3)
        expected = store.search("NATO", Filters(outlet="TASS", limit=200))
        assert {r.id for r in filtered.rows} == {r.id for r in expected}
        about = store.find(None, Filters(about="European Union", limit=200), small=3)
        expected = store.search(None, Filters(about="European Union", limit=200))
        assert [r.id for r in about.rows] == [r.id for r in expected] and expected
