"""Measure the classifier on the labelled job-mail sets: per-kind precision and recall,
a confusion matrix, accuracy, the share of acknowledgements taken for a reply, and
milliseconds per message.

    python bench/classify.py [-v] [--rules] [SET_DIR ...]
        (default: every tests/data/jobmail* set, then the honest measures below)

Each set is a folder of .eml files with a labels.csv (file, kind, language, note).
Not a test: the targets are asserted by tests/core/test_classify_sets.py. ``-v`` lists
every miss; ``--rules`` measures the rules alone (no learned model).

With the default sets it then measures the hybrid (rules + learned model) on mail
its model never saw: (a) leave-one-set-out: a model trained on every set but the
round-4 held-out set, at the shipped threshold, classifying that set (mail seen by
neither the rules nor the model); (b) 5-fold cross-validation over every trained-on
set pooled (the rules were tuned on most of it, so this flatters the rules).
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

import train_kinds

from replywatch.core import kindmodel
from replywatch.core.classify import classify_with
from replywatch.core.kindmodel import KindModel
from replywatch.core.kinds import Kind
from replywatch.mail.bodytext import mail_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
DEFAULT_SETS = sorted(p for p in DATA.glob("jobmail*") if (p / "labels.csv").is_file())
KINDS = list(Kind)
LEAVE_OUT = "jobmail-holdout4"
SHORT = {k: k.value[:6] for k in KINDS}


def load(folder: Path) -> list[tuple[str, Kind, str, bytes]]:
    """Return (file, label, language, raw) of every labelled message of a set."""
    with (folder / "labels.csv").open(encoding="utf-8") as handle:
        return [(row["file"], Kind(row["kind"]), row["language"],
                 (folder / row["file"]).read_bytes()) for row in csv.DictReader(handle)]


def run(folder: Path, model: KindModel | None, *, verbose: bool) -> None:
    rows = load(folder)
    predictions = []
    started = time.perf_counter()
    for _, _, _, raw in rows:
        predictions.append(classify_with(mail_text(raw), model).kind)
    elapsed = time.perf_counter() - started
    # Classifier alone (the text already extracted), the part the engine adds per message.
    texts = [mail_text(raw) for _, _, _, raw in rows]
    started = time.perf_counter()
    for text in texts:
        classify_with(text, model)
    classify_only = time.perf_counter() - started
    report(f"{folder.name}: {len(rows)} messages, {'hybrid' if model else 'rules alone'}",
           [(name, label, lang) for name, label, lang, _ in rows], predictions, verbose=verbose)
    print(f"time: {1000 * elapsed / len(rows):.2f} ms per message (MIME parse + classify), "
          f"{1000 * classify_only / len(rows):.2f} ms classify alone")


def report(title: str, rows: list[tuple[str, Kind, str]], predictions: list[Kind], *,
           verbose: bool) -> None:
    """Print accuracy, per-kind precision and recall, the confusion matrix and the
    share of acknowledgements taken for a reply."""
    pairs = [(label, got) for (_, label, _), got in zip(rows, predictions, strict=True)]
    confusion = Counter(pairs)
    correct = sum(1 for label, got in pairs if label is got)
    print(f"\n== {title} ==")
    print(f"accuracy {correct / len(rows):.1%} ({correct}/{len(rows)})")
    print(f"{'kind':16} {'prec':>6} {'recall':>6} {'n':>4}")
    for kind in KINDS:
        tp = confusion[(kind, kind)]
        predicted = sum(v for (_, g), v in confusion.items() if g is kind)
        actual = sum(v for (lab, _), v in confusion.items() if lab is kind)
        prec = f"{tp / predicted:.1%}" if predicted else "-"
        rec = f"{tp / actual:.1%}" if actual else "-"
        print(f"{kind.value:16} {prec:>6} {rec:>6} {actual:>4}")
    acks = [got for label, got in pairs if label is Kind.ACKNOWLEDGEMENT]
    as_reply = sum(1 for got in acks if got.is_reply)
    print(f"acknowledgements taken for a reply: {as_reply}/{len(acks)}"
          f" ({as_reply / len(acks):.1%})" if acks else "no acknowledgements")
    print("confusion (rows: label, columns: predicted)")
    print(" " * 16 + "".join(f"{SHORT[k]:>7}" for k in KINDS))
    for label in KINDS:
        print(f"{label.value:16}" + "".join(f"{confusion[(label, g)] or '.':>7}" for g in KINDS))
    by_lang = Counter(lang for _, _, lang in rows)
    right_lang = Counter(lang for (_, label, lang), got in zip(rows, predictions, strict=True)
                         if label is got)
    print("by language: " + ", ".join(f"{lang} {right_lang[lang]}/{n}"
                                      for lang, n in sorted(by_lang.items())))
    if verbose:
        for (name, label, lang), got in zip(rows, predictions, strict=True):
            if label is not got:
                print(f"  miss {name} ({lang}): {label.value} -> {got.value}")


def honest(threshold: float, *, verbose: bool) -> None:
    """Print the hybrid on mail its model never saw: leave-one-set-out on the round-4
    held-out set, and 5-fold cross-validation over every trained-on set pooled."""
    sets = {name: train_kinds.load(name) for name in train_kinds.TRAIN_SETS}
    held = sets[LEAVE_OUT]
    model = train_kinds.fit([e for n, ex in sets.items() if n != LEAVE_OUT for e in ex],
                            threshold)
    report(f"(a) leave-one-set-out: {LEAVE_OUT}, model trained on the other sets",
           [(e.file, e.label, e.language) for e in held],
           [classify_with(e.mail, model).kind for e in held], verbose=verbose)
    pooled = [e for ex in sets.values() for e in ex]
    rows: list[tuple[str, Kind, str]] = []
    predictions: list[Kind] = []
    parts = train_kinds.folds(pooled)
    for i, part in enumerate(parts):
        fold_model = train_kinds.fit([e for j, p in enumerate(parts) if j != i for e in p],
                                     threshold)
        rows.extend((f"{e.set_name}/{e.file}", e.label, e.language) for e in part)
        predictions.extend(classify_with(e.mail, fold_model).kind for e in part)
    report(f"(b) {train_kinds.FOLDS}-fold cross-validation, every trained-on set pooled",
           rows, predictions, verbose=verbose)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    model = None if "--rules" in argv else kindmodel.packaged()
    named = [Path(a) for a in argv if not a.startswith("-")]
    for folder in named or DEFAULT_SETS:
        run(folder, model, verbose=verbose)
    shipped = kindmodel.packaged()
    if not named and shipped is not None:
        print(f"\nshipped threshold: {shipped.threshold:.2f}")
        honest(shipped.threshold, verbose=verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
