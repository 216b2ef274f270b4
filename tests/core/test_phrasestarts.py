"""core/phrasestarts.py: how the phrase alternatives begin, worked out beforehand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from replywatch.core import classify, phrasescan, phrasestarts
from replywatch.core.phrasescan import PhraseScan, known_starts, render_starts

TEXTS = [
    "unfortunately we have decided to move forward with other candidates",
    "thank you for applying! we have received your application for the role",
    "we would like to invite you to an interview on 12 march at 10:30 or 14:00",
    "dessverre har vi valgt å gå videre med andre kandidater. takk for søknaden din",
    "please complete the assessment within 5 days. we'll get back to you",
]


def test_phrasestarts_is_current_with_the_phrase_tables() -> None:
    expected = render_starts(classify.phrase_alternations())
    assert expected == Path(phrasestarts.__file__).read_text(encoding="utf-8"), (
        "core/phrasestarts.py is stale: run .venv/bin/python scripts/phrase_starts.py")


def test_phrasescan_from_known_starts_parses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    alternations = classify.phrase_alternations()
    known = known_starts(alternations)
    worked_out = PhraseScan(alternations)

    def refuse(source: str, *flags: object) -> None:
        raise AssertionError(f"parsed again: {source!r}")

    with monkeypatch.context() as patched:
        patched.setattr(phrasescan._parser, "parse", refuse)
        from_known = PhraseScan(alternations, known=known)
    for text in TEXTS:  # scanning compiles its narrowed patterns: re's parser again
        assert worked_out.scan(text) == from_known.scan(text)


def test_phrasescan_alternative_missing_from_known_is_worked_out_again() -> None:
    alternations = [("we regret", "unfortunately"), ("thank you", "(?:we|i) received")]
    known = known_starts(alternations)
    del known["thank you"]  # a phrase added since the file was written
    text = "thank you. unfortunately we regret that i received it"
    assert PhraseScan(alternations).scan(text) == PhraseScan(alternations, known=known).scan(text)
    finditer = [[m.span() for m in re.finditer(r"\b(?:" + "|".join(sources) + ")", text)]
                for sources in alternations]
    assert finditer == PhraseScan(alternations, known=known).scan(text)
