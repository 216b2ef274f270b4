"""Where the keys of a TOML document are: their lines, and how a key path is written.

tomllib reports a line only for syntax errors. ``KeyLines.scan(text)`` reads text
that tomllib has already accepted and remembers, for every key path it sees
(``("accounts", 0, "port")``), the line where that key or array element starts.
``KeyLines.line(path)`` answers with that line, else with the line of the nearest
enclosing key or table header, else None. It is a best-effort scanner, not a
parser: it understands table headers, arrays of tables, dotted keys, the four
kinds of strings, inline tables and arrays (also over several lines), and never
raises on odd input -- it skips to the next line instead, so that a wrong line
number is the worst that can happen. Reading the values is tomlread.py's job.
"""

from __future__ import annotations

import bisect
import json
import re
import tomllib
from collections.abc import Sequence

KeyPath = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = frozenset(",]}#\n")


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
