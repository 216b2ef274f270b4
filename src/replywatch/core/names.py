"""Company names compared as people read them, not as bytes.

"Talkiatry Inc." in the book is the "Talkiatry" of a mail's sender; "Søstrene
Grene A/S" is "Sostrene Grene"; "Procter & Gamble" is "Procter and Gamble"; "Jump
Trading" is the ``jumptrading`` of ``jumptrading.com``. A name is found in a
display name or subject only as whole words: "Acme" is not in "Acmeville".

Pure functions of text; every one is linear in its input (one pass of a simple
character class), and callers cap what they pass in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters that Unicode does not decompose into a base letter plus accents.
_FOLD = str.maketrans({
    "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "đ": "d", "Đ": "d",
    "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ł": "l", "Ł": "l", "œ": "oe",
    "Œ": "oe", "\u0131": "i", "ŧ": "t", "ħ": "h", "&": " and ",
    # Marks that Unicode would spell out as letters glued to the name ("Acme™" -> acmetm).
    "™": " ", "℠": " ", "®": " ", "©": " ",
})
_WORD = re.compile(r"[^\W_]+")
# "and" in the languages the product reads: the same word in a name and in mail.
_AND = frozenset({"and", "og", "och", "und"})
# Legal forms, as the word sequences left after folding ("S.A." -> s a, "A/S" -> a s).
# Only dropped at the end of a name, and never the whole name.
_SUFFIXES: tuple[tuple[str, ...], ...] = tuple(
    tuple(s.split()) for s in (
        "inc", "incorporated", "llc", "l l c", "llp", "lp", "ltd", "limited", "co", "corp",
        "corporation", "company", "plc", "gmbh", "mbh", "ag", "kg", "ug", "ev", "e v",
        "se", "ab", "publ", "ab publ", "as", "asa", "a s", "aps", "a p s", "sa", "s a",
        "sas", "s a s", "sarl", "s a r l", "srl", "s r l", "spa", "s p a", "bv", "b v",
        "nv", "n v", "oy", "oyj", "pty", "pty ltd", "pte", "pte ltd", "kk", "k k", "sl",
        "s l", "ltda", "gmbh co kg", "gmbh and co kg", "ou", "hf", "ehf", "ky", "ans",
        "da", "ba", "sf", "kb", "hb", "i s", "and co", "and company",
    )
)
_MAX_SUFFIX_WORDS = max(len(s) for s in _SUFFIXES)
# Words that describe rather than name, at the end of a name: "DNB Bank" writes as
# "DNB", "Wolt Enterprises" as "Wolt", "Accenture Norge" as "Accenture". Dropped for
# a short form only while a naming word stays ("Global Bank" keeps both).
_DESCRIPTORS = frozenset({
    "bank", "group", "gruppen", "gruppe", "konsern", "konsernet", "holding", "holdings",
    "technologies", "technology", "tech", "labs", "lab", "software", "systems", "solutions",
    "consulting", "services", "international", "enterprises", "enterprise", "global",
    "digital", "norge", "norway", "sverige", "sweden", "danmark", "denmark", "suomi",
    "finland", "deutschland", "germany", "nordic", "nordics", "europe", "emea", "uk", "usa",
})


def fold(text: str) -> str:
    """Return the text case-folded, with accents and special letters reduced to ASCII
    where they have a plain form (ø -> o, æ -> ae, ß -> ss, é -> e), ``&`` as "and".
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().translate(_FOLD)


def words(text: str) -> tuple[str, ...]:
    """Return the folded words of a text, every "and" (og, och, und, &) as ``and``."""
    return tuple("and" if w in _AND else w for w in _WORD.findall(fold(text)))


def squash(text: str) -> str:
    """Return the folded text with no spaces or punctuation: "Jump-Trading" -> jumptrading."""
    return "".join(words(text))


def _strip_suffixes(found: tuple[str, ...]) -> tuple[str, ...]:
    """Drop legal forms from the end of a name, one after another, keeping one word."""
    changed = True
    while changed:
        changed = False
        for n in range(min(_MAX_SUFFIX_WORDS, len(found) - 1), 0, -1):
            if found[-n:] in _SUFFIXES:
                found = found[:-n]
                changed = True
                break
    return found


def _short(core: tuple[str, ...]) -> tuple[str, ...]:
    """Drop describing words from the end of a name while a naming word of three
    letters or more stays ("HP Enterprise" stays whole).
    """
    short = core
    while len(short) > 1 and short[-1] in _DESCRIPTORS and not set(short[:-1]) <= _DESCRIPTORS:
        short = short[:-1]
    return short if len("".join(short)) >= 3 else core


@dataclass(frozen=True)
class CompanyName:
    """A company name in the forms it is compared in.

    ``words`` drops the legal form ("Talkiatry Inc." -> talkiatry); ``squashed`` is
    those words run together; ``squashed_full`` keeps the legal form (acmecorp), which
    some domains carry; ``squashed_bare`` leaves out "and" (proctergamble); ``short``
    drops describing words from the end ("DNB Bank" -> dnb), a form mail uses too.
    """

    words: tuple[str, ...]
    squashed: str
    squashed_full: str
    squashed_bare: str
    short: tuple[str, ...]

    @classmethod
    def of(cls, name: str) -> CompanyName:
        """Given a company name as the user typed it, return its comparable forms."""
        full = words(name)
        core = _strip_suffixes(full)
        return cls(core, "".join(core), "".join(full),
                   "".join(w for w in core if w != "and"), _short(core))

    @property
    def forms(self) -> tuple[str, ...]:
        """Return the run-together forms the name may take in one word or label."""
        return (self.squashed, self.squashed_full, self.squashed_bare, "".join(self.short))

    @property
    def usable(self) -> bool:
        """Return True if the name is long enough to be looked for (two letters or more)."""
        return len(self.squashed) >= 2

    def in_words(self, text_words: tuple[str, ...]) -> bool:
        """Return True if the name stands in these words as whole words: its words in
        a row, or run together in one word ("JumpTrading").
        """
        if not self.usable:
            return False
        n, first = len(self.short), self.short[0]
        for i, w in enumerate(text_words):
            if w == first and text_words[i:i + n] == self.short:
                return True  # the short form is a prefix of the whole name's words
            if len(self.words) > 1 and w in self.forms:
                return True
        return False

    def in_text(self, text: str) -> bool:
        """Return True if the name stands in the text as whole words."""
        return self.in_words(words(text))

    def is_label(self, label: str) -> bool:
        """Return True if a domain label or address part is this name run together
        ("jump-trading", "jumptrading", "acmecorp").
        """
        flat = squash(label)
        return self.usable and flat in self.forms
