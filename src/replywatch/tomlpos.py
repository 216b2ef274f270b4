"""Read a parsed TOML document so that every problem names file, line and key path.

tomllib reports a line only for syntax errors. ``KeyLines.scan(text)`` reads text
that tomllib has already accepted and remembers, for every key path it sees
(``("accounts", 0, "port")``), the line where that key or array element starts.
``KeyLines.line(path)`` answers with that line, else with the line of the nearest
enclosing key or table header, else None. It is a best-effort scanner, not a
parser: it understands table headers, arrays of tables, dotted keys, the four
kinds of strings, inline tables and arrays (also over several lines), and never
raises on odd input -- it skips to the next line instead, so that a wrong line
number is the worst that can happen.

``Table`` wraps one parsed table for validation: typed getters that record a
``Problems`` entry (``FILE:LINE: key.path: message``) and carry on, so that one
pass finds every problem. Nothing here knows the replywatch schema; config.py does.
"""

from __future__ import annotations

import bisect
import difflib
import json
import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time

KeyPath = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = frozenset(",]}#\n")
_ERROR_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_ERROR_AT_END = " (at end of document)"


def format_key_path(path: Sequence[str | int]) -> str:
    """Given a key path, return it as written in messages: ``accounts[0].port``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if _BARE_KEY.fullmatch(part) else json.dumps(part)
            out += f".{name}" if out else name
    return out


class KeyLines:
    """Lines of the keys of one TOML document (1-based)."""

    def __init__(self, lines: dict[KeyPath, int]) -> None:
        self._lines = lines

    @classmethod
    def scan(cls, text: str) -> KeyLines:
        """Given TOML text (ideally one tomllib accepted), return the lines of its keys."""
        scanner = _Scanner(text)
        scanner.run()
        return cls(scanner.lines)

    def line(self, path: KeyPath) -> int | None:
        """Given a key path, return its line, or that of its nearest known ancestor, or None."""
        for end in range(len(path), 0, -1):
            found = self._lines.get(path[:end])
            if found is not None:
                return found
        return None


class _Scanner:
    """A forgiving single pass over TOML text that records where keys start."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.lines: dict[KeyPath, int] = {}
        self._table: KeyPath = ()
        # Index of the latest element of each array of tables, so that a header
        # like [accounts.extra] resolves to the accounts element it belongs to.
        self._aot_index: dict[KeyPath, int] = {}
        self._newlines = [i for i, char in enumerate(text) if char == "\n"]

    # -- driving ---------------------------------------------------------------

    def run(self) -> None:
        while True:
            self._skip_blank(newlines=True)
            if self._eof():
                return
            start = self.pos
            if self.text.startswith("[[", self.pos):
                self._header(array=True)
            elif self._peek() == "[":
                self._header(array=False)
            else:
                self._key_value(self._table)
            self._skip_line_rest()
            if self.pos == start:  # never loop in place on input we do not understand
                self.pos += 1

    # -- grammar ---------------------------------------------------------------

    def _header(self, *, array: bool) -> None:
        line = self._line()
        self.pos += 2 if array else 1
        keys = self._dotted_key()
        if not keys:
            return
        path: list[str | int] = []
        for i, key in enumerate(keys):
            path.append(key)
            is_last = i == len(keys) - 1
            index = self._aot_index.get(tuple(path))
            if index is not None and not (array and is_last):
                path.append(index)
        if array:
            base = tuple(path)
            index = self._aot_index.get(base, -1) + 1
            self._aot_index[base] = index
            path.append(index)
        self._table = tuple(path)
        self._record_prefixes(self._table, line)

    def _key_value(self, base: KeyPath) -> None:
        line = self._line()
        keys = self._dotted_key()
        if not keys:
            self._skip_line_rest()
            return
        path = base + tuple(keys)
        self._record_prefixes(path, line)
        self._skip_blank()
        if self._peek() != "=":
            return
        self.pos += 1
        self._skip_blank()
        self._value(path)

    def _value(self, path: KeyPath) -> None:
        char = self._peek()
        if char in ('"', "'"):
            self._string()
        elif char == "{":
            self._inline_table(path)
        elif char == "[":
            self._array(path)
        else:
            while not self._eof() and self._peek() not in _SCALAR_END:
                self.pos += 1

    def _inline_table(self, path: KeyPath) -> None:
        self.pos += 1  # {
        while True:
            self._skip_blank(newlines=True)
            if self._eof():
                return
            if self._peek() == "}":
                self.pos += 1
                return
            start = self.pos
            self._key_value(path)
            self._skip_blank(newlines=True)
            if self._peek() == ",":
                self.pos += 1
            elif self.pos == start:
                return

    def _array(self, path: KeyPath) -> None:
        self.pos += 1  # [
        index = 0
        while True:
            self._skip_blank(newlines=True)
            if self._eof():
                return
            if self._peek() == "]":
                self.pos += 1
                return
            start = self.pos
            self.lines.setdefault((*path, index), self._line())
            self._value((*path, index))
            index += 1
            self._skip_blank(newlines=True)
            if self._peek() == ",":
                self.pos += 1
            elif self.pos == start:
                return

    def _dotted_key(self) -> list[str]:
        """Read ``a."b c".d`` (with optional blanks around dots); [] if there is no key."""
        keys: list[str] = []
        while True:
            self._skip_blank()
            key = self._simple_key()
            if key is None:
                return keys
            keys.append(key)
            self._skip_blank()
            if self._peek() != ".":
                return keys
            self.pos += 1

    def _simple_key(self) -> str | None:
        if self._peek() in ('"', "'"):
            raw = self._string()
            # Let tomllib decode escapes, so that "a\u0062" and "ab" are the same key.
            try:
                decoded = tomllib.loads(f"k = {raw}").get("k")
            except tomllib.TOMLDecodeError:
                return None
            return decoded if isinstance(decoded, str) else None
        match = _BARE_KEY.match(self.text, self.pos)
        if match is None:
            return None
        self.pos = match.end()
        return match.group()

    def _string(self) -> str:
        """Skip a string of any of the four kinds; return its raw text."""
        start = self.pos
        quote = self.text[self.pos]
        triple = self.text.startswith(quote * 3, self.pos)
        delimiter = quote * 3 if triple else quote
        self.pos += len(delimiter)
        while not self._eof():
            if quote == '"' and self._peek() == "\\":
                self.pos += 2
            elif self.text.startswith(delimiter, self.pos):
                self.pos += len(delimiter)
                # A multi-line string may end in up to two quotes of its own: """a"""""
                for _ in range(2):
                    if triple and self._peek() == quote:
                        self.pos += 1
                break
            elif not triple and self._peek() == "\n":
                break
            else:
                self.pos += 1
        return self.text[start : self.pos]

    # -- low level -------------------------------------------------------------

    def _record_prefixes(self, path: KeyPath, line: int) -> None:
        # The first mention of an implicit table (alerts in [alerts.email]) is its line.
        for end in range(1, len(path) + 1):
            self.lines.setdefault(path[:end], line)

    def _eof(self) -> bool:
        return self.pos >= len(self.text)

    def _peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def _line(self) -> int:
        return bisect.bisect_left(self._newlines, self.pos) + 1

    def _skip_blank(self, *, newlines: bool = False) -> None:
        """Skip spaces and tabs; with ``newlines``, also line breaks and comments."""
        while not self._eof():
            char = self._peek()
            if char in " \t\r" or (newlines and char == "\n"):
                self.pos += 1
            elif newlines and char == "#":
                self._skip_line_rest()
            else:
                return

    def _skip_line_rest(self) -> None:
        end = self.text.find("\n", self.pos)
        self.pos = len(self.text) if end == -1 else end


