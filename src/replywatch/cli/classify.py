"""``replywatch classify [--json] FILE...``: what saved messages say, without a mailbox.

People use it to see why a message got its kind; the benchmark uses it to measure
the classifier. One line per file, or with ``--json`` one JSON object per line. A
file that cannot be read is named in a one-line error on standard error; the others
are still classified, and the exit code is then 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from replywatch.core.text import clean_line


def register(sub: Any, command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the ``classify`` command to the parser's subcommands."""
    p = command("classify", cmd_classify,
                "say what saved .eml messages are (rejection, interview, ...) and why")
    p.add_argument("files", nargs="+", metavar="FILE", help="RFC 822 message files (.eml)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")


def cmd_classify(args: argparse.Namespace) -> int:
    """Classify each file; return 2 if any could not be read, else 0."""
    # Imported here, as every command does with mail/: the parser is built for all.
    from replywatch.cli.context import error_line
    from replywatch.core.classify import classify
    from replywatch.i18n import _
    from replywatch.mail.bodytext import MAX_RAW, mail_text
    from replywatch.report.words import kind_words

    code = 0
    for name in args.files:
        try:
            with Path(name).open("rb") as handle:
                raw = handle.read(MAX_RAW)  # all that mail_text reads
        except OSError as exc:
            print(error_line(_("{file}: cannot read: {reason}").format(
                file=clean_line(name), reason=exc.strerror or exc)), file=sys.stderr)
            code = 2
            continue
        result = classify(mail_text(raw))
        if args.json:
            line = json.dumps({"file": name, "kind": result.kind.value,
                               "confidence": result.confidence,
                               "evidence": list(result.evidence)}, ensure_ascii=False)
        else:
            evidence = ("; ".join(f'"{clean_line(e)}"' for e in result.evidence)
                        or _("no evidence"))
            line = (f"{clean_line(name)}: {kind_words(result.kind)} ({result.confidence:.2f})"
                    f" — {evidence}")
        print(line, flush=True)
    return code
