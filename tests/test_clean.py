"""The clean stage on invented pages: boilerplate out, content and metadata kept."""

from __future__ import annotations

import pytest

from quotetrace.clean import clean
from quotetrace.errors import CleaningError
from quotetrace.model import Source
from quotetrace.options import Options

OPTIONS = Options()


def text_article(text: str, **hints: str):
    return clean(Source(uri="mem:test", doc="test.txt", media="text", text=text, **hints), OPTIONS)


# An invented scraped page with the kinds of chrome real pages carry.
PAGE = """\
 date 2024-03-05 icon search-icon menuicon closeicon shareicon chevron lefticon chevron righticon
5 Mar, 2024 08:10
HomeWorld News

Harbour workers end strike after pay deal – union

The dockers' union says the agreement covers two years of wages and pensions

Harbour workers end strike after pay deal – union
Dockers at the quay in Port Wendel © Wendel Photo Agency / Ana Ruiz

PORT WENDEL, March 5. /Example Wire/. Dockers in Port Wendel returned to work on Tuesday after \
their union accepted a pay offer that raises wages by six percent over two years, union leader \
Tomas Grill said.

"This is a fair deal and our members voted for it," Grill told reporters outside the union hall.

Ship owners reject new port fees READ MORE: Ship owners reject new port fees

SHIP OWNERS WARN OF HIGHER PRICES AFTER MONTHS OF DELAYS AT THE QUAY

Yes.

Pay and pensions

"We will watch every step of the way," he added.

Top stories

Fishing fleet returns early as storm nears
Fishing fleet returns early as storm nears FEATURE
0:00
12:41
Example Wire News App
© Example Wire Media Group, 2010–2024. All rights reserved.
This website uses cookies. Read our privacy policy to find out more.
Accept cookies
"""


def test_page_chrome_is_removed_and_content_kept() -> None:
    a = text_article(PAGE)
    for chrome in (
        "menuicon",
        "HomeWorld",
        "Wendel Photo Agency",
        "READ MORE",
        "SHIP OWNERS WARN",
        "Top stories",
        "FEATURE",
        "12:41",
        "News App",
        "All rights reserved",
        "cookies",
        "date 2024-03-05",
    ):
        assert chrome not in a.body, chrome
    for content in (
        "The dockers' union says the agreement covers",  # standfirst stays in the body
        "This is a fair deal and our members voted for it",
        "Yes.",  # short paragraphs are content too
        "Pay and pensions",  # a heading
        "We will watch every step of the way",
    ):
        assert content in a.body, content
    assert a.title == "Harbour workers end strike after pay deal – union"
    assert a.title not in a.body
    assert a.standfirst is not None and a.standfirst.startswith("The dockers' union")
    assert a.published == "2024-03-05" and a.published_precision == "day"
    assert a.language == "en"
    assert any("READ MORE" in r for r in a.removed)
    assert a.body.count("\n\n") >= 5


@pytest.mark.parametrize(
    ("text", "published", "precision"),
    [
        # a dateline without a year: month and day only, never a guessed year
        (
            "Minister resigns\n\nLISBON, November 30. /TASS/. The minister resigned on Friday "
            "after a week of protests over the new budget, his office said in a short statement.",
            "--11-30",
            "month-day",
        ),
        # a timestamp line in the head
        (
            "Minister resigns\n\n31 December 2021 11:15\n\nThe minister resigned on Friday after "
            "a week of protests over the new budget, his office said in a short statement.",
            "2021-12-31",
            "day",
        ),
        # dates in a caption or in the story are events, not the publication date
        (
            "Minister resigns\n\nThe minister resigned on Friday after a week of protests over "
            "the new budget, his office said in a short statement on March 3, 2023.\n\n"
            "FILE - The minister speaks in parliament, Thursday, Nov. 10, 2022.\n(AP Photo/File)",
            None,
            None,
        ),
        ("Minister resigns\n\nDecember 31, 2021\n\nHe quit.", "2021-12-31", "day"),
    ],
)
def test_publication_date(text: str, published: str | None, precision: str | None) -> None:
    a = text_article(text)
    assert (a.published, a.published_precision) == (published, precision)


