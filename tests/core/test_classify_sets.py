"""The labelled job-mail sets: the classifier meets its targets on each (issue 10).

Targets: accuracy >= 95 %; recall >= 95 % for rejection and for interview; at most 2 %
of acknowledgements taken for a reply. The figures themselves are printed by
bench/classify.py; this test fails CI when a change breaks a target.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from replywatch.core.classify import classify
from replywatch.core.kinds import Kind
from replywatch.mail.bodytext import mail_text

DATA = Path(__file__).resolve().parents[1] / "data"
SETS = ["jobmail"]


def _results(name: str) -> list[tuple[Kind, Kind]]:
    folder = DATA / name
    with (folder / "labels.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [(Kind(row["kind"]), classify(mail_text((folder / row["file"]).read_bytes())).kind)
            for row in rows]


def _recall(results: list[tuple[Kind, Kind]], kind: Kind) -> float:
    got = [predicted for label, predicted in results if label is kind]
    return sum(1 for predicted in got if predicted is kind) / len(got)


@pytest.fixture(scope="module", params=SETS)
def results(request: pytest.FixtureRequest) -> list[tuple[Kind, Kind]]:
    name: str = request.param
    if not (DATA / name / "labels.csv").is_file():
        pytest.fail(f"labelled set {name} is missing")
    return _results(name)


def test_labelled_set_has_every_kind(results: list[tuple[Kind, Kind]]) -> None:
    assert set(Kind) == {label for label, _ in results}


def test_labelled_set_accuracy_meets_target(results: list[tuple[Kind, Kind]]) -> None:
    accuracy = sum(1 for label, got in results if label is got) / len(results)
    assert accuracy >= 0.95, accuracy


def test_labelled_set_rejection_recall_meets_target(results: list[tuple[Kind, Kind]]) -> None:
    assert _recall(results, Kind.REJECTION) >= 0.95


def test_labelled_set_interview_recall_meets_target(results: list[tuple[Kind, Kind]]) -> None:
    assert _recall(results, Kind.INTERVIEW) >= 0.95


def test_labelled_set_acknowledgement_as_reply_within_target(
    results: list[tuple[Kind, Kind]],
) -> None:
    acks = [got for label, got in results if label is Kind.ACKNOWLEDGEMENT]
    assert sum(1 for got in acks if got.is_reply) / len(acks) <= 0.02
