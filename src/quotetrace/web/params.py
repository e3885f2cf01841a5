"""Query parameters shared by the API and the pages, validated once (422 with a clear message).

Empty strings count as absent: an HTML form sends every field, filled or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from ..store import Filters

MAX_LIMIT = 200
# Deep offsets make SQLite walk and sort every earlier row; past this, narrow the search.
MAX_OFFSET = 10_000
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
KIND = r"^(direct|mixed|indirect|transcript)?$"

Text = Annotated[str | None, Query(max_length=200)]


@dataclass(frozen=True, slots=True)
class Search:
    q: str | None
    filters: Filters

    def as_params(self) -> dict[str, object]:
        f = self.filters
        return {"q": self.q, "speaker": f.speaker, "outlet": f.outlet, "kind": f.kind,
                "about": f.about, "since": f.since, "until": f.until}


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def search_params(
    q: Annotated[str | None, Query(max_length=500, description="Words that must all occur")]
    = None,
    speaker: Annotated[str | None, Query(max_length=200,
                                         description="Speaker name or alias contains")] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="Outlet name contains")]
    = None,
    kind: Annotated[str | None, Query(pattern=KIND,
                                      description="direct, mixed, indirect or transcript")]
    = None,
    about: Annotated[str | None, Query(max_length=200,
                                       description="Entity the statement is about")] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
    = None,
    until: Annotated[str | None, Query(pattern=DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
    = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")] = 0,
) -> Search:
    return Search(_clean(q), Filters(
        speaker=_clean(speaker), outlet=_clean(outlet), kind=_clean(kind), about=_clean(about),
        since=_clean(since), until=_clean(until), limit=limit, offset=offset))
