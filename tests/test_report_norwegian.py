"""The report page and the calendar feed in Norwegian: words and dates in the user's
language, the charts' data attributes still English (they are data, not words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import vobject

from replywatch import i18n
from replywatch.config import Policy
from replywatch.report import data as report_data
from replywatch.report import html, ics
from replywatch.store import Store
from replywatch.store.book import Book

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # Tuesday, 13:00 in Oslo
OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    store = Store.open(tmp_path / "s.db")
    book = Book(store, Policy(timezone="Europe/Oslo"), OSLO, NOW)
    for company, days in (("Fjordkraft", 9), ("Equinor", 12), ("Kværner", 3)):
        book.add(company=company, role="Utvikler", applied_at=NOW - timedelta(days=days))
    yield book
    store.close()


def test_report_page_in_norwegian_has_norwegian_words_dates_and_english_data(
        book: Book) -> None:
    i18n.use("nb")
    page = html.render(report_data.load(book), OSLO)
    nodes = re.findall(r'data-node="([^"]+)"', page)
    labels = re.findall(r'<g class="node"[^>]*><rect[^>]*/><text[^>]*>([^<]+)</text>', page)
    assert (
        True, True, True, True, ["Applied:3", "Still waiting:3"], ["Søkt (3)",
                                                                   "Venter fortsatt (3)"],
        0, True,
    ) == (
        "<html lang=nb>" in page,
        "<h1>Jobbsøkingen din</h1>" in page,
        "3 søknader; 0 besvart av et menneske. Per tirsdag 24. november 2026 kl. 13:00."
        in page,
        "<summary>Tallene</summary>" in page,
        nodes,
        labels,
        page.count("The numbers"),
        "oppfølging 1 av 3 forfalt" in page,
    )


def test_ics_feed_in_norwegian_names_follow_ups_in_norwegian(book: Book) -> None:
    i18n.use("nb")
    cal = vobject.readOne(ics.feed(report_data.load(book), OSLO).decode("utf-8"))
    summaries = sorted(event.summary.value for event in cal.vevent_list)
    assert (["Oppfølging 1 av 3: Equinor (Utvikler)", "Oppfølging 1 av 3: Fjordkraft (Utvikler)",
             "Oppfølging 1 av 3: Kværner (Utvikler)"],
            "Jobbsøking (replywatch)") == (summaries, cal.contents["x-wr-calname"][0].value)
