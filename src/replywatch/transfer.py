"""Import and export of the application book as CSV or JSON.

Both formats carry the same columns; an export imported into an empty store
exports again to the same text (ids aside, which are local). In CSV, lists of
addresses and Message-IDs are joined by ``;`` and interviews and events are JSON.
Import checks every row first and writes all of them in one transaction, or none.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from replywatch.book import check_address, check_message_id
from replywatch.errors import UserError
from replywatch.model import Application, Direction, Event, Stage
from replywatch.store import Store
from replywatch.timeutil import iso, parse_when

COLUMNS = (
    "company", "role", "stage", "applied_at", "contacts", "thread_ids", "interviews",
    "events", "snoozed_until", "notes", "follow_up_after_days", "max_follow_ups",
)
_LIST_COLUMNS = ("contacts", "thread_ids")
_JSON_COLUMNS = ("interviews", "events")


def export_rows(apps: list[Application], tz: tzinfo) -> list[dict[str, Any]]:
    """Return one JSON-ready dict per application, with every column."""
    return [
        {
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


@dataclass
class _Row:
    company: str
    role: str = ""
    stage: Stage = Stage.APPLIED
    applied_at: datetime | None = None
    contacts: list[str] = field(default_factory=list)
    thread_ids: list[str] = field(default_factory=list)
    interviews: list[tuple[datetime, datetime, list[str]]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    snoozed_until: datetime | None = None
    notes: str = ""
    follow_up_after_days: int | None = None
    max_follow_ups: int | None = None


def _read(path: Path) -> tuple[list[dict[str, Any]], str]:
    """Return the raw rows of a CSV or JSON file and its format."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read: {exc}") from exc
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UserError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise UserError(f"{path}: JSON must be a list of objects, one per application")
        return data, "json"
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise UserError(f"{path}: empty file; the first line must name the columns")
    return list(reader), "csv"


def _parse_row(raw: dict[str, Any], where: str, tz: tzinfo, fmt: str) -> _Row:  # noqa: PLR0915
    """Check one row; raise UserError naming ``where`` and the column at fault."""
    if None in raw:
        raise UserError(f"{where}: more values than the header has columns")
    unknown = [k for k in raw if k not in COLUMNS]
    if unknown:
        raise UserError(f"{where}: unknown column {unknown[0]!r}",
                        hint="columns: " + ", ".join(COLUMNS))

    def text(key: str) -> str:
        value = raw.get(key)
        return "" if value is None else str(value).strip()

    def listed(key: str) -> list[str]:
        value = raw.get(key)
        if isinstance(value, list):
            return [str(v) for v in value]
        return [part for part in text(key).split(";") if part.strip()]

    def structured(key: str) -> list[dict[str, Any]]:
        value = raw.get(key)
        if fmt == "csv" and isinstance(value, str) and value.strip():
            try:
                value = json.loads(value)
            except json.JSONDecodeError as exc:
                raise UserError(f"{where}: {key}: not valid JSON: {exc.msg}") from exc
        if value in (None, ""):
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise UserError(f"{where}: {key}: must be a list of objects")
        return value

    def when(key: str, value: str) -> datetime:
        return parse_when(value, tz, what=f"{where}: {key}")

    def number(key: str) -> int | None:
        value = text(key)
        if not value or value == "None":
            return None
        try:
            return int(value)
        except ValueError as exc:
            raise UserError(f"{where}: {key}: not a whole number: {value!r}") from exc

    if not text("company"):
        raise UserError(f"{where}: company: missing (every row needs a company)")
    row = _Row(company=text("company"), role=text("role"), notes=text("notes"))
    if text("stage"):
        try:
            row.stage = Stage(text("stage"))
        except ValueError as exc:
            raise UserError(f"{where}: stage: unknown stage {text('stage')!r}",
                            hint="stages: " + ", ".join(s.value for s in Stage)) from exc
    if text("applied_at"):
        row.applied_at = when("applied_at", text("applied_at"))
    if text("snoozed_until") and text("snoozed_until") != "None":
        row.snoozed_until = when("snoozed_until", text("snoozed_until"))
    row.contacts = [check_address(a, what=f"{where}: contacts") for a in listed("contacts")]
    row.thread_ids = [check_message_id(m) for m in listed("thread_ids")]
    for item in structured("interviews"):
        start = when("interviews", str(item.get("start", "")))
        end = when("interviews", str(item.get("end") or item.get("start", "")))
        people = [check_address(a, what=f"{where}: interviews") for a in item.get("with", [])]
        row.interviews.append((start, end, people))
    for item in structured("events"):
        try:
            direction = Direction(str(item.get("direction")))
        except ValueError as exc:
            raise UserError(f"{where}: events: direction must be from_them or to_them") from exc
        row.events.append(Event(
            at=when("events", str(item.get("at", ""))), direction=direction,
            source=str(item.get("source") or "manual"),
            message_id=item.get("message_id") or None, note=item.get("note") or None,
        ))
    row.follow_up_after_days = number("follow_up_after_days")
    row.max_follow_ups = number("max_follow_ups")
    return row


def import_file(store: Store, path: Path, tz: tzinfo, now: datetime) -> list[int]:
    """Import every row of a CSV or JSON file; return the new ids.

    Raise UserError naming the file, row and column of the first bad row; then
    nothing is written.
    """
    raw_rows, fmt = _read(path)
    rows = []
    for number, raw in enumerate(raw_rows, start=1):
        # CSV row 1 is the header, so data row n is on line n + 1.
        where = f"{path}:{number + 1}" if fmt == "csv" else f"{path}: row {number}"
        rows.append(_parse_row(raw, where, tz, fmt))
    ids = []
    with store.tx():
        for row in rows:
            app_id = store.add_application(
                company=row.company, role=row.role, applied_at=row.applied_at or now,
                contacts=row.contacts, thread_ids=row.thread_ids, notes=row.notes,
                stage=row.stage, now=now,
            )
            for start, end, people in row.interviews:
                store.add_interview(app_id, start, end, people)
            for event in row.events:
                store.add_event(app_id, event)
            fields: dict[str, object] = {}
            if row.snoozed_until is not None:
                fields["snoozed_until"] = row.snoozed_until
            if row.follow_up_after_days is not None:
                fields["follow_up_after_days"] = row.follow_up_after_days
            if row.max_follow_ups is not None:
                fields["max_follow_ups"] = row.max_follow_ups
            if fields:
                store.update_application(app_id, now, **fields)
            ids.append(app_id)
    return ids
