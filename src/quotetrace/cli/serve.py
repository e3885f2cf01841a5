"""``quotetrace serve``: the HTTP API and pages over a store, under uvicorn."""

from __future__ import annotations

import os

import click

from ..errors import QuotetraceError
from .common import db_option, main

TOKEN_ENV = "QUOTETRACE_TOKEN"


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0 exposes the server to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(db: str | None, host: str, port: int) -> None:
    """Serve the store read-only: pages at /, JSON under /api/, API docs at /docs.

    Setting QUOTETRACE_TOKEN in the environment enables POST /api/ingest for requests that
    send 'Authorization: Bearer <token>'.
    """
    import uvicorn

    from ..store import default_path, open_store
    from ..web import create_app

    token = os.environ.get(TOKEN_ENV) or None
    path = db or str(default_path())
    try:
        if token:
            open_store(path).close()  # an ingesting server may start on an empty store
        app = create_app(path, readonly=token is None, token=token)
    except QuotetraceError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"quotetrace: serving {path} at http://{host}:{port}/ "
               f"({'ingest enabled with token' if token else 'read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False,
                server_header=False)
