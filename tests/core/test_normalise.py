"""The classifier's text folding: the same text as the regular expressions that
define it, at a fraction of their cost (two of them matched at nearly every word)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from replywatch.core import classify

# The definition: what ``_normalise`` was written as first, one ``re.sub`` a step.
_ABBREVIATION_RE = re.compile(
    r"\b(\d{1,2}|kl|nr|ref|ca|bzw|evt|ev|osv|inkl|ekskl|tlf|tel|mr|mrs|ms|dr|st|no|vs|etc|jan|feb|"
    r"mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|des|dec|man|tir|ons|tor|fre|mon|tue|wed|thu|fri)"
    r"\.(?= )"
)
_SPACES_RE = re.compile(r"[ \t\r\f\v\u00a0\u2007\u202f]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                         "\u00ad": None, "\u200b": None})


def _reference(text: str) -> str:
    text = text.translate(_QUOTES).casefold().replace("n't", " not")
    text = _SPACES_RE.sub(" ", text)
    text = _ABBREVIATION_RE.sub(r"\1", text)
    text = classify._PARAGRAPH_RE.sub("\x00", text).replace("\n", " ").replace("\x00", "\n")
    return _SPACES_RE.sub(" ", text).strip()


# Pieces that meet at the edges the folding cares about: dots after words and numbers
# of every length, blanks of every kind, word characters beyond ASCII ("ß", Arabic
# digits, superscripts, "_"), and what the casefold changes ("İ").
_PIECES = st.sampled_from([
    *"ab17. \n\t\r\f\v\u00a0\u2007\u202f\u2019\u201c\u00ad\u200b'_-ßİ٣²é",
    "kl", "nr", "sept", "sep", "no", "dr", "mrs", "12", "123", "n't", ". ", "  ", "\n \n",
    "ekskl", "ekskla", "Kl", "ETC",
])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_normalise_is_the_regular_expressions_it_replaces(text: str) -> None:
    assert classify._normalise(text) == _reference(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=120))
def test_normalise_agrees_on_any_text(text: str) -> None:
    assert classify._normalise(text) == _reference(text)


def test_abbreviation_dots_go_and_sentence_dots_stay() -> None:
    text = "Intervju 17. april kl. 13, ref. 4471. Vi ses. Nr.5 og 2025. mai"
    assert classify._normalise(text) == (
        "intervju 17 april kl 13, ref 4471. vi ses. nr.5 og 2025. mai")


def test_a_long_run_of_dots_and_word_characters_costs_linear_time() -> None:
    # Every ". " reads back at most a few characters, however long the word before it.
    hostile = ("x" * 5000 + ". ") * 40 + ". " * 20_000
    assert classify._join_abbreviations(hostile) == hostile
    assert classify._join_abbreviations("12. " * 10_000) == "12 " * 10_000
