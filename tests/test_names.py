"""Company names compared normalised: case, accents, "and", legal forms, run together."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from replywatch.core.names import CompanyName, fold, squash, words
from replywatch.core.senders import is_recruiter_message, relay_slots


@pytest.mark.parametrize(
    ("book", "mail"),
    [
        ("Talkiatry Inc.", "Talkiatry"),
        ("Acme, LLC", "acme"),
        ("Equinor ASA", "Equinor"),
        ("Søstrene Grene A/S", "Sostrene Grene"),
        ("Spotify AB (publ)", "Spotify"),
        ("Siemens AG", "SIEMENS"),
        ("Nestlé S.A.", "Nestle"),
        ("Adyen N.V.", "Adyen"),
        ("Booking.com B.V.", "Booking.com"),
        ("Canva Pty Ltd", "Canva"),
        ("Wolt Enterprises Oy", "Wolt Enterprises"),
        ("Unity Technologies ApS", "Unity Technologies"),
        ("Zalando SE", "Zalando"),
        ("Toyota Motor Corp.", "Toyota Motor"),
        ("Rolls & Co.", "Rolls"),
        ("Barclays plc", "Barclays"),
        ("Bosch GmbH & Co. KG", "Bosch"),
    ],
)
def test_names_legal_form_dropped_matches_plain_name(book: str, mail: str) -> None:
    assert True is CompanyName.of(book).in_text(f"Your application at {mail} - next steps")


@pytest.mark.parametrize(
    ("book", "mail"),
    [
        ("Procter & Gamble", "Procter and Gamble"),
        ("Procter and Gamble", "Procter & Gamble"),
        ("Bakeri og Konditori", "Bakeri & Konditori"),
        ("Müller und Söhne", "Muller & Sohne"),
        ("Berg och Dal", "berg and dal"),
    ],
)
def test_names_and_in_every_language_alike(book: str, mail: str) -> None:
    assert True is CompanyName.of(book).in_text(mail)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Ørsted", "orsted"), ("Ærø Æble", "aero aeble"), ("Åland", "aland"), ("Straße", "strasse"),
     ("Łódź", "lodz"), ("Þórr", "thorr"), ("ÉCOLE", "ecole")],
)
def test_names_fold_accents_and_special_letters(raw: str, expected: str) -> None:
    assert expected == fold(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme Recruiting", True),
        ("Re: Acme - interview", True),
        ("Acmeville news", False),
        ("NotAcme Inc", False),
        ("acme-corp careers", True),
    ],
)
def test_names_found_only_as_whole_words(text: str, expected: bool) -> None:
    assert expected == CompanyName.of("Acme").in_text(text)


def test_names_trademark_signs_are_no_part_of_the_name() -> None:
    assert (True, True) == (CompanyName.of("Talkiatry").in_text("Talkiatry™ Careers"),
                            CompanyName.of("Acme®").in_text("Acme hiring"))


def test_names_multiword_name_needs_its_words_in_a_row() -> None:
    name = CompanyName.of("Jump Trading")
    assert (True, True, False) == (name.in_text("Jump Trading Group"),
                                   name.in_text("JumpTrading careers"),
                                   name.in_text("Trading jump ropes"))


@pytest.mark.parametrize(
    ("label", "expected"),
    [("jumptrading", True), ("jump-trading", True), ("jumptradingllc", True),
     ("jumptradingx", False), ("jump", False)],
)
def test_names_label_is_name_run_together(label: str, expected: bool) -> None:
    assert expected == CompanyName.of("Jump Trading LLC").is_label(label)


def test_names_legal_form_alone_is_kept_as_the_name() -> None:
    assert ("as",) == CompanyName.of("AS").words


def test_names_one_letter_name_is_never_looked_for() -> None:
    assert False is CompanyName.of("X").in_text("X marks the spot")


def test_names_words_and_squash_read_punctuation_as_spaces() -> None:
    assert (("o", "reilly", "and", "sons"), "oreillyandsons") == (
        words("O'Reilly & Sons!"), squash("O'Reilly & Sons!"))


@pytest.mark.parametrize(
    ("book", "text", "expected"),
    [
        ("DNB Bank ASA", "Stilling hos DNB", True),
        ("Accenture Norge AS", "Accenture - intervju", True),
        ("Wolt Enterprises Oy", "Thanks for applying to Wolt", True),
        ("Global Bank", "Global news", False),
        ("Global Bank", "Global Bank: your application", True),
        ("HP Enterprise", "HP news", False),
        ("Jump Trading", "Jump rope", False),
    ],
)
def test_names_describing_words_dropped_for_short_form(book: str, text: str,
                                                       expected: bool) -> None:
    assert expected == CompanyName.of(book).in_text(text)


def test_names_short_form_is_a_domain_label() -> None:
    assert (True, True) == (CompanyName.of("Wolt Enterprises Oy").is_label("wolt"),
                            CompanyName.of("DNB Bank ASA").is_label("dnb"))


def _cost(run: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", ["a", "é-", "a ", "acme "])
def test_names_and_sender_parsing_linear_in_input(unit: str) -> None:
    # Four times the input must cost about four times as much, not sixteen: each
    # function over mail text is timed against itself on a quarter of the input
    # (best of five, with room for a busy machine; a quadratic one takes seconds).
    name = CompanyName.of("acme acme corp")

    def work(text: str) -> None:
        name.in_words(words(text))
        relay_slots(text + "@x.teamtailor-mail.com")
        is_recruiter_message(text + "@linkedin.com", text, text)

    small = unit * (16_000 // len(unit))
    large = unit * (64_000 // len(unit))
    assert _cost(work, large) < 10 * _cost(work, small) + 0.05
