"""The labelled job-mail sets: the classifier meets its targets (issue 10).

Targets: accuracy >= 95 %; recall >= 95 % for rejection and for interview; at most 2 %
of acknowledgements taken for a reply. They are asserted on the sets the classifier was
tuned on (the labelled set and the held-out rounds 1 to 3, which were studied after
their measurement), with the shipped model (trained on them).

The round-4 held-out set was never tuned on by the rules; the hybrid is measured on it
by leave-one-set-out (a model trained on every other set), and those figures (95.2 %,
96.2 %, 91.7 %, 0 %; the rules alone had 84.3 %, 84.6 %, 83.3 %, 11.1 %) are asserted
as a floor, so that a change that makes unseen mail worse fails CI. The round-5 set was
written after the hybrid was frozen and is never trained on; its measured figures
(98.5 %, 100 %, 100 %, 5 %) are a floor too. The figures themselves are printed by
bench/classify.py.
"""

from __future__ import annotations

import csv
import importlib
import sys
from pathlib import Path

import pytest

from replywatch.core import kindmodel
from replywatch.core.classify import classify, classify_with
from replywatch.core.kinds import Kind
from replywatch.mail.bodytext import mail_text

DATA = Path(__file__).resolve().parents[1] / "data"
TUNED = ["jobmail", "jobmail-holdout", "jobmail-holdout2", "jobmail-holdout3"]
HELD_OUT = "jobmail-holdout4"
UNSEEN = "jobmail-holdout5"


def _results(name: str) -> list[tuple[Kind, Kind]]:
    folder = DATA / name
    with (folder / "labels.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [(Kind(row["kind"]), classify(mail_text((folder / row["file"]).read_bytes())).kind)
            for row in rows]


def _recall(results: list[tuple[Kind, Kind]], kind: Kind) -> float:
    got = [predicted for label, predicted in results if label is kind]
    return sum(1 for predicted in got if predicted is kind) / len(got)


@pytest.fixture(scope="module", params=TUNED)
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


@pytest.fixture(scope="module")
def held_out() -> list[tuple[Kind, Kind]]:
    # Leave-one-set-out: the model of the shipped threshold, trained without this set.
    bench = str(Path(__file__).resolve().parents[2] / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    train = importlib.import_module("train_kinds")
    shipped = kindmodel.packaged()
    assert shipped is not None
    model = train.fit([e for name in train.TRAIN_SETS if name != HELD_OUT
                       for e in train.load(name)], shipped.threshold)
    return [(e.label, classify_with(e.mail, model).kind) for e in train.load(HELD_OUT)]


def test_held_out_set_has_every_kind(held_out: list[tuple[Kind, Kind]]) -> None:
    assert set(Kind) == {label for label, _ in held_out}


def test_held_out_set_no_worse_than_measured_at_the_freeze(
    held_out: list[tuple[Kind, Kind]],
) -> None:
    accuracy = sum(1 for label, got in held_out if label is got) / len(held_out)
    acks = [got for label, got in held_out if label is Kind.ACKNOWLEDGEMENT]
    as_reply = sum(1 for got in acks if got.is_reply) / len(acks)
    floors = (accuracy >= 0.95, _recall(held_out, Kind.REJECTION) >= 0.96,
              _recall(held_out, Kind.INTERVIEW) >= 0.91, as_reply <= 0.0)
    assert (True, True, True, True) == floors


@pytest.fixture(scope="module")
def unseen() -> list[tuple[Kind, Kind]]:
    return _results(UNSEEN)


def test_unseen_set_has_every_kind(unseen: list[tuple[Kind, Kind]]) -> None:
    assert set(Kind) == {label for label, _ in unseen}


def test_unseen_set_no_worse_than_measured_at_the_freeze(
    unseen: list[tuple[Kind, Kind]],
) -> None:
    accuracy = sum(1 for label, got in unseen if label is got) / len(unseen)
    acks = [got for label, got in unseen if label is Kind.ACKNOWLEDGEMENT]
    as_reply = sum(1 for got in acks if got.is_reply) / len(acks)
    floors = (accuracy >= 0.98, _recall(unseen, Kind.REJECTION) >= 1.0,
              _recall(unseen, Kind.INTERVIEW) >= 1.0, as_reply <= 0.05)
    assert (True, True, True, True) == floors
