"""The learned model behind the rules (core/kindmodel.py) and how classify() uses it:
features, deterministic training, the shipped weights, and where the model may speak."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from replywatch.core import kindmodel
from replywatch.core.classify import classify, classify_with, learned_features
from replywatch.core.kindmodel import KindModel
from replywatch.core.kinds import Kind, MailText

ROOT = Path(__file__).resolve().parents[2]
PERSON = "kari.berg@havbris.no"


def _train_script() -> ModuleType:
    bench = str(ROOT / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    return importlib.import_module("train_kinds")


def _toy(threshold: float = 0.3) -> KindModel:
    # Made-up words, so that the rules' phrase lists know none of them.
    examples = [
        (["zorblat", "quexen", "zorblat quexen"], Kind.REJECTION),
        (["zorblat", "quexen", "mivvel"], Kind.REJECTION),
        (["zorblat", "quexen", "zorblat quexen"], Kind.REJECTION),
        (["received", "flimbo"], Kind.ACKNOWLEDGEMENT),
        (["received", "flimbo", "mivvel"], Kind.ACKNOWLEDGEMENT),
        (["lunch", "thursday"], Kind.OTHER),
        (["lunch", "friday"], Kind.OTHER),
    ]
    return kindmodel.train(examples, threshold)


def test_features_subject_body_bigrams_and_affixes_are_listed_once() -> None:
    found = kindmodel.features("søknad mottatt", "vi har mottatt søknadsprosessen",
                               automated=True)
    expected = ["@auto", "s:søknad", "s:mottatt", "søknad", "mottatt", "søknad mottatt", "vi",
                "har", "vi har", "har mottatt", "søknadsprosessen", "mottatt søknadsprosessen",
                "<søkna", "essen>"]
    assert expected == found


def test_features_numbers_and_single_letters_are_not_words() -> None:
    assert ["ref"] == kindmodel.features("", "ref 4471 a", automated=False)


def test_features_huge_body_is_capped() -> None:
    body = " ".join(f"w{chr(0x61 + i % 26)}{chr(0x61 + i // 26 % 26)}" for i in range(5000))
    assert kindmodel.MAX_FEATURES >= len(kindmodel.features("", body, automated=False))


def test_train_order_of_examples_gives_the_same_model() -> None:
    examples = [(["a1", "b1"], Kind.REJECTION), (["a1", "c1"], Kind.OTHER),
                (["b1", "c1"], Kind.REJECTION)]
    assert kindmodel.dumps(kindmodel.train(examples, 0.5)) == kindmodel.dumps(
        kindmodel.train(examples[::-1], 0.5))


def test_train_feature_seen_once_is_dropped() -> None:
    model = kindmodel.train([(["rare", "common"], Kind.REJECTION),
                             (["common"], Kind.OTHER)], 0.5)
    assert ["common"] == list(model.counts)


def test_train_no_examples_raises() -> None:
    with pytest.raises(ValueError, match="no labelled messages"):
        kindmodel.train([], 0.5)


def test_predict_words_of_a_kind_give_that_kind() -> None:
    kind, probability = _toy().predict(["zorblat", "quexen", "zorblat quexen"])
    other, weaker = _toy().predict(["zorblat", "mivvel"])
    assert (Kind.REJECTION, Kind.REJECTION, True) == (kind, other, probability > weaker)


def test_dumps_then_loads_gives_the_same_model() -> None:
    model = _toy()
    assert kindmodel.dumps(model) == kindmodel.dumps(kindmodel.loads(kindmodel.dumps(model)))


_HEAD = '{"model": {"kinds": ["other", "rejection"], "documents": [1, 2], "threshold": 0.5}, '


@pytest.mark.parametrize("text", ["not json", '{"model": {}}', '{"model": {"kinds": ["other"], '
                                  '"documents": [1, 2], "threshold": 0.5}, "counts": {}}',
                                  _HEAD + '"counts": {"a": [1, 2, 3]}}',  # a row too wide
                                  _HEAD + '"counts": {"a": [1, 2], "b": [1]}}',  # unequal
                                  _HEAD + '"counts": {"a": "12"}}'])  # not an array
def test_loads_malformed_model_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError, match=r"malformed kinds model|Expecting value"):
        kindmodel.loads(text)


def test_packaged_model_is_what_the_training_script_makes_of_the_data() -> None:
    committed = (ROOT / "src" / "replywatch" / "core" / kindmodel.MODEL_FILE).read_text("utf-8")
    assert _train_script().build() == committed


def test_packaged_model_threshold_is_a_probability() -> None:
    model = kindmodel.packaged()
    assert model is not None
    assert 0.5 <= model.threshold < 1.0


# -- the hybrid --------------------------------------------------------------------

def _person(body: str, subject: str = "Re: Data Engineer") -> MailText:
    return MailText(sender=PERSON, display_name="Kari Berg", subject=subject, body=body)


def test_classify_with_model_where_rules_find_nothing_takes_its_kind() -> None:
    message = _person("Zorblat quexen.")
    rules = classify_with(message, None)
    hybrid = classify_with(message, _toy())
    assert (Kind.OTHER, Kind.REJECTION) == (rules.kind, hybrid.kind)
    assert hybrid.evidence[0].startswith("model: rejection 0.")


def test_classify_with_model_below_threshold_stays_other() -> None:
    assert Kind.OTHER == classify_with(_person("Zorblat quexen."), _toy(threshold=0.99)).kind


def test_classify_with_model_never_overrides_a_strong_rule() -> None:
    # The toy model would call this a rejection; the rules see an interview.
    message = _person("Zorblat quexen! We would like to invite you to an interview next week.")
    assert Kind.INTERVIEW == classify_with(message, _toy(threshold=0.0)).kind


def test_classify_with_model_persons_question_stays_other() -> None:
    message = _person("Zorblat quexen. Could you send your CV?")
    assert Kind.OTHER == classify_with(message, _toy(threshold=0.0)).kind


def test_classify_with_model_that_says_other_stays_other() -> None:
    assert Kind.OTHER == classify_with(_person("Lunch on Thursday or Friday?"), _toy()).kind


def test_classify_packaged_model_reads_unlisted_receipt_wording() -> None:
    # "er levert" is in no phrase list: the rules alone find nothing; the shipped model
    # has seen enough receipts to name it.
    message = MailText(sender="no-reply@acme.teamtailor-mail.com", display_name="Acme",
                       subject="Your application",
                       body="Hei Henrik, søknaden din til stillingen som dataingeniør er "
                            "levert. Vi ser på alle søknadene etter fristen.")
    result = classify(message)
    assert (Kind.OTHER, Kind.ACKNOWLEDGEMENT) == (classify_with(message, None).kind, result.kind)
    assert result.evidence[0].startswith("model: acknowledgement 0.")


def test_learned_features_cut_quoted_history() -> None:
    message = _person("Thanks, noted.\n\nOn Mon, 3 Mar 2025, Robin <r@x.com> wrote:\n> interview")
    assert "interview" not in learned_features(message)
