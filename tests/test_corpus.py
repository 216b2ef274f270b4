"""tests/corpora: inside the repository, each folder with its licence and its source."""

from __future__ import annotations

from tests.corpus import CORPORA, corpus_messages

LICENCES = {"mail-parser": "LICENSE.txt", "mime4j-mimetools": "ARTISTIC-LICENSE.txt",
            "imaptest": "COPYING.MIT"}


def test_corpus_folders_each_carry_their_licence_and_a_readme_row() -> None:
    readme = (CORPORA / "README.md").read_text(encoding="utf-8")
    folders = sorted(p.name for p in CORPORA.iterdir() if p.is_dir())
    assert sorted(LICENCES) == folders
    assert [] == [f for f, licence in LICENCES.items()
                  if not (CORPORA / f / licence).is_file() or f"`{f}/`" not in readme]


def test_corpus_messages_every_copied_file_is_read() -> None:
    # Only what the tests use is copied: every message file yields a message.
    read = {name.split("#", 1)[0] for name, _ in corpus_messages()}
    copied = {p.name for p in CORPORA.glob("*/*")
              if p.name not in LICENCES.values() and p.name != "README.txt"}
    assert copied == read
