"""Invariants of company-name comparison over any name (Hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from replywatch.core.names import CompanyName, fold

LETTERS = "abcdefghijklmnopqrstuvwxyzæøåäöüßéèáçñ"
word = st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=10)
names = st.lists(word, min_size=1, max_size=4).map(" ".join)
around = st.lists(word, max_size=4).map(" ".join)


@settings(max_examples=100)
@given(names, around, around)
def test_names_a_name_is_found_in_any_text_that_holds_it(name: str, before: str,
                                                         after: str) -> None:
    found = CompanyName.of(name)
    assert found.in_text(f"{before} {name}, {after}") == found.usable


@settings(max_examples=100)
@given(names)
def test_names_case_never_changes_a_match(name: str) -> None:
    found = CompanyName.of(name)
    assert found.in_text(name.upper()) == found.in_text(name.lower()) == found.usable


@settings(max_examples=100)
@given(names, word)
def test_names_a_name_glued_to_another_word_is_not_found(name: str, glue: str) -> None:
    # One longer word that starts with the name, legal form and all: never the name.
    assert False is CompanyName.of(name).in_text(name.replace(" ", "") + glue)


@settings(max_examples=100)
@given(st.text(max_size=40))
def test_names_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
