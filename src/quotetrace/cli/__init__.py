"""The command-line tool. ``main`` is the console script; importing the command modules
registers their commands on it."""

from . import extracting, relations, searching, serve
from .common import main

__all__ = ["extracting", "main", "relations", "searching", "serve"]
