"""Server-rendered pages: every one works without JavaScript, each statement has an address."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..store.events import RelationFilters
from . import charts, queries
from .api import ArticleId, Id, Params, Store
from .cache import landing_counts, profiles, speaker_lists
from .render import cite, mark_differences, templates
from .security import SVG_CSP
from .segments import article_paragraphs

router = APIRouter(include_in_schema=False)
Actor = Annotated[str | None, Query(max_length=200)]


def page(request: Request, template: str, status: int = 200, **context: object) -> HTMLResponse:
    body = templates.get_template(template).render(request=request, **context)
    return HTMLResponse(body, status_code=status)


def svg(body: str) -> Response:
    return Response(body, media_type="image/svg+xml", headers={
        "Content-Security-Policy": SVG_CSP, "Cache-Control": "private, max-age=60"})


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.get("/", response_class=HTMLResponse)
def search(request: Request, store: Store, s: Params) -> HTMLResponse:
    searched = any(v for v in s.as_params().values())
    found = store.find(s.q, s.filters) if searched else None
    rows = found.rows if found else []
    sizes = queries.cluster_sizes(store.db, [r.cluster_id for r in rows])
    return page(request, "search.html", s=s, params=s.as_params(), rows=rows, found=found,
                total=found.total if found else 0, searched=searched, sizes=sizes,
                counts=landing_counts.get(str(store.path), store.counts))


@router.get("/statements/{statement_id}", response_class=HTMLResponse)
def statement(request: Request, store: Store, statement_id: Id) -> HTMLResponse:
    row = store.statement(statement_id)
    if row is None:
        raise HTTPException(404, f"no statement {statement_id}")
    size = queries.cluster_sizes(store.db, [row.cluster_id]).get(row.cluster_id or 0, 0)
    return page(request, "statement.html", row=row, cluster_size=size,
                cite=cite(asdict(row), base_url(request)))


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, store: Store,
             name: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    wanted = (name or "").strip() or None
    rows = speaker_lists.get((str(store.path), wanted), lambda: store.speakers(wanted))
    return page(request, "speakers.html", rows=rows[:500], total=len(rows), name=name or "")


def _profile(store: Store, speaker_id: int) -> dict[str, object]:
    if not queries.speaker_exists(store.db, speaker_id):
        raise HTTPException(404, f"no speaker {speaker_id}")
    return profiles.get((str(store.path), speaker_id),
                        lambda: store.speaker_profile(speaker_id))


@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker(request: Request, store: Store, speaker_id: Id) -> HTMLResponse:
    profile = _profile(store, speaker_id)
    return page(request, "speaker.html", p=profile,
                latest=queries.latest_statements(store.db, speaker_id),
                targets=queries.top_targets(store.db, speaker_id))


@router.get("/speakers/{speaker_id}/timeline.svg")
def speaker_timeline(store: Store, speaker_id: Id) -> Response:
    profile = _profile(store, speaker_id)
    return svg(charts.timeline_svg(profile["by_month"],  # type: ignore[arg-type]
                                   f"Statements a month by {profile['name']}, by topic"))


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(request: Request, store: Store, cluster_id: Id) -> HTMLResponse:
    found = store.cluster(cluster_id)
    if found is None:
        raise HTTPException(404, f"no cluster {cluster_id}")
    for m in found.members:
        m["marked"] = mark_differences(str(m["text"]), m["differs"])  # type: ignore[arg-type]
    return page(request, "cluster.html", c=found)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, store: Store, article_id: ArticleId) -> HTMLResponse:
    found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    paragraphs = article_paragraphs(str(found["body"]), found["statements"])  # type: ignore[arg-type]
    return page(request, "article.html", a=found, paragraphs=paragraphs)


def _relation_filters(source: str | None, target: str | None, by: str) -> RelationFilters:
    return RelationFilters(source=(source or "").strip() or None,
                           target=(target or "").strip() or None, by=by)


@router.get("/relations", response_class=HTMLResponse)
def relations(request: Request, store: Store, source: Actor = None, target: Actor = None,
              by: Literal["month", "year"] = "month") -> HTMLResponse:
    f = _relation_filters(source, target, by)
    rows = store.relations(f) if f.source or f.target else []
    periods: dict[str, dict[str, object]] = {}
    for r in rows:
        p = periods.setdefault(str(r["period"]), {"period": r["period"], "cooperation": 0,
                                                  "conflict": 0, "other": 0, "events": []})
        n = int(r["count"])  # type: ignore[call-overload]
        side = ("other" if r["negated"] or r["hypothetical"] else
                "cooperation" if "cooperation" in str(r["quad"]) else
                "conflict" if "conflict" in str(r["quad"]) else "other")
        p[side] += n  # type: ignore[operator]
        p["events"].append(r)  # type: ignore[attr-defined]
    for p in periods.values():
        coop, conf = int(p["cooperation"]), int(p["conflict"])  # type: ignore[call-overload]
        p["balance"] = round((coop - conf) / (coop + conf), 2) if coop + conf else None
    return page(request, "relations.html", f=f, periods=list(periods.values()),
                params={"source": f.source, "target": f.target, "by": f.by},
                pairs=queries.top_pairs(store.db) if not rows else [])


@router.get("/relations.svg")
def relations_chart(store: Store, source: Actor = None, target: Actor = None,
                    by: Literal["month", "year"] = "month") -> Response:
    f = _relation_filters(source, target, by)
    rows = store.relations(f)
    title = f"Events {f.source or 'any actor'} → {f.target or 'any actor'}, by {f.by}"
    return svg(charts.relations_svg(rows, title))


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API's documentation from its OpenAPI schema, without Swagger UI's CDN and script."""
    schema = request.app.openapi()
    return page(request, "docs.html", schema=schema)
