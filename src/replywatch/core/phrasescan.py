"""Many word-bounded alternations over one text: every pattern's ``finditer`` matches,
exactly, at a fraction of their cost.

Python's ``re`` gets no literal or charset head start from a pattern that begins with
``\\b``: ``finditer`` tries every alternative of every pattern at every word boundary
of the text, and most boundaries can start none of them ("the" starts no rejection
phrase). So each alternative is read once, with ``re._parser`` (the parser
``re.compile`` itself uses), for a sound over-approximation of how its matches begin:
a few strings of up to ``_REACH`` characters, one of which starts every match. A
text's word boundaries are found once, in one linear scan; at each, the first
``_REACH`` characters name the alternatives that may match there, and a pattern made
of those alone, in their order, is tried with ``match``: leftmost first, the next no
earlier than the last match's end, which is ``finditer``'s rule. An alternation's
match at a position is that of its first alternative that matches there, so leaving
out alternatives that cannot match changes nothing.

What the analysis cannot bound (an alternative that starts with ``\\w`` or ``.``, or
may start with nothing) is tried at every boundary; a pattern that may match the empty
string, has groups, or changes what a character matches (IGNORECASE) is scanned with
its own ``finditer``: slower, never different.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# re's own parser: private, but the one re.compile uses, so what it says an
# alternative matches is what the compiled pattern matches. typeshed has no stubs for
# it, and its deprecated alias sre_parse warns on import. It holds re's opcodes too.
_parser: Any = re._parser  # type: ignore[attr-defined]
_c: Any = _parser

# How many characters of a match's start are told apart: three keep "the" and "they"
# from waking "thank you", and the sets stay small.
_REACH = 3
# An alternative with more starts than this is told apart by its first character.
_MAX_STARTS = 4096
# A character class of more characters than this counts as "any character".
_MAX_CLASS = 64
# Flags under which a literal in the parse tree no longer means that one character.
_CASE_FLAGS = re.IGNORECASE | re.LOCALE
_WORD_RE = re.compile(r"\w+")
# How many heads (a boundary's first _REACH characters) a scanner remembers: natural
# text has a few thousand; hostile text may have any number, and is then forgotten.
_MAX_MEMO = 20_000

# (start, complete): every match of a piece of pattern begins with ``start``; when
# ``complete``, the piece may also end right there, and what follows it continues it.
_Start = tuple[str, bool]
# The start of a match whose first character is a digit (``\d``), whatever follows:
# longer than _REACH, so never a real start.
DIGIT = "<digit>"
_ANYTHING: frozenset[_Start] = frozenset({("", False)})
_EMPTY: frozenset[_Start] = frozenset({("", True)})

Span = tuple[int, int]


@dataclass(frozen=True)
class _Alternation:
    """One pattern: its source, its alternatives' sources, and for each the strings its
    matches may start with (None: any); or, for a pattern scanned with its own
    ``finditer``, no starts but the pattern compiled."""

    source: str
    sources: tuple[str, ...]
    starts: tuple[frozenset[str] | None, ...] | None
    whole: re.Pattern[str] | None  # compiled where scanned whole


class PhraseScan:
    """Scan a text for a fixed list of ``\\b(?:alt1|alt2|...)`` patterns at once."""

    def __init__(self, alternations: Sequence[Sequence[str]],
                 known: Mapping[str, Sequence[str] | None] | None = None) -> None:
        """Given, for each pattern, its alternatives (regular expression sources), read
        the pattern ``\\b(?:alt1|alt2|...)`` and how its alternatives begin. ``known``
        holds what ``known_starts`` worked out of alternatives beforehand: a pattern
        whose alternatives are all in it is not parsed again. Raise re.error if one
        does not parse."""
        known = known or {}
        self._alternations = [_from_known(sources, known) or _read(sources)
                              for sources in alternations]
        # The patterns scanned whole, with their own finditer.
        self._fallback = [(number, alternation.whole)
                          for number, alternation in enumerate(self._alternations)
                          if alternation.whole is not None]
        # Start -> the (pattern, alternative) pairs it may begin; DIGIT for a digit.
        self._index: dict[str, list[tuple[int, int]]] = {}
        self._anywhere: list[tuple[int, int]] = []
        for number, alternation in enumerate(self._alternations):
            for which, found in enumerate(alternation.starts or ()):
                if found is None:
                    self._anywhere.append((number, which))
                for start in found or ():
                    self._index.setdefault(start, []).append((number, which))
        # Where a word ends, \b holds before a character that is not a word character:
        # only starts that begin with one are looked for there.
        self._after_firsts = frozenset(s[0] for s in self._index if s != DIGIT and
                                       not is_word(s[0]))
        self._memo: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {}
        self._narrowed: dict[tuple[int, tuple[int, ...]], re.Pattern[str]] = {}

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        """The patterns compiled whole, in the order given (``scan`` needs them only
        where it falls back to their ``finditer``)."""
        return tuple(re.compile(alternation.source) for alternation in self._alternations)

    def scan(self, text: str) -> list[list[Span]]:
        """Given a text, return for each pattern (in the order given) the spans of its
        matches: exactly those of ``pattern.finditer(text)``, in its order."""
        candidates: list[list[tuple[int, re.Pattern[str]]]] = [[] for _ in self._alternations]
        memo, after_firsts = self._memo, self._after_firsts
        every_end = bool(self._anywhere)
        size = len(text)
        for word in _WORD_RE.finditer(text):
            # \b holds at a word's start and at its end, nowhere else. The two are
            # written out alike, not as one helper: a call per boundary would add
            # about a tenth to the scan.
            start, end = word.span()
            head = text[start : start + _REACH]
            found = memo.get(head)
            if found is None:
                found = self._learn(head)
            for number, narrowed in found:
                candidates[number].append((start, narrowed))
            if end < size and (every_end or text[end] in after_firsts):
                head = text[end : end + _REACH]
                found = memo.get(head)
                if found is None:
                    found = self._learn(head)
                for number, narrowed in found:
                    candidates[number].append((end, narrowed))
        results: list[list[Span]] = []
        for tried in candidates:
            spans: list[Span] = []
            reached = 0
            for position, narrowed in tried:
                if position < reached:
                    continue
                match = narrowed.match(text, position)
                if match is not None:
                    spans.append(match.span())
                    reached = match.end()  # no match is empty (see __init__)
            results.append(spans)
        for number, whole in self._fallback:
            results[number] = [match.span() for match in whole.finditer(text)]
        return results

    def warm(self) -> None:
        """Compile now every narrowed pattern a text can ever need (a few hundred, about
        0.1 s), so that no scan pays for one: what a long-lived process does before its
        first pass. A boundary's patterns depend only on the longest start its text
        begins with (or on its first digit), so learning each start alone covers all.
        """
        for start in list(self._index):
            if start != DIGIT:
                self._learn(start)
        for digit in "0123456789":
            self._learn(digit)

    def _learn(self, head: str) -> tuple[tuple[int, re.Pattern[str]], ...]:
        """Return (and remember) for a boundary whose text starts with ``head``, each
        pattern that may match there with the pattern of just the alternatives that
        may, in their order."""
        keys = [head[:length] for length in range(1, len(head) + 1)]
        if head[:1].isdecimal():
            keys.append(DIGIT)
        chosen: dict[int, set[int]] = {}
        for number, which in [*self._anywhere, *(p for k in keys for p in self._index.get(k, ()))]:
            chosen.setdefault(number, set()).add(which)
        found = tuple((number, self._narrow(number, tuple(sorted(chosen[number]))))
                      for number in sorted(chosen))
        if len(self._memo) >= _MAX_MEMO:
            self._memo.clear()
        self._memo[head] = found
        return found

    def _narrow(self, number: int, which: tuple[int, ...]) -> re.Pattern[str]:
        """Return pattern ``number`` made of the alternatives ``which`` alone. Their
        number is bounded by the patterns' starts, not by any text."""
        narrowed = self._narrowed.get((number, which))
        if narrowed is None:
            sources = self._alternations[number].sources
            narrowed = re.compile(r"\b(?:" + "|".join(sources[i] for i in which) + ")")
            self._narrowed[(number, which)] = narrowed
        return narrowed