# -- validating a parsed document ---------------------------------------------------


class Problems:
    """Problems found in one file, each with its line, reported in file order."""

    def __init__(self, file: str, keys: KeyLines) -> None:
        self._file = file
        self._keys = keys
        self._found: list[tuple[int | None, str]] = []

    def __bool__(self) -> bool:
        return bool(self._found)

    def add(self, path: KeyPath, message: str, *, at: KeyPath | None = None) -> None:
        """Record a problem of the key at ``path``, shown at the line of ``at`` if given."""
        line = self._keys.line(path if at is None else at)
        where = self._file if line is None else f"{self._file}:{line}"
        self._found.append((line, f"{where}: {format_key_path(path)}: {message}"))

    def messages(self) -> list[str]:
        """Return the problems sorted by line, as an editor shows them; no line goes last."""
        ordered = sorted(self._found, key=lambda item: (item[0] is None, item[0] or 0))
        return [message for _, message in ordered]


class Table:
    """One parsed TOML table under validation.

    A getter records a problem and returns the default for a bad value, so that
    one pass finds every problem; ``bad`` names the keys that had a problem, so
    that checks across keys can skip values already known to be wrong. Keys not
    in ``allowed`` are problems too, with a suggestion or a ``hints`` entry.
    """

    def __init__(
        self,
        problems: Problems,
        path: KeyPath,
        data: dict[str, object],
        allowed: Sequence[str],
        hints: Mapping[str, str] | None = None,
    ) -> None:
        self.problems = problems
        self.path = path
        self.data = data
        self.bad: set[str] = set()
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = (hints or {}).get(key) or (f"did you mean '{close[0]}'?" if close else "")
                self.problem(key, f"unknown key '{key}'" + (f"; {hint}" if hint else ""))

    def has(self, key: str) -> bool:
        return key in self.data

    def problem(self, key: str, message: str, *, sub: KeyPath = (), at: str | None = None) -> None:
        """Record a problem of ``key`` (or of ``key`` + ``sub``), located at ``at`` if given."""
        self.bad.add(key)
        where = None if at is None else (*self.path, at)
        self.problems.add((*self.path, key, *sub), message, at=where)

    def get_str(self, key: str, default: str | None = None, *, empty_ok: bool = False) -> str:
        """Return the string at ``key``; without a default, the key is required."""
        value = self.data.get(key)
        if value is None:
            if default is None:
                self.problem(key, "required key missing")
            return default or ""
        if not isinstance(value, str):
            self.problem(key, f"must be a string, got {describe(value)}")
            return default or ""
        if not empty_ok and not value.strip():
            self.problem(key, "must not be empty")
        return value

    def get_int(self, key: str, default: int, low: int, high: int) -> int:
        """Return the integer at ``key``, which must lie in ``low..high``."""
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):  # a bool is an int in Python
            self.problem(key, f"must be an integer, got {describe(value)}")
            return default
        if not low <= value <= high:
            self.problem(key, f"must be {low}-{high}, got {value}")
            return default
        return value

    def get_positive(self, key: str, default: float) -> float:
        """Return the number (integer or float) at ``key``, which must be finite and > 0."""
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(key, f"must be a number, got {describe(value)}")
            return default
        if not math.isfinite(value) or value <= 0:
            self.problem(key, f"must be greater than 0, got {value}")
            return default
        return float(value)

    def get_bool(self, key: str, default: bool) -> bool:
        value = self.data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(key, f"must be true or false, got {describe(value)}")
            return default
        return value

    def get_choice(self, key: str, choices: Sequence[str], default: str) -> str:
        """Return the string at ``key``, which must be one of ``choices``."""
        value = self.get_str(key, default)
        if value not in choices and key not in self.bad:
            self.problem(key, choice_message(value, choices))
            return default
        return value

    def get_list(self, key: str) -> list[object] | None:
        """Return the array at ``key``, or None if it is missing or not an array."""
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self.problem(key, f"must be an array, got {describe(value)}")
            return None
        return list[object](value)

    def get_str_list(self, key: str) -> list[str] | None:
        """Return the array of strings at ``key``, or None if it is missing or wrong."""
        items = self.get_list(key)
        if items is None:
            return None
        strings = [item for item in items if isinstance(item, str)]
        for index, item in enumerate(items):
            if not isinstance(item, str):
                self.problem(key, f"must be a string, got {describe(item)}", sub=(index,))
        return strings if len(strings) == len(items) else None

    def get_table(
        self, key: str, allowed: Sequence[str], hints: Mapping[str, str] | None = None
    ) -> Table | None:
        """Return the sub-table at ``key``, or None if it is missing or not a table."""
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(key, f"must be a table, got {describe(value)}")
            return None
        return Table(self.problems, (*self.path, key), dict[str, object](value), allowed, hints)

    def section(self, key: str, allowed: Sequence[str]) -> Table:
        """Return the sub-table at ``key``; an empty one (all defaults) if it is missing."""
        found = self.get_table(key, allowed)
        return found or Table(self.problems, (*self.path, key), {}, allowed)

    def get_tables(
        self, key: str, allowed: Sequence[str], hints: Mapping[str, str] | None = None
    ) -> list[Table]:
        """Return the array of tables at ``key`` (``[[key]]``); [] if it is missing."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(key, f"must be an array of tables ([[{key}]]), got {describe(value)}")
            return []
        tables = []
        for index, item in enumerate(list[object](value)):
            if isinstance(item, dict):
                path = (*self.path, key, index)
                tables.append(Table(self.problems, path, dict[str, object](item), allowed, hints))
            else:
                self.problem(key, f"must be a table, got {describe(item)}", sub=(index,))
        return tables


def syntax_problem(file: str, text: str, error: tomllib.TOMLDecodeError) -> str:
    """Given tomllib's error for ``text``, return ``FILE:LINE: syntax error: ...``."""
    message = str(error)
    position = _ERROR_POSITION.search(message)
    if position is not None:
        line: int | None = int(position[1])
        detail = f"{message[: position.start()]} (column {position[2]})"
    elif message.endswith(_ERROR_AT_END):
        line = max(1, len(text.splitlines()))
        detail = f"{message.removesuffix(_ERROR_AT_END)} (at end of file)"
    else:
        line, detail = None, message
    where = file if line is None else f"{file}:{line}"
    return f"{where}: syntax error: {detail[:1].lower()}{detail[1:]}"


def choice_message(value: str, choices: Sequence[str], what: str = "") -> str:
    """Return "must be one of ..." (or "unknown WHAT ...") with a close match, if any."""
    close = difflib.get_close_matches(value, choices, n=1)
    suggestion = f"; did you mean {quote(close[0])}?" if close else ""
    if what:
        return f"unknown {what} {quote(value)}{suggestion}"
    listed = ", ".join(quote(choice) for choice in choices)
    return f"must be one of {listed}, got {quote(value)}{suggestion}"


def describe(value: object) -> str:
    """Name a TOML value's type, with the value where it is short, for messages."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {quote(value)}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime):  # before date: a datetime is a date too
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time"
    return type(value).__name__


def quote(text: str) -> str:
    """Quote a string as TOML would, shortened to keep one problem on one line."""
    shown = text if len(text) <= 60 else text[:57] + "..."
    return json.dumps(shown, ensure_ascii=False)
