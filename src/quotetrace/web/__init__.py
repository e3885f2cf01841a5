"""The HTTP API and server-rendered pages over a store: a thin shell, like the CLI.

``create_app(db_path)`` builds the FastAPI app; ``quotetrace serve`` runs it under uvicorn.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