def known_starts(alternations: Iterable[Sequence[str]]) -> dict[str, tuple[str, ...] | None]:
    """Given patterns' alternatives, return how each alternative that ``PhraseScan``
    reads by its starts begins (sorted; None: anywhere), for ``PhraseScan(known=...)``.
    Alternatives of a pattern scanned whole are left out: such a pattern is read again.
    """
    found: dict[str, tuple[str, ...] | None] = {}
    for sources in alternations:
        alternation = _read(sources)
        for source, starts in zip(sources, alternation.starts or (), strict=False):
            found[source] = None if starts is None else tuple(sorted(starts))
    return found


def render_starts(alternations: Iterable[Sequence[str]]) -> str:
    """Return the text of core/phrasestarts.py for these patterns: ``known_starts`` as
    a Python literal, sorted (scripts/phrase_starts.py writes it)."""
    starts = known_starts(alternations)
    lines = ["# ruff: noqa: E501", '"""How each phrase alternative\'s matches begin, worked'
             " out once (phrasescan.known_starts).", "",
             "Written by ``.venv/bin/python scripts/phrase_starts.py`` after core/phrases.py",
             "changes; tests/core/test_phrasestarts.py fails while it is stale. Do not edit.",
             '"""', "", "STARTS: dict[str, tuple[str, ...] | None] = {"]
    lines += [f"    {source!r}: {found!r}," for source, found in sorted(starts.items())]
    return "\n".join([*lines, "}", ""])


