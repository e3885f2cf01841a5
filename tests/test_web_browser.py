"""End to end in a real browser: Debian's chromium, headless, driven by Playwright against a real
uvicorn server. Searches, follows links by keyboard and mouse, proves hostile text never runs,
and keeps screenshots under ci-artifacts/screenshots/ for a human to look at."""

from __future__ import annotations

import os
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn

from quotetrace.web import create_app
from test_web_api import build_store  # the same seeded, hostile store the API tests use

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "ci-artifacts" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic"]


def _need_browser() -> Any:
    """Playwright's sync API, or a skip with the reason; under CI a missing browser fails."""
    missing = None
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} not found (apt-get install chromium)"
    try:
        from playwright import sync_api
    except ImportError:
        missing = "the playwright package is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser test cannot run under CI: {missing}")
        pytest.skip(missing)
    return sync_api


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(shared, tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Page]:
    sync_api = _need_browser()
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900},
                                      java_script_enabled=True)
        pg = context.new_page()
        pg.dialogs = []  # type: ignore[attr-defined]

        def record(dialog: Any) -> None:
            pg.dialogs.append(dialog.message)  # type: ignore[attr-defined]
            dialog.dismiss()

        pg.on("dialog", record)
        yield pg
        context.close()
        browser.close()


def _image_loaded(page: Page, selector: str) -> bool:
    return bool(page.eval_on_selector(selector, "img => img.complete && img.naturalWidth > 0"))


def test_search_speaker_cluster_article(page: Page, server: str) -> None:
    page.goto(server + "/")
    # Keyboard first: the first Tab reaches the skip link, and focus is visible.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.fill("#q", "NATO")
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=NATO*")
    assert page.locator("ol.results li").count() > 5
    assert page.locator("ol.results mark", has_text="NATO").count() > 5
    assert page.get_by_role("link", name="CSV").is_visible()
    page.screenshot(path=str(SHOTS / "1-search-nato.png"), full_page=False)

    page.locator("ol.results .meta a[href^='/speakers/']", has_text="Lavrov").first.click()
    page.wait_for_url("**/speakers/*")
    assert page.locator("h1").inner_text()
    page.wait_for_load_state("networkidle")
    assert _image_loaded(page, "figure.chart img"), "the timeline plot did not load"
    assert page.locator("h2", has_text="Most frequent targets").is_visible()
    page.screenshot(path=str(SHOTS / "2-speaker.png"), full_page=True)

    page.goto(server + "/?q=NATO&limit=200")
    compare = page.locator("a", has_text="compare").first
    assert compare.count(), "no statement about NATO was reported twice"
    compare.click()
    page.wait_for_url("**/clusters/*")
    assert page.locator("li.report").count() >= 2
    page.screenshot(path=str(SHOTS / "3-cluster.png"), full_page=True)

    page.locator("li.report a", has_text="In ").first.click()
    page.wait_for_url("**/articles/*")
    target = page.url.split("#", 1)[1]
    assert page.locator(f"#{target}").is_visible()
    assert page.locator("mark.st").count() > 3
    page.locator("details.removed summary").click()
    page.screenshot(path=str(SHOTS / "4-article.png"), full_page=False)
    assert not page.dialogs  # type: ignore[attr-defined]


def test_relations_plot(page: Page, server: str) -> None:
    page.goto(server + "/relations")
    page.locator("ul.pairs a").first.click()
    page.wait_for_url("**/relations?*")
    page.wait_for_load_state("networkidle")
    assert _image_loaded(page, "figure.chart img")
    page.screenshot(path=str(SHOTS / "5-relations.png"), full_page=True)
    page.goto(server + "/docs")
    assert page.locator("h2 code", has_text="GET /api/statements").first.is_visible()
    page.screenshot(path=str(SHOTS / "7-api-docs.png"), full_page=False)


def test_statement_permalink_and_cite(page: Page, server: str) -> None:
    page.goto(server + "/?q=NATO&speaker=Lavrov")
    page.locator("ol.results a", has_text="Permalink").first.click()
    page.wait_for_url("**/statements/*")
    cite = page.locator("textarea.cite").input_value()
    assert "Sergey Lavrov" in cite and "/statements/" in cite and "NATO" in cite
    page.screenshot(path=str(SHOTS / "8-statement.png"), full_page=False)


def test_hostile_article_runs_nothing(page: Page, server: str, db: Path) -> None:
    page.goto(server + "/?outlet=Evil")
    links = page.locator("ol.results a[href^='/articles/']")
    assert links.count() >= 1
    visited = [server + "/?outlet=Evil", server + "/?q=DROP+TABLE+statements"]
    for href in ["/articles/", "/statements/", "/speakers/", "/clusters/"]:
        first = page.locator(f"ol.results a[href^='{href}']").first
        if first.count():
            visited.append(server + str(first.get_attribute("href")))
    for url in [*visited, server + "/speakers"]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        # Hover and focus everything an injected handler could hang on.
        for el in page.locator("main a, main mark, main blockquote").all()[:60]:
            el.hover()
        assert page.evaluate("typeof window.__xss") == "undefined", url
        assert not page.dialogs, (url, page.dialogs)  # type: ignore[attr-defined]
    page.goto(visited[2] if len(visited) > 2 else visited[0])
    page.screenshot(path=str(SHOTS / "6-hostile-article.png"), full_page=True)
    # The title's "><script> shows as text, the javascript: URL is not a link.
    assert page.locator("a[href^='javascript:']").count() == 0
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM statements").fetchone()[0] > 100
