"""Import and export of the application book as CSV or JSON.

Both formats carry the same columns; an export imported into an empty store
exports again to the same text (an id is kept where it is free), and imported
again into the same store changes nothing (store/merge.py). In CSV, lists of
addresses and Message-IDs are joined by ``;`` and interviews and events are JSON.
Import checks every row first and writes all of them in one transaction, or none.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from replywatch.config.timeinput import parse_when
from replywatch.core.model import Application, Direction, Event, Stage
from replywatch.core.timeutil import iso
from replywatch.errors import UserError
from replywatch.i18n import _
from replywatch.store import Store
from replywatch.store.book import check_address, check_message_id
from replywatch.store.merge import ImportReport, Row, merge_rows

COLUMNS = (
    "id", "company", "role", "stage", "applied_at", "contacts", "thread_ids", "interviews",
    "events", "snoozed_until", "notes", "follow_up_after_days", "max_follow_ups",
)
_LIST_COLUMNS = ("contacts", "thread_ids")
_JSON_COLUMNS = ("interviews", "events")


def export_rows(apps: list[Application], tz: tzinfo) -> list[dict[str, Any]]:
    """Return one JSON-ready dict per application, with every column."""
    return [
        {
            "id": app.id,
            "company": app.company,
            "role": app.role,
            "stage": app.stage.value,
            "applied_at": iso(app.applied_at, tz),
            "contacts": list(app.contacts),
            "thread_ids": list(app.thread_ids),
            "interviews": [
                {"start": iso(i.start, tz), "end": iso(i.end, tz), "with": list(i.interviewers)}
                for i in app.interviews
            ],
            "events": [
                {"at": iso(e.at, tz), "direction": e.direction.value, "source": e.source,
                 "message_id": e.message_id, "note": e.note}
                for e in app.events
            ],
            "snoozed_until": iso(app.snoozed_until, tz),
            "notes": app.notes,
            "follow_up_after_days": app.overrides.follow_up_after_days,
            "max_follow_ups": app.overrides.max_follow_ups,
        }
        for app in apps
    ]


def export_text(apps: list[Application], tz: tzinfo, fmt: str) -> str:
    """Return the book as CSV or JSON text."""
    rows = export_rows(apps, tz)
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        flat: dict[str, str] = {}
        for key, value in row.items():
            if key in _LIST_COLUMNS:
                flat[key] = ";".join(value)
            elif key in _JSON_COLUMNS:
                flat[key] = json.dumps(value, ensure_ascii=False) if value else ""
            else:
                flat[key] = "" if value is None else str(value)
        writer.writerow(flat)
    return out.getvalue()


def _read(path: Path) -> tuple[list[dict[str, Any]], str]:
    """Return the raw rows of a CSV or JSON file and its format."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(_("{file}: cannot read: {reason}").format(file=path, reason=exc)) from exc
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UserError(_("{file}:{line}: not valid JSON: {reason}").format(
                file=path, line=exc.lineno, reason=exc.msg)) from exc
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise UserError(_("{file}: JSON must be a list of objects, one per application")
                            .format(file=path))
        return data, "json"
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise UserError(_("{file}: empty file; the first line must name the columns").format(
            file=path))
    return list(reader), "csv"