def _from_known(sources: Sequence[str], known: Mapping[str, Sequence[str] | None]
                ) -> _Alternation | None:
    """Return the pattern of ``sources`` from starts worked out beforehand, or None when
    one of its alternatives is not among them."""
    if not sources or any(source not in known for source in sources):
        return None
    starts = tuple(None if known[source] is None else frozenset(known[source] or ())
                   for source in sources)
    return _Alternation(r"\b(?:" + "|".join(sources) + ")", tuple(sources), starts, None)


def _read(sources: Sequence[str]) -> _Alternation:
    """Read ``\\b(?:alt1|alt2|...)`` and how each alternative begins. Raise re.error if
    the pattern does not compile."""
    source = r"\b(?:" + "|".join(sources) + ")"
    # Each alternative parsed, the pattern not compiled: read at its starts, it is only
    # ever run narrowed, and compiling the phrase tables whole would cost more than
    # reading them.
    try:
        trees = [_parser.parse(alternative) for alternative in sources]
    except re.error:
        # An alternative that is no expression of its own ("a)|(?:b"): leaving others
        # out would break the pattern.
        trees = []
    if not trees or any(
        tree.state.flags & ~re.UNICODE or tree.state.groups > 1 or tree.getwidth()[0] == 0
        for tree in trees
    ):
        # finditer's rule differs after an empty match, and a narrowed pattern would
        # number groups differently: such a pattern is scanned whole.
        return _Alternation(source, tuple(sources), None, re.compile(source))
    return _Alternation(source, tuple(sources), tuple(_beginnings(tree) for tree in trees), None)


def beginnings(source: str) -> frozenset[str] | None:
    """Given a regular expression's source, return a set of strings, none a prefix of
    another, one of which begins every match of it (``DIGIT``: a digit); or None when
    a match may begin anywhere. Raise re.error if the source does not compile."""
    return _beginnings(_parser.parse(source))


def _beginnings(tree: Any) -> frozenset[str] | None:
    """``beginnings`` of a parsed expression."""
    if tree.state.flags & _CASE_FLAGS:
        return None
    starts = {text for text, _ in _sequence(tree.data, _REACH)}
    if "" in starts:
        return None
    # "we" begins whatever "we'" begins: keep the shortest.
    return frozenset(s for s in starts
                     if s == DIGIT or not any(s[:n] in starts for n in range(1, len(s))))


def _sequence(items: Iterable[Any], room: int) -> frozenset[_Start]:
    """The starts of a sequence of parse items, up to ``room`` characters."""
    found: set[_Start] = {("", True)}
    for op, av in items:
        if not any(complete for _, complete in found):
            break
        grown: set[_Start] = set()
        for text, complete in found:
            if not complete:
                grown.add((text, False))
                continue
            for more, more_complete in _item(op, av, room - len(text)):
                if more == DIGIT:
                    # A class is told apart as a match's first character only.
                    grown.add((text or DIGIT, False))
                    continue
                joined = text + more
                grown.add((joined, more_complete and len(joined) < room))
        found = grown if len(grown) <= _MAX_STARTS else _coarsen(grown)
    return frozenset(found)


def _coarsen(starts: Iterable[_Start]) -> set[_Start]:
    """Fewer, shorter starts that still admit every match: the first character only."""
    first = {(text if text == DIGIT else text[:1], False) for text, _ in starts}
    return first if len(first) <= _MAX_STARTS else set(_ANYTHING)


def _item(op: Any, av: Any, room: int) -> frozenset[_Start]:
    """The starts of one parse item, up to ``room`` (at least 1) characters."""
    if op is _c.LITERAL:
        return frozenset({(chr(av), True)})
    if op is _c.IN:
        return _class(av)
    if op is _c.BRANCH:
        return frozenset().union(*(_sequence(branch, room) for branch in av[1]))
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, inner = av
        if (add_flags | del_flags) & _CASE_FLAGS:
            return _ANYTHING
        return _sequence(inner, room)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av, room)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, inner = av
        if high == 0:
            return _EMPTY
        once = _sequence(inner, room)
        # After one copy more may follow: the first copy's start is all that is known,
        # unless there is at most one.
        starts = once if high == 1 else frozenset((text, False) for text, _ in once)
        return starts | _EMPTY if low == 0 else starts
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        # Zero width: they narrow where a match is, never what it starts with.
        return _EMPTY
    return _ANYTHING


def _class(items: Any) -> frozenset[_Start]:
    """The starts of a character class: each of its characters, if it lists few."""
    if list(items) == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
        return frozenset({(DIGIT, False)})
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return _ANYTHING
        if len(chars) > _MAX_CLASS:
            return _ANYTHING
    return frozenset((char, True) for char in chars)


def is_word(char: str) -> bool:
    """True for a character ``\\w`` matches, as ``\\b`` decides it."""
    return _WORD_RE.match(char) is not None
