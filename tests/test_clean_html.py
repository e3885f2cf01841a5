"""HTML pages through the clean stage: main text and metadata from an invented page."""

from __future__ import annotations

from quotetrace.clean import clean
from quotetrace.clean.outlets import title_without_site
from quotetrace.model import Source
from quotetrace.options import Options

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour talks resume after a year | The Example Courier</title>
<meta property="og:site_name" content="The Example Courier">
<meta property="og:title" content="Harbour talks resume after a year | The Example Courier">
<meta name="description" content="Ministers of the two countries meet again in Port Wendel">
<meta property="article:published_time" content="2025-03-04T09:30:00+00:00">
<link rel="canonical" href="https://www.theguardian.com/world/2025/mar/04/harbour-talks">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour talks resume after a year</h1>
<p>Ministers of Norland and Estmark met in Port Wendel on Tuesday to reopen talks on the shared
harbour, a year after the last round ended without agreement.</p>
<p>"We have waited long enough. The harbour belongs to the people who work in it," Norland's
foreign minister Amara Velde told reporters after the meeting.</p>
<figure><img src="a.jpg"><figcaption>Dockers at work in Port Wendel, Friday, Nov. 10, 2023.
</figcaption></figure>
<p>Estmark's minister said a first round of technical talks could start in April, and that
both sides had agreed to publish the fishing quotas before the summer.</p>
<p>The two governments will meet again in May to review progress on the quotas and on the
repairs to the old pier.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Storm closes ferry line</a></li></ul></aside>
<footer>© 2025 Example Courier Media. All rights reserved.</footer>
</body></html>"""


def test_html_article_body_and_metadata() -> None:
    source = Source(uri="mem:page", doc="page.html", media="html", raw=PAGE.encode())
    a = clean(source, Options())
    assert "We have waited long enough" in a.body
    assert "technical talks could start in April" in a.body
    assert "Most read" not in a.body and "All rights reserved" not in a.body
    assert "\n\n" in a.body
    assert a.title == "Harbour talks resume after a year"
    assert a.published == "2025-03-04" and a.published_precision == "day"
    assert a.outlet == "The Guardian"  # a known domain wins over the page's own site name
    assert a.url == "https://www.theguardian.com/world/2025/mar/04/harbour-talks"
    assert a.standfirst == "Ministers of the two countries meet again in Port Wendel"
    assert a.language == "en"


def test_container_hints_win_over_the_page() -> None:
    source = Source(
        uri="mem:page",
        doc="page.html",
        media="html",
        text=PAGE,
        url="https://courier.example/harbour",
        published="2025-03-05",
        outlet="Example Courier",
        title="Talks resume",
    )
    a = clean(source, Options())
    assert (a.outlet, a.published, a.title) == ("Example Courier", "2025-03-05", "Talks resume")
    assert a.url == "https://courier.example/harbour"


def test_title_loses_only_the_site_name() -> None:
    assert title_without_site("Talks fail – Lavrov", "RT", "rt.com") == "Talks fail – Lavrov"
    assert title_without_site("RT - Talks fail – Lavrov", "RT") == "Talks fail – Lavrov"
    assert title_without_site("Storm hits coast | The Courier", "Courier") == "Storm hits coast"
    assert title_without_site("Courier", "The Courier") == "Courier"


def test_description_repeating_the_first_paragraph_is_no_standfirst() -> None:
    opening = "Ministers of Norland and Estmark met in Port Wendel on Tuesday to reopen talks"
    page = PAGE.replace("Ministers of the two countries meet again in Port Wendel", opening + "...")
    source = Source(uri="mem:page", doc="page.html", media="html", raw=page.encode())
    assert clean(source, Options()).standfirst is None
