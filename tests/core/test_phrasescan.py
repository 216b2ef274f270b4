"""PhraseScan finds exactly what each pattern's finditer finds (issue 13): on the
labelled mail, on texts made of the phrases themselves, and on tricky patterns; and
classify's _hits yields what it yielded when it ran finditer.

The references below are the code as it was before the scanner, kept as it was.
"""

from __future__ import annotations

import ast
import csv
import io
import re
import sys
import tokenize
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replywatch.core import classify, phrases, phrasescan
from replywatch.core.classify import _Hit
from replywatch.core.kinds import Kind
from replywatch.core.phrasescan import DIGIT, PhraseScan, beginnings
from replywatch.mail.bodytext import mail_text

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data"
SETS = sorted(p for p in DATA.glob("jobmail*") if (p / "labels.csv").is_file())


def _compile(table: phrases.Phrases) -> tuple[tuple[int, re.Pattern[str]], ...]:
    """classify._compile before the scanner: one alternation per weight."""
    by_weight: dict[int, list[str]] = {}
    for weight, template in table:
        source = template.replace("{G}", phrases.GAP).replace("{SHORT_GAP}", phrases.SHORT_GAP)
        by_weight.setdefault(weight, []).append(source)
    return tuple(
        (weight, re.compile(r"\b(?:" + "|".join(sources) + ")"))
        for weight, sources in sorted(by_weight.items(), reverse=True)
    )


_PATTERNS = {kind: _compile(table) for kind, table in phrases.PHRASES.items()}
PATTERNS = [pattern for patterns in _PATTERNS.values() for _, pattern in patterns]


def _old_hits(text: str, automated: bool, only: Kind | None = None) -> Iterator[_Hit]:
    """classify._hits before the scanner, with finditer over each pattern."""
    if not text:
        return
    for kind, patterns in _PATTERNS.items():
        if only is not None and kind is not only:
            continue
        for weight, pattern in patterns:
            for match in pattern.finditer(text):
                phrase = match.group(0).strip()[:80]
                start, end = match.span()
                if kind in (Kind.REJECTION, Kind.INTERVIEW, Kind.OFFER) and (
                    classify._conditional(text, start, end, after=automated)
                    or classify._about_others(text, start)
                ):
                    yield _Hit(Kind.ACKNOWLEDGEMENT, classify.SUGGESTS, phrase)
                elif kind in phrases.FLIP_WHEN_NEGATED and classify._negated(text, start, end):
                    yield _Hit(Kind.REJECTION, weight, phrase)
                elif kind in phrases.FLIP_WHEN_NEGATED or kind is Kind.REJECTION or (
                    not classify._negated(text, start, end)
                ):
                    yield _Hit(kind, weight, phrase)


def _finditer(patterns: list[re.Pattern[str]], text: str) -> list[list[tuple[int, int]]]:
    return [[match.span() for match in pattern.finditer(text)] for pattern in patterns]