@dataclass(frozen=True)
class _Cells:
    """One raw row, read column by column; every error names the row and column."""

    raw: dict[str, Any]
    where: str
    tz: tzinfo
    fmt: str

    def fail(self, key: str, message: str) -> UserError:
        return UserError(f"{self.where}: {key}: {message}")

    def text(self, key: str) -> str:
        value = self.raw.get(key)
        text = "" if value is None else str(value).strip()
        return "" if text == "None" else text

    def listed(self, key: str) -> list[str]:
        value = self.raw.get(key)
        if isinstance(value, list):
            return [str(v) for v in value]
        return [part for part in self.text(key).split(";") if part.strip()]

    def structured(self, key: str) -> list[dict[str, Any]]:
        value = self.raw.get(key)
        if self.fmt == "csv" and isinstance(value, str) and value.strip():
            try:
                value = json.loads(value)
            except json.JSONDecodeError as exc:
                raise self.fail(key, _("not valid JSON: {reason}").format(reason=exc.msg)) from exc
        if value in (None, ""):
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, _("must be a list of objects"))
        return value

    def when(self, key: str, value: str) -> datetime:
        return parse_when(value, self.tz, what=f"{self.where}: {key}")

    def number(self, key: str) -> int | None:
        value = self.text(key)
        if not value:
            return None
        try:
            return int(value)
        except ValueError as exc:
            raise self.fail(key, _("not a whole number: {text}").format(text=repr(value))) from exc

    def stage(self) -> Stage:
        try:
            return Stage(self.text("stage") or Stage.APPLIED.value)
        except ValueError as exc:
            raise UserError(_("{where}: {column}: unknown stage {text}").format(
                                where=self.where, column="stage", text=repr(self.text("stage"))),
                            hint=_("stages: {codes}").format(
                                codes=", ".join(s.value for s in Stage))) from exc

    def interviews(self) -> list[tuple[datetime, datetime, list[str]]]:
        found = []
        for item in self.structured("interviews"):
            start = self.when("interviews", str(item.get("start", "")))
            end = self.when("interviews", str(item.get("end") or item.get("start", "")))
            people = [check_address(a, what=f"{self.where}: interviews")
                      for a in item.get("with", [])]
            found.append((start, end, people))
        return found

    def events(self) -> list[Event]:
        found = []
        for item in self.structured("events"):
            try:
                direction = Direction(str(item.get("direction")))
            except ValueError as exc:
                raise self.fail("events", _("direction must be {a} or {b}").format(
                    a="from_them", b="to_them")) from exc
            found.append(Event(
                at=self.when("events", str(item.get("at", ""))), direction=direction,
                source=str(item.get("source") or "manual"),
                message_id=item.get("message_id") or None, note=item.get("note") or None,
            ))
        return found


def _parse_row(raw: dict[str, Any], where: str, tz: tzinfo, fmt: str) -> Row:
    """Check one row; raise UserError naming ``where`` and the column at fault."""
    if None in raw:
        raise UserError(_("{where}: more values than the header has columns").format(
            where=where))
    unknown = [k for k in raw if k not in COLUMNS]
    if unknown:
        raise UserError(_("{where}: unknown column {column}").format(
                            where=where, column=repr(unknown[0])),
                        hint=_("columns: {names}").format(names=", ".join(COLUMNS)))
    cells = _Cells(raw, where, tz, fmt)
    if not cells.text("company"):
        raise cells.fail("company", _("missing (every row needs a company)"))
    applied, snoozed = cells.text("applied_at"), cells.text("snoozed_until")
    return Row(
        id=cells.number("id"),
        company=cells.text("company"),
        role=cells.text("role"),
        notes=cells.text("notes"),
        stage=cells.stage(),
        applied_at=cells.when("applied_at", applied) if applied else None,
        snoozed_until=cells.when("snoozed_until", snoozed) if snoozed else None,
        contacts=[check_address(a, what=f"{where}: contacts") for a in cells.listed("contacts")],
        thread_ids=[check_message_id(m) for m in cells.listed("thread_ids")],
        interviews=cells.interviews(),
        events=cells.events(),
        follow_up_after_days=cells.number("follow_up_after_days"),
        max_follow_ups=cells.number("max_follow_ups"),
    )


def import_file(store: Store, path: Path, tz: tzinfo, now: datetime, *,
                dry_run: bool = False) -> ImportReport:
    """Import every row of a CSV or JSON file; return what was added, updated, unchanged.

    A row already in the book is updated or left alone, never added twice
    (store/merge.py says when two are the same). Raise UserError naming the file,
    row and column of the first bad row; then nothing is written. With
    ``dry_run`` nothing is written either, and the report says what would be.
    """
    raw_rows, fmt = _read(path)
    rows = []
    for number, raw in enumerate(raw_rows, start=1):
        # CSV row 1 is the header, so data row n is on line n + 1.
        where = (f"{path}:{number + 1}" if fmt == "csv"
                 else _("{file}: row {number}").format(file=path, number=number))
        rows.append(_parse_row(raw, where, tz, fmt))
    return merge_rows(store, rows, tz, now, dry_run=dry_run)
