"""The app factory: one read-only store connection a worker thread, templates, error shape."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import QuotetraceError
from ..store import SQLiteStore, Totals, open_store
from . import api, pages
from .render import templates
from .security import SecurityHeaders

HERE = Path(__file__).parent


class Stores:
    """A read-only connection for each worker thread: SQLite readers never wait for each other
    nor (in WAL mode) for the writer, whereas one shared connection would serialise requests."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._all: list[SQLiteStore] = []
        self._lock = threading.Lock()
        self.totals = Totals()  # counts one thread paid for serve the others

    def get(self) -> SQLiteStore:
        store: SQLiteStore | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.path, readonly=True, check_same_thread=False,
                               totals=self.totals)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()


def create_app(db_path: str | Path, *, readonly: bool = True, token: str | None = None) -> FastAPI:
    """The web app over the store at ``db_path``.

    ``readonly=False`` together with a ``token`` enables ``POST /api/ingest`` (a separate
    writable store, opened per request); every other route only reads.
    """
    path = Path(db_path)
    stores = Stores(path)
    stores.get().close()  # fail now, with the store's own message, if the file is unusable
    stores = Stores(path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="quotetrace",
        summary="Who said what, when, about whom, and how each outlet reported it.",
        version="1",
        docs_url=None,  # Swagger UI needs a CDN and inline script: /docs is our own page
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.db_path = path
    app.state.readonly = readonly
    app.state.token = token
    app.state.ingest_lock = threading.Lock()
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str, details: list[str] | None = None,
           headers: dict[str, str] | None = None) -> Response:
    """One error shape: ``{"error": {"status", "message", "details"}}`` for the API, the same
    words on an HTML page for the pages."""
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message,
                                       "details": details or []}},
                            status_code=status, headers=headers)
    body = templates.get_template("error.html").render(
        request=request, status=status, message=message, details=details or [])
    return HTMLResponse(body, status_code=status, headers=headers)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
            got = e.get("input")
            shown = f" (got {got!r})" if isinstance(got, str | int | float) else ""
            details.append(f"{where}: {e.get('msg', 'invalid')}{shown}")
        return _error(request, 422, "invalid parameters: " + "; ".join(details), details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail),
                      headers=getattr(exc, "headers", None))

    @app.exception_handler(sqlite3.OperationalError)
    @app.exception_handler(QuotetraceError)
    async def busy(request: Request, exc: Exception) -> Response:
        # A store error on a read is a busy or vanished file; the user can retry, and the
        # message names the cause without SQL or paths.
        return _error(request, 503, "the store is busy or unavailable; try again in a moment",
                      headers={"Retry-After": "1"})