@cache
def _labelled_texts() -> list[str]:
    """Every labelled message's display name, subject and body, as classify reads them
    (normalised, quoted history cut), and its raw body lower-cased (not normalised)."""
    texts: list[str] = []
    for folder in SETS:
        with (folder / "labels.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                mail = mail_text((folder / row["file"]).read_bytes())
                name, subject, body, _, _ = classify._read(mail)
                texts += [name, subject, body, mail.body[: classify.MAX_BODY].lower()]
    return texts


def _example_texts() -> list[str]:
    """The examples quoted in the phrase tables' comments, and every string of the
    classifier's own tests, each as written, lower-cased and as classify normalises it."""
    found: list[str] = []
    for path in sorted((TESTS.parent / "src" / "replywatch" / "core").glob("phrases*.py")):
        for token in tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline):
            if token.type == tokenize.COMMENT:
                found += re.findall(r'"([^"]+)"', token.string)
    for path in (TESTS / "core" / "test_classify.py", TESTS / "test_classifying.py"):
        found += [node.value for node in ast.walk(ast.parse(path.read_text("utf-8")))
                  if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    return [form for text in found for form in (text, text.lower(), classify._normalise(text))]


def _templates() -> list[str]:
    return [template.replace("{G}", phrases.GAP).replace("{SHORT_GAP}", phrases.SHORT_GAP)
            for table in phrases.PHRASES.values() for _, template in table]


def test_scanner_patterns_same_as_before_scanner() -> None:
    expected = [pattern.pattern for pattern in PATTERNS]

    actual = [pattern.pattern for pattern in classify._scanner().patterns]

    assert expected == actual


def test_scanner_phrase_tables_no_pattern_left_to_finditer() -> None:
    # Every phrase alternation is narrowed: none falls back to the slow scan.
    expected: list[int] = []

    actual = [number for number, _ in classify._scanner()._fallback]

    assert expected == actual


def test_scan_labelled_mail_same_as_finditer() -> None:
    scanner = classify._scanner()
    texts = _labelled_texts()

    differing = [text[:60] for text in texts if _finditer(PATTERNS, text) != scanner.scan(text)]

    assert [] == differing
    assert len(texts) > 2000


def test_scan_phrase_examples_and_classifier_test_texts_same_as_finditer() -> None:
    scanner = classify._scanner()
    texts = _example_texts()

    differing = [text[:60] for text in texts if _finditer(PATTERNS, text) != scanner.scan(text)]

    assert [] == differing
    assert len(texts) > 800


def test_hits_labelled_mail_and_examples_same_as_before_scanner() -> None:
    # Automated and not in turn: an automated message's phrase also looks for a
    # condition after it.
    texts = list(enumerate(_labelled_texts() + _example_texts()))

    expected = [list(_old_hits(text, index % 2 == 0)) for index, text in texts]
    actual = [list(classify._hits(text, index % 2 == 0)) for index, text in texts]

    assert expected == actual


def test_hits_only_one_kind_same_as_before_scanner() -> None:
    texts = _labelled_texts()[::4]  # display names

    expected = [list(_old_hits(text, True, only=Kind.JOB_ALERT)) for text in texts]
    actual = [list(classify._hits(text, True, only=Kind.JOB_ALERT)) for text in texts]

    assert expected == actual


# Texts made to match often: phrases generated from the templates themselves, their
# words, words that start like them, digits, apostrophes, Nordic and German letters and
# punctuation, joined with and without spaces so that matches abut, overlap and sit at
# the text's edges.
_WORDS = sorted({word for template in _templates()
                 for word in re.findall(r"[^\W\d_]+(?:'[a-z]+)?", template)})
_PHRASES = st.sampled_from(_templates()).flatmap(
    lambda source: st.from_regex(source, fullmatch=True))
_PIECES = st.one_of(
    _PHRASES,
    _PHRASES,
    _PHRASES,
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(lambda word: word[:3]),
    st.sampled_from(["'ll", "'re", "'ve", "'d ", "n't", "12", "3:30 pm", "14.00", "٣", "²",
                     "the", "they", "thank", "we", "i", "ø", "æ", "ß", "_", "ä", "é"]),
    st.sampled_from([" ", " ", "  ", ".", ",", "!", "?", "\n", "-", "'", '"', "(", ":", ";"]),
)
_TEXTS = st.lists(st.tuples(_PIECES, st.sampled_from([" ", "", ""])),
                  min_size=3, max_size=40).map(
    lambda pairs: "".join(piece + gap for piece, gap in pairs))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS)
def test_scan_phrase_texts_same_as_finditer(text: str) -> None:
    expected = _finditer(PATTERNS, text)

    actual = classify._scanner().scan(text)

    assert expected == actual


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, automated=st.booleans())
def test_hits_phrase_texts_same_as_before_scanner(text: str, automated: bool) -> None:
    expected = list(_old_hits(text, automated))

    actual = list(classify._hits(text, automated))

    assert expected == actual


