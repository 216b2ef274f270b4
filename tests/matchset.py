"""The labelled matching set (tests/data/matching/cases.json) and how it is scored.

Each case is one message's header lines against one book of applications; its label
is what a careful person says: an application id, ``none``, ``ambiguous`` or
``review``. The headers go through the real header parser, then the matcher.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from replywatch.core.domains import company_domain
from replywatch.core.matching import Index, Match, match
from replywatch.core.model import Application, Message, Stage
from replywatch.mail.headers import parse_headers

CASES = Path(__file__).resolve().parent / "data" / "matching" / "cases.json"
NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Outcome:
    """One case: its label and what the matcher said."""

    case: dict[str, Any]
    expected: str
    actual: str

    @property
    def agrees(self) -> bool:
        """Return True if the matcher said what the label says."""
        return self.expected == self.actual


def _application(row: dict[str, Any]) -> Application:
    contacts = tuple(row.get("contacts", ()))
    domains = tuple(dict.fromkeys(d for c in contacts if (d := company_domain(c))))
    return Application(id=row["id"], company=row["company"], role=row.get("role", ""),
                       stage=Stage.APPLIED, applied_at=NOW, contacts=contacts,
                       domains=domains, thread_ids=tuple(row.get("threads", ())),
                       relay_senders=tuple(row.get("relay_senders", ())))


def label(m: Match) -> str:
    """Return the label of a match outcome: an id, ambiguous, review or none."""
    if m.app_id is not None:
        return str(m.app_id)
    if m.ambiguous:
        return "ambiguous"
    if m.review is not None:
        return "review"
    return "none"


def load(path: Path = CASES) -> tuple[Index, list[tuple[dict[str, Any], Message]]]:
    """Return the set's index and each case with its message, parsed from its headers."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    index = Index.build([_application(row) for row in doc["book"]], [doc["me"]])
    cases = []
    for case in doc["cases"]:
        lines = list(case["headers"])
        if not any(line.lower().startswith("to:") for line in lines):
            lines.append(f"To: {doc['me']}")
        lines.append(f"Message-ID: <case-{case['id']}@matching.example>")
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode()
        cases.append((case, parse_headers(raw, folder="INBOX", uid=case["id"],
                                          internal_date=NOW)))
    return index, cases


def evaluate(path: Path = CASES) -> list[Outcome]:
    """Run every case of the set through the parser and matcher; return the outcomes."""
    index, cases = load(path)
    return [Outcome(case, str(case["expect"]), label(match(msg, index))) for case, msg in cases]
