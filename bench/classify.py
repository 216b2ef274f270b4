"""Measure the classifier on the labelled job-mail sets: per-kind precision and recall,
a confusion matrix, accuracy, the share of acknowledgements taken for a reply, and
milliseconds per message.

    python bench/classify.py [-v] [SET_DIR ...]   (default: every tests/data/jobmail* set)

Each set is a folder of .eml files with a labels.csv (file, kind, language, note).
Not a test: the targets are asserted by tests/core/test_classify_sets.py. ``-v`` lists
every miss.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

from replywatch.core.classify import classify
from replywatch.core.kinds import Kind
from replywatch.mail.bodytext import mail_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
DEFAULT_SETS = sorted(p for p in DATA.glob("jobmail*") if (p / "labels.csv").is_file())
KINDS = list(Kind)
SHORT = {k: k.value[:6] for k in KINDS}


def load(folder: Path) -> list[tuple[str, Kind, str, bytes]]:
    """Return (file, label, language, raw) of every labelled message of a set."""
    with (folder / "labels.csv").open(encoding="utf-8") as handle:
        return [(row["file"], Kind(row["kind"]), row["language"],
                 (folder / row["file"]).read_bytes()) for row in csv.DictReader(handle)]


def run(folder: Path, *, verbose: bool) -> None:
    rows = load(folder)
    predictions = []
    started = time.perf_counter()
    for _, _, _, raw in rows:
        predictions.append(classify(mail_text(raw)).kind)
    elapsed = time.perf_counter() - started
    # Classifier alone (the text already extracted), the part the engine adds per message.
    texts = [mail_text(raw) for _, _, _, raw in rows]
    started = time.perf_counter()
    for text in texts:
        classify(text)
    classify_only = time.perf_counter() - started

    pairs = [(label, got) for (_, label, _, _), got in zip(rows, predictions, strict=True)]
    confusion = Counter(pairs)
    correct = sum(1 for label, got in pairs if label is got)
    print(f"\n== {folder.name}: {len(rows)} messages ==")
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
    by_lang = Counter(lang for _, _, lang, _ in rows)
    right_lang = Counter(lang for (_, label, lang, _), got in zip(rows, predictions, strict=True)
                         if label is got)
    print("by language: " + ", ".join(f"{lang} {right_lang[lang]}/{n}"
                                      for lang, n in sorted(by_lang.items())))
    print(f"time: {1000 * elapsed / len(rows):.2f} ms per message (MIME parse + classify), "
          f"{1000 * classify_only / len(rows):.2f} ms classify alone")
    if verbose:
        for (name, label, lang, _), got in zip(rows, predictions, strict=True):
            if label is not got:
                print(f"  miss {name} ({lang}): {label.value} -> {got.value}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    folders = [Path(a) for a in argv if a != "-v"] or [p for p in DEFAULT_SETS if p.is_dir()]
    for folder in folders:
        run(folder, verbose=verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