# Patterns the phrase tables do not have, to reach every path: a start the analysis
# cannot bound (\w, ., an optional start, a case-insensitive group), starts after a
# word's end (an apostrophe, a space), a digit, lookarounds, an empty match, a group,
# and an alternative that is no expression of its own.
TRICKY = [
    ["ab", r"\w+c", "a.c"],
    ["(?:x )?yes", "b?a", r"(?i:Ab)c", "ba|ab"],
    ["'ll", " and", r"'?re", r"\d+ jobs?", r"\d{1,2}:\d\d"],
    [r"(?<=a )b+", r"c(?=d)", r"(?<!x)ab", "ca{0,3}b"],
    ["a?"],
    ["(a)b", "b"],
    ["a)|(?:b"],
    ["a", "ab", "abc", "b", "aa"],
    [r"[a-c][^.]{0,5}c", r"[\d]x", r"[^a]b"],
]
_TRICKY_TEXTS = st.lists(st.sampled_from([*"abcxdy '.\n1234:", "AB", "ll", "re", "jobs", "٣"]),
                         max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TRICKY_TEXTS)
def test_scan_tricky_patterns_same_as_finditer(text: str) -> None:
    scanner = PhraseScan(TRICKY)
    expected = _finditer(list(scanner.patterns), text)

    actual = scanner.scan(text)

    assert expected == actual


def test_scanner_tricky_patterns_scanned_whole_where_narrowing_would_change_them() -> None:
    # "a?" may match empty, "(a)b" has a group, "a)|(?:b" splits a group.
    expected = [4, 5, 6]

    actual = [number for number, _ in PhraseScan(TRICKY)._fallback]

    assert expected == actual


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("thank(?:s| you)", frozenset({"tha"})),
        ("(?:we|i) (?:have )?got", frozenset({"we ", "i h", "i g"})),
        ("cv", frozenset({"cv"})),
        ("(?:we|we've) got", frozenset({"we ", "we'"})),
        ("a|ab", frozenset({"a"})),
        ("'ll", frozenset({"'ll"})),
        (r"\d+ new jobs", frozenset({DIGIT})),
        (r"(?:\d+ )?jobs", frozenset({DIGIT, "job"})),
        ("a[bc]", frozenset({"ab", "ac"})),
        (r"to\b", frozenset({"to"})),
        ("x{0,2}yz", frozenset({"yz", "x"})),
        ("(?:x{1,2})y", frozenset({"x"})),
    ],
)
def test_beginnings_bounded_start_every_match_begins_with_one(
    source: str, expected: frozenset[str]
) -> None:
    actual = beginnings(source)

    assert expected == actual


@pytest.mark.parametrize("source", [r"\w+", "a?", ".b", "[^.]{0,5}x", r"(?i:x)", "(?:|a)b?",
                                    r"\s", "[^a-z]", "(?:a|)"])
def test_beginnings_unbounded_start_none(source: str) -> None:
    assert beginnings(source) is None


def test_scan_many_distinct_heads_remembered_within_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(phrasescan, "_MAX_MEMO", 10)
    scanner = PhraseScan([["ab", "b"]])
    text = " ".join(f"{a}{b}" for a in "abcdefgh" for b in "abcdefgh")

    actual = scanner.scan(text)

    assert _finditer(list(scanner.patterns), text) == actual
    assert len(scanner._memo) <= 10


def test_scan_digit_start_same_as_re_digit_for_every_character() -> None:
    # The scanner takes str.isdecimal for \d at a word's start: the same characters.
    every = "".join(chr(code) for code in range(sys.maxunicode + 1)
                    if not 0xD800 <= code <= 0xDFFF)
    expected = set(re.findall(r"\d", every))

    actual = {char for char in every if char.isdecimal()}

    assert expected == actual


def _warmed() -> tuple[PhraseScan, int]:
    from replywatch.core.phrasestarts import STARTS

    scanner = PhraseScan(classify.phrase_alternations(), known=STARTS)
    scanner.warm()
    return scanner, len(scanner._narrowed)


_WARMED = _warmed()


def test_warm_scanner_compiles_nothing_more_for_labelled_mail_and_examples() -> None:
    # What the daemon compiles before its first pass is all a scan can ask for.
    scanner, compiled = _WARMED
    texts = _labelled_texts() + _example_texts()

    differing = [text[:60] for text in texts if _finditer(PATTERNS, text) != scanner.scan(text)]

    assert ([], compiled) == (differing, len(scanner._narrowed))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS)
def test_warm_scanner_compiles_nothing_more_for_phrase_texts(text: str) -> None:
    scanner, compiled = _WARMED

    actual = scanner.scan(text)

    assert (_finditer(PATTERNS, text), compiled) == (actual, len(scanner._narrowed))
