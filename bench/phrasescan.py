"""The classifier's phrase scan (issue 13): the 18 phrase alternations with finditer,
as ``core/classify.py`` ran them before, against ``core/phrasescan.PhraseScan``, in the
same run, per text size and language.

Texts are the labelled job mail (``tests/data/jobmail*``) as the classifier reads it
(normalised, quoted history cut), each language's bodies joined and cut into texts of
the size measured (5,000 characters is what the classifier reads of a body). Times are
milliseconds per text, the best of ``--repeat`` rounds over every text of a size; the
scanner is warm (it remembers the heads of words it has seen, as it does after a few
messages in a pass); its cold cost is printed apart. Both scans are checked to find the
same spans. Not a test: figures vary by machine.

    python bench/phrasescan.py [--repeat 5] [--texts 8]
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections.abc import Callable
from pathlib import Path

from replywatch.core import classify, phrases
from replywatch.core.phrasescan import PhraseScan
from replywatch.mail.bodytext import mail_text

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SIZES = (200, 1000, 2000, 5000)
GROUPS = {"English": ("en",), "Norwegian": ("nb", "nn"), "Swedish, Danish, German":
          ("sv", "da", "de")}


def alternations() -> list[list[str]]:
    """The phrase alternations as classify builds them: per kind, one per weight."""
    found: list[list[str]] = []
    for table in phrases.PHRASES.values():
        by_weight: dict[int, list[str]] = {}
        for weight, template in table:
            by_weight.setdefault(weight, []).append(
                template.replace("{G}", phrases.GAP).replace("{SHORT_GAP}", phrases.SHORT_GAP))
        found += [sources for _, sources in sorted(by_weight.items(), reverse=True)]
    return found


def bodies() -> dict[str, list[str]]:
    """Language -> the labelled messages' bodies, as the classifier reads them."""
    found: dict[str, list[str]] = {}
    for folder in sorted(p for p in DATA.glob("jobmail*") if (p / "labels.csv").is_file()):
        with (folder / "labels.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                _, _, body, _, _ = classify._read(mail_text((folder / row["file"]).read_bytes()))
                found.setdefault(row["language"], []).append(body)
    return found


def texts(pool: list[str], size: int, count: int) -> list[str]:
    """``count`` texts of ``size`` characters cut from the joined bodies."""
    joined = "\n".join(pool)
    step = max(size, (len(joined) - size) // count)
    return [joined[i : i + size] for i in range(0, len(joined) - size + 1, step)][:count]


def per_text(scan: Callable[[str], object], sample: list[str], repeat: int) -> float:
    """Milliseconds per text, the best of ``repeat`` rounds over the sample."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in sample:
            scan(text)
        best = min(best, time.perf_counter() - started)
    return 1000 * best / len(sample)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--texts", type=int, default=8, help="texts per size and language")
    args = parser.parse_args()
    sources = alternations()
    patterns = [re.compile(r"\b(?:" + "|".join(alts) + ")") for alts in sources]

    def old(text: str) -> list[list[tuple[int, int]]]:
        return [[match.span() for match in pattern.finditer(text)] for pattern in patterns]

    started = time.perf_counter()
    scanner = PhraseScan(sources)
    built = time.perf_counter() - started
    pool = bodies()
    first = texts(pool["en"], 5000, 1)[0]
    started = time.perf_counter()
    scanner.scan(first)
    cold = time.perf_counter() - started
    warm = per_text(scanner.scan, [first], 3)
    print(f"cold: building the scanner {1000 * built:.1f} ms (once per process); the first "
          f"5,000-character text on it {1000 * cold:.2f} ms, then {warm:.2f} ms")
    print(f"{'language':24} {'chars':>6} {'texts':>5} {'finditer':>9} {'scan':>7} {'ratio':>6}"
          f" {'matches':>8}")
    for group, languages in GROUPS.items():
        merged = [body for language in languages for body in pool.get(language, [])]
        for size in SIZES:
            sample = texts(merged, size, args.texts)
            for text in sample:
                if old(text) != scanner.scan(text):
                    raise SystemExit(f"the scans differ on {text[:60]!r}")
            matches = sum(len(spans) for text in sample for spans in old(text)) / len(sample)
            before = per_text(old, sample, args.repeat)
            after = per_text(scanner.scan, sample, args.repeat)
            print(f"{group:24} {size:>6} {len(sample):>5} {before:>7.2f}ms {after:>5.2f}ms "
                  f"{before / after:>5.1f}x {matches:>8.1f}")


if __name__ == "__main__":
    main()
