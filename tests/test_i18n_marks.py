"""Marks the catalogue extractor cannot see: a ``_("...")`` written inside an
f-string is translated at run time but never extracted (Python 3.11 tokenizes an
f-string as one string), so it would show in English without any test noticing.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

from replywatch import i18n

ROOT = Path(__file__).resolve().parents[1]
# A marking function called inside a replacement field: {_("..."), {escape(_('...')).
_MARK_IN_FIELD = re.compile(
    r"\{[^{}]*\b(?:" + "|".join(re.escape(name) for name in i18n.KEYWORDS) + r")\(\s*['\"]")


def marks_inside_f_strings(source: str) -> list[int]:
    """Return the line numbers of f-strings in ``source`` that call a marking function."""
    lines = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        prefix = token.string[:3].lower()
        if (token.type == tokenize.STRING and "f" in prefix.partition("'")[0].partition('"')[0]
                and _MARK_IN_FIELD.search(token.string)):
            lines.append(token.start[0])
    return lines


def test_i18n_marks_finder_sees_a_mark_inside_an_f_string() -> None:
    source = 'x = f"<p>{escape(_(\'Hello\'))}</p>"\ny = _("Fine") + f"{name}"\n'
    assert [1] == marks_inside_f_strings(source)


def test_i18n_no_message_is_marked_inside_an_f_string() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}"
             for path in sorted((ROOT / "src" / "replywatch").rglob("*.py"))
             for line in marks_inside_f_strings(path.read_text(encoding="utf-8"))]
    assert [] == found