def test_caption_printed_twice_goes_with_its_credit_and_date() -> None:
    caption = "FILE - A ferry leaves the harbour at dawn, Thursday, Nov. 10, 2022."
    text = (
        "Ferry line closes\n\nThe ferry line between the two islands will close next month, "
        "the operator said, citing the rising cost of fuel and a shortage of crews.\n\n"
        f"{caption}\n\n{caption.replace(' - ', ' – ')}\n(Example Photo/File)\n\n"
        "Passengers said they would miss the service."
    )
    a = text_article(text)
    assert "ferry leaves the harbour" not in a.body
    assert "Example Photo" not in a.body
    assert "Passengers said they would miss the service." in a.body
    assert a.published is None


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # a related-story teaser in capitals between paragraphs goes ...
        ("MAYOR RESIGNS AFTER WEEKS OF PROTESTS OVER FUEL PRICES IN THE CAPITAL", False),
        # ... a short heading in capitals stays
        ("THE BUDGET", True),
        # a quote written in capitals is prose and stays
        (
            '"WE WILL NOT GIVE UP THIS FIGHT, NOT TODAY AND NOT TOMORROW, WHATEVER THEY SAY '
            'ABOUT US IN THE PAPERS," THE CROWD CHANTED OUTSIDE THE BUILDING ON MONDAY.',
            True,
        ),
    ],
)
def test_headline_in_capitals(line: str, kept: bool) -> None:
    para = (
        "The council approved the budget on Monday after a long debate about the cost of the "
        "new tram line and the repairs to the old bridge, officials said."
    )
    later = para.replace("Monday", "Friday")
    a = text_article(f"Council approves budget\n\n{para}\n\n{line}\n\n{later}")
    assert (line in a.body) is kept


def test_outlet_from_dateline_app_line_and_hint() -> None:
    body = (
        "Talks resume\n\nKYIV (Reuters) - Talks between the two sides resumed on Monday, "
        "officials said, after a pause of three weeks that both blamed on the other."
    )
    assert text_article(body).outlet == "Reuters"
    # the site printing agency copy is the outlet
    assert text_article(body + "\n\nCLICK HERE TO GET THE FOX NEWS APP").outlet == "Fox News"
    assert text_article(body, outlet="Example Daily").outlet == "Example Daily"
    assert text_article(body, url="https://www.theguardian.com/world/x").outlet == "The Guardian"
    # an unknown site's domain is the last resort, after what the page itself says
    app = body + "\n\nCLICK HERE TO GET THE FOX NEWS APP"
    assert text_article(app, url="https://mirror.example.net/a").outlet == "Fox News"
    plain = "Talks resume\n\n" + PARA
    assert text_article(plain, url="https://news.example.co.uk/a").outlet == "example.co.uk"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Minister sagte am Montag, die Gespräche würden nächste Woche weitergehen.", "de"),
        ("Le ministre a déclaré lundi que les négociations reprendraient bientôt.", "fr"),
        ("The minister said on Monday that talks would resume next week in the capital.", "en"),
        ("Harbour Rules Face Key Test In Court.", None),  # too unsure to say
        ("Yes, he said.", None),  # too short to say
    ],
)
def test_language(text: str, lang: str | None) -> None:
    from quotetrace.clean.language import detect

    assert detect(text) == lang


def test_non_english_article_gets_its_language() -> None:
    a = text_article(
        "Министр иностранных дел заявил в понедельник, что переговоры будут продолжены "
        "на следующей неделе в столице, несмотря на разногласия сторон."
    )
    assert a.language == "ru"


def test_same_text_same_id() -> None:
    a = text_article("Title line here\n\nSome body text that is long enough to be read as prose.")
    b = text_article("Title line here\n\nSome  body text that is long enough to be read as prose.")
    assert a.id == b.id and len(a.id) == 16


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "Accept cookies\nPrivacy policy\nTop stories\n"],
)
def test_no_usable_text_is_a_cleaning_error(text: str) -> None:
    with pytest.raises(CleaningError):
        text_article(text)


