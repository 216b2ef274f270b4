"""Read a parsed TOML document so that every problem names file, line and key path.

``Table`` wraps one parsed table for validation: typed getters that record a
``Problems`` entry (``FILE:LINE: key.path: message``) and carry on, so that one
pass finds every problem; the line comes from tomlpos.KeyLines. ``syntax_problem``
words a tomllib error the same way. Nothing here knows the replywatch schema;
configschema.py does.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time

from replywatch.config.tomlpos import KeyLines, KeyPath, format_key_path
from replywatch.i18n import _

_ERROR_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_ERROR_AT_END = " (at end of document)"


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
                import difflib  # only for a mistake: ~1 ms of every command otherwise

                close = difflib.get_close_matches(key, allowed, n=1)
                hint = (hints or {}).get(key) or (f"did you mean '{close[0]}'?" if close else "")
                self.problem(key, f"unknown key '{key}'" + (f"; {hint}" if hint else ""))

    def has(self, key: str) -> bool:
        """Return True if the table sets ``key``."""
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
        """Return the boolean at ``key`` (``default`` when unset); a non-boolean is a
        problem recorded against the key, and ``default`` is returned.
        """
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
        detail = _("{message} (column {column})").format(
            message=message[: position.start()], column=position[2])
    elif message.endswith(_ERROR_AT_END):
        line = max(1, len(text.splitlines()))
        detail = _("{message} (at end of file)").format(
            message=message.removesuffix(_ERROR_AT_END))
    else:
        line, detail = None, message
    where = file if line is None else f"{file}:{line}"
    return _("{where}: syntax error: {detail}").format(
        where=where, detail=detail[:1].lower() + detail[1:])


def choice_message(value: str, choices: Sequence[str], what: str = "") -> str:
    """Return "must be one of ..." (or "unknown WHAT ...") with a close match, if any."""
    import difflib

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
