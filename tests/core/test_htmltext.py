"""html_to_text(): visible text with block breaks, nothing hidden, capped, linear."""

from __future__ import annotations

import time
from collections.abc import Callable

from replywatch.core.htmltext import MAX_TEXT, html_to_text


def test_html_to_text_paragraphs_become_lines() -> None:
    assert "Hello\n\nWe regret." == html_to_text("<p>Hello</p><p>We regret.</p>")


def test_html_to_text_break_becomes_newline() -> None:
    assert "a\nb" == html_to_text("a<br>b")


def test_html_to_text_script_and_style_dropped() -> None:
    html = "<style>p{}</style><script>var x='offer';</script><p>Thanks</p>"
    assert "Thanks" == html_to_text(html)


def test_html_to_text_head_title_dropped() -> None:
    assert "Body" == html_to_text("<html><head><title>Offer</title></head><body>Body</body></html>")


def test_html_to_text_entities_decoded() -> None:
    assert "Søknad & svar" == html_to_text("S&oslash;knad &amp; svar")


def test_html_to_text_blockquote_marked_as_quote() -> None:
    assert "Hi\n\n> old text" == html_to_text("<p>Hi</p><blockquote>old text</blockquote>")


def test_html_to_text_broken_markup_does_not_raise() -> None:
    assert "text" in html_to_text("<p <<>> <div>text</p></span><!-- unterminated")


def test_html_to_text_output_capped() -> None:
    assert MAX_TEXT == len(html_to_text("<p>" + "word " * 100_000))


def test_html_to_text_many_tags_grow_linearly() -> None:
    # Ratio bound against a linear pass over the same input, not a wall-clock limit.
    def best(work: Callable[[], object]) -> float:
        times = []
        for _ in range(5):
            started = time.perf_counter()
            work()
            times.append(time.perf_counter() - started)
        return min(times)

    small, large = "<div><b>x</b>" * 2_000, "<div><b>x</b>" * 16_000
    linear = best(large.lower) / best(small.lower)
    growth = best(lambda: html_to_text(large)) / best(lambda: html_to_text(small))
    # 8 times the input: a linear reducer takes about 8 times as long, a quadratic 64.
    assert growth < max(linear, 8) * 3, (growth, linear)