PARA = (
    "The council approved the budget on Monday after a long debate about the cost of the new "
    "tram line and the repairs to the old bridge, officials said."
)


@pytest.mark.parametrize(
    "line",
    [
        # reported speech stays whatever words it uses
        '"I just liked what he said and wanted to make a donation," said Ana Ruiz, who owns a '
        "bakery on the square and gave twice this year.",
        '"Click here and sign up, they told us, and we did," the baker said of the new online '
        "ordering system that the council launched on Monday.",
        # a numbered heading in capitals heads a list item, it is no teaser
        "3. WHY THE OLD BRIDGE STILL MATTERS TO THE TOWN.",
        # mojibake of é ("Ã©") holds a © sign but is no copyright line
        "The mayor has an impressive rÃ©sumÃ© after twenty years in the council.",
        # a paragraph the page placed a photo after, printed once, is content
        "The tram line will open in the spring of next year, the council said.",
    ],
)
def test_content_that_looks_like_chrome_is_kept(line: str) -> None:
    text = f"Council approves budget\n\n{PARA}\n\n{line}\nAna Ruiz via Getty Images\n\n{PARA}"
    a = text_article(text)
    assert line in a.body
    assert "Getty Images" not in a.body


def test_headline_with_a_label_is_a_title_and_transcripts_are_body() -> None:
    a = text_article(f"Poll: Voters split on the new tram line.\n\n{PARA}")
    assert a.title == "Poll: Voters split on the new tram line."
    transcript = "Question: Will the bridge open?\n\nMayor: Yes, in the spring, as we promised."
    b = text_article(transcript)
    assert b.title is None and b.body.startswith("Question: Will the bridge open?")


def test_pronoun_in_a_newsletter_line_names_no_outlet() -> None:
    a = text_article(f"Council approves budget\n\n{PARA}\n\nSign up for her newsletter, Notes.")
    assert a.outlet is None
    assert "newsletter" not in a.body


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("1 Dec, 2022 09:56", "2022-12-01"),
        ("Published: Nov. 30, 2017 10:00 AM ET", "2017-11-30"),
        ("12:30 GMT, 5 March 2024", "2024-03-05"),
        ("Updated 5 March 2024 | 10:30", "2024-03-05"),
        ("4th July 2023 at 9.15pm BST", "2023-07-04"),
        ("2024/03/05", "2024-03-05"),
        ("2022-01-14T10:00:00Z", "2022-01-14"),
        ("March 4", None),  # no year: a timestamp line must say it
        ("2024-02-30", None),  # no such day
        ("The minister met on March 4, 2024 in Rome", None),  # a sentence, not a timestamp
    ],
)
def test_timestamp_lines(line: str, value: str | None) -> None:
    from quotetrace.clean.dates import timestamp_line

    found = timestamp_line(line)
    assert (found.value if found else None) == value


WIRE_PAGE = """\
Skip to main content
World
Business
Fishing quotas deal struck after all-night talks
By Jane Doe and John Roe
4 minute read
March 5, 2024 10:14 PM UTC Updated 2 hours ago

BRUSSELS, March 5 (Example Wire) - Ministers agreed on fishing quotas for the North Sea early \
on Tuesday after all-night talks, diplomats said, ending a dispute that had threatened the \
livelihoods of thousands of fishermen.
Advertisement · Scroll to continue
Related coverage
Fishermen protest outside parliament
Norway warns over mackerel shares
"We will review the numbers in June," the commissioner said.
Reporting by Jane Doe; Editing by John Roe
Follow us on Twitter
"""


def test_wire_page_teaser_block_ends_at_the_article_s_next_sentence() -> None:
    a = text_article(WIRE_PAGE)
    assert a.body.splitlines()[0].startswith("BRUSSELS, March 5")
    assert '"We will review the numbers in June," the commissioner said.' in a.body
    for chrome in ("Skip to", "minute read", "Advertisement", "Related", "mackerel", "Editing"):
        assert chrome not in a.body, chrome
    assert a.title == "Fishing quotas deal struck after all-night talks"
    assert a.published == "2024-03-05"  # the timestamp's year wins over the year-less dateline
    assert a.standfirst is None
