"""HTML -> plain text, enough to read what a message says; pure, capped, linear.

Job mail is often HTML only (ATS templates, LinkedIn). The classifier needs its words
in reading order with block breaks kept, so that a sentence does not run into the
next paragraph; it needs neither layout nor links. The standard library's
``html.parser`` tokenises in one pass and resolves character references; this module
only decides what to keep.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# The most HTML read and the most text written: the classifier reads the start only.
MAX_HTML = 256 * 1024
MAX_TEXT = 16 * 1024

# Elements whose content is never text a reader sees.
_HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
# Elements that start a new line: a sentence never runs across them.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)
_BLANKS_RE = re.compile(r"[ \t\r\f\v\u00a0]+")
_LINES_RE = re.compile(r"\n{3,}")  # lines are stripped first: only newlines remain
_SECTION_CLOSE_RE = re.compile(r"\]\s*>")  # what ends a marked section (<![CDATA[ ... ]]>)


class _Reducer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.size = 0
        self.hidden = 0  # depth inside hidden elements
        self.quoted = 0  # depth inside blockquote: quoted history, marked for the reader

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "blockquote":
            self.quoted += 1
            self._add("\n")
        elif tag in _BLOCKS:
            self._add("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "blockquote":
            self.quoted = max(0, self.quoted - 1)
            self._add("\n")
        elif tag in _BLOCKS:
            self._add("\n")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.quoted:
            # Quoted history keeps the plain-text convention, so the classifier cuts it.
            data = "\n".join("> " + line for line in data.split("\n"))
        self._add(data)

    def _add(self, text: str) -> None:
        if self.size < MAX_TEXT * 2:
            self.parts.append(text)
            self.size += len(text)


def _close_or_escape(html: str) -> str:
    """Return ``html`` with every "<" that html.parser could not close written as
    "&lt;" (text, as a browser shows it).

    html.parser rescans the rest of its input for each "<" it cannot close ("<a<b<a<b",
    a flood of "<!--" or "<![CDATA["): quadratic, a 256 KB body would take minutes.
    A tag needs a ">" before the next "<", a comment a "-->" somewhere after it, a
    marked section a "]>" after it; what is left is read in one pass.
    """
    if "<" not in html:
        return html
    comment_end = html.rfind("-->")
    section_end = max((m.end() for m in _SECTION_CLOSE_RE.finditer(html)), default=-1)
    pieces = html.split("<")
    out = [pieces[0]]
    at = len(pieces[0])  # where this piece's "<" stands
    for piece in pieces[1:]:
        if piece.startswith("!--"):
            closable = comment_end >= at + 4
        elif piece.startswith("!["):
            closable = section_end > at + 3
        else:
            closable = ">" in piece
        out.append(("<" if closable else "&lt;") + piece)
        at += 1 + len(piece)
    return "".join(out)


def html_to_text(html: str) -> str:
    """Given HTML (a whole document or a fragment), return its visible text; never raise.

    Script, style and head content is dropped; block elements and ``<br>`` become line
    breaks; blanks are folded; text inside ``<blockquote>`` is prefixed with "> " as
    plain-text mail quotes. At most ``MAX_HTML`` characters are read and at most
    ``MAX_TEXT`` returned.
    """
    reducer = _Reducer()
    try:
        reducer.feed(_close_or_escape(html[:MAX_HTML]))
        reducer.close()
    except (AssertionError, ValueError):  # html.parser's own complaints on broken markup
        pass
    text = _BLANKS_RE.sub(" ", "".join(reducer.parts))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _LINES_RE.sub("\n\n", text).strip()[:MAX_TEXT]
