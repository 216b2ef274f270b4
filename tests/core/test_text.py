"""clean_line's shortcut for text that is clean already changes no answer."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from replywatch.core.text import _cleaned_line, clean_line

# Every code point, lone surrogates included (mail decoded with surrogateescape has them),
# with spaces often enough to make runs of them and spaces at either end.
TEXTS = st.text(st.one_of(st.characters(), st.just(" "), st.just("\udcff")), max_size=12)


@given(TEXTS, st.integers(min_value=1, max_value=14))
@example("Acme Inc", 200)
@example("Acme  Inc", 200)
@example(" Acme", 200)
@example("Acme ", 200)
@example("Acme\xa0Inc", 200)
@example("Acme\u2028Inc", 200)
@example("Acme\u202eInc", 200)
@example("Acme\x1b[31m", 200)
@example("Acme\udcff", 200)
@example("abcdefgh", 5)
@example("abcde", 5)
@example("", 5)
def test_clean_line_any_text_same_as_full_cleaning(text: str, limit: int) -> None:
    assert _cleaned_line(text, limit) == clean_line(text, limit)


def test_clean_line_clean_text_is_returned_as_it_is() -> None:
    name = "Acme Robotics (Platform Engineer)"
    assert name is clean_line(name)
