"""A small learned model of what a message says: the classifier's second opinion.

DESIGN.md "What a message says". A multinomial naive Bayes over the words of a
message's subject and the start of its text (quoted history already cut, normalised
by ``core/classify.py``): lower-cased word unigrams and bigrams, accents kept, and the
start and end of long words, so that a Nordic or German compound ("søknadsprosessen",
"Bewerbungsunterlagen") shares evidence with its parts. Each word counts once per
message (binarised naive Bayes, steadier on short text than raw counts).

Training and prediction are pure and use the standard library only. The weights ship
in the package as ``kinds_model.json``, made by ``scripts/train_kinds.py`` from the
labelled sets; prediction is one dict lookup per feature, over capped input.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from replywatch.core.kinds import Kind

MODEL_FILE = "kinds_model.json"
MAX_BODY_CHARS = 1500  # the start of a message says what it is; the rest is signature
MAX_FEATURES = 600  # distinct features read of one message
_WORD_RE = re.compile(r"[^\W\d_]{2,30}")
_AFFIX_FROM = 9  # words at least this long also give their first and last five letters
_AFFIX = 5
_SMOOTHING = 0.5
_MIN_DOCUMENTS = 2  # a feature seen in fewer messages is dropped: it would only memorise
# Naive Bayes counts each feature as independent evidence, which makes its posterior
# near 0 or 1 on any real message. Dividing the log scores by this temperature gives
# probabilities whose threshold means something (it is chosen by cross-validation).
_TEMPERATURE = 8.0


def features(subject: str, body: str, *, automated: bool) -> list[str]:
    """Given a normalised (case-folded) subject and body, return the distinct features
    of the message, in order of first appearance: subject words prefixed ``s:``, body
    words and bigrams, affixes of long words (``<start``, ``end>``), and ``@auto`` for
    automated mail. At most ``MAX_FEATURES``.
    """
    found: dict[str, None] = {}
    if automated:
        found["@auto"] = None
    for word in _WORD_RE.findall(subject):
        found["s:" + word] = None
    _add_words(found, _WORD_RE.findall(subject))
    _add_words(found, _WORD_RE.findall(body[:MAX_BODY_CHARS]))
    return list(found)[:MAX_FEATURES]


def _add_words(found: dict[str, None], words: list[str]) -> None:
    previous = ""
    for word in words:
        found[word] = None
        if previous:
            found[previous + " " + word] = None
        if len(word) >= _AFFIX_FROM:
            found["<" + word[:_AFFIX]] = None
            found[word[-_AFFIX:] + ">"] = None
        previous = word


@dataclass(frozen=True)
class KindModel:
    """A trained naive Bayes model: the kinds, how many training messages each had, and
    per feature in how many messages of each kind it was seen (in the order of
    ``kinds``); ``threshold`` is the probability at which the classifier takes the
    model's word. The log weights are worked out once, on construction."""

    kinds: tuple[Kind, ...]
    documents: tuple[int, ...]
    counts: Mapping[str, Sequence[int]]
    threshold: float
    priors: tuple[float, ...] = field(init=False, repr=False)
    # log P(feature | kind), worked out the first time a feature is met: a message
    # meets a few dozen of the thousands of features, and working them all out on
    # load cost a one-off 45 ms, as much as a first pass over 1,000 messages.
    weights: dict[str, tuple[float, ...]] = field(init=False, repr=False)
    _logs: tuple[float, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        width = len(self.kinds)
        try:  # one walk over the rows: zip(strict) fails on rows of unequal length
            totals = [sum(column) for column in zip(*self.counts.values(), strict=True)]
        except ValueError:
            totals = []
        if len(self.documents) != width or len(totals) != (width if self.counts else 0) or sum(
                self.documents) < 1:
            raise ValueError("malformed kinds model: a row does not have one count per kind")
        totals = totals or [0] * width
        # Multinomial naive Bayes over each message's distinct features, with additive
        # smoothing: log P(feature | kind) = log(n + a) - log(total of kind + a * features).
        logs = tuple(math.log(t + _SMOOTHING * len(self.counts)) for t in totals)
        total = sum(self.documents)
        priors = tuple(math.log(max(n, 1) / total) for n in self.documents)
        object.__setattr__(self, "weights", {})
        object.__setattr__(self, "_logs", logs)
        object.__setattr__(self, "priors", priors)

    def weight(self, feature: str) -> tuple[float, ...] | None:
        """Return log P(feature | kind) per kind, or None for a feature not in the model."""
        row = self.weights.get(feature)
        if row is None:
            counts = self.counts.get(feature)
            if counts is None:
                return None
            row = tuple(math.log(n + _SMOOTHING) - log for n, log in
                        zip(counts, self._logs, strict=True))
            self.weights[feature] = row
        return row

    def predict(self, found: Iterable[str]) -> tuple[Kind, float]:
        """Given a message's features, return the most likely kind and its probability."""
        scores = list(self.priors)
        for feature in found:
            row = self.weight(feature)
            if row is not None:
                for i, value in enumerate(row):
                    scores[i] += value
        top = max(scores)
        exps = [math.exp((s - top) / _TEMPERATURE) for s in scores]
        best = max(range(len(scores)), key=scores.__getitem__)
        return self.kinds[best], exps[best] / sum(exps)


def train(examples: Sequence[tuple[list[str], Kind]], threshold: float) -> KindModel:
    """Given (features, kind) of labelled messages, return the naive Bayes model.

    Deterministic: the same examples in any order give the same model. Features seen
    in fewer than two messages are dropped. Raise ValueError if there are no examples.
    """
    if not examples:
        raise ValueError("no labelled messages to train on")
    kinds = tuple(k for k in Kind if any(label is k for _, label in examples))
    index = {k: i for i, k in enumerate(kinds)}
    documents = [0] * len(kinds)
    counts: dict[str, list[int]] = {}
    for found, label in examples:
        documents[index[label]] += 1
        for feature in set(found):
            counts.setdefault(feature, [0] * len(kinds))[index[label]] += 1
    kept = {f: tuple(row) for f, row in sorted(counts.items()) if sum(row) >= _MIN_DOCUMENTS}
    return KindModel(kinds, tuple(documents), kept, threshold)


def dumps(model: KindModel) -> str:
    """Given a model, return it as compact, stable JSON (sorted, one feature a line)."""
    head = json.dumps({"kinds": [k.value for k in model.kinds], "documents": model.documents,
                       "threshold": model.threshold}, sort_keys=True, separators=(",", ":"))
    rows = ",\n".join(f"{json.dumps(f, ensure_ascii=False)}:[{','.join(map(str, row))}]"
                      for f, row in sorted(model.counts.items()))
    return f'{{"model":{head},\n"counts":{{\n{rows}}}}}\n'


def loads(text: str) -> KindModel:
    """Given the JSON of ``dumps``, return the model. Raise ValueError if malformed."""
    try:
        data = json.loads(text)
        head = data["model"]
        counts = data["counts"]
        # Taken as decoded (JSON's arrays of numbers), not copied into tuples: six
        # thousand rows, read on the first classification of every process.
        if not isinstance(counts, dict) or not all(
                type(row) is list for row in counts.values()):
            raise TypeError("counts is not an object of arrays")
        return KindModel(tuple(Kind(k) for k in head["kinds"]),
                         tuple(int(n) for n in head["documents"]), counts,
                         float(head["threshold"]))
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"malformed kinds model: {exc}") from exc


@cache
def packaged() -> KindModel | None:
    """Return the model shipped in the package, or None when it is not there (a
    checkout before ``scripts/train_kinds.py`` has run): the rules then decide alone."""
    try:
        text = resources.files("replywatch.core").joinpath(MODEL_FILE).read_text("utf-8")
    except FileNotFoundError:
        return None
    return loads(text)
