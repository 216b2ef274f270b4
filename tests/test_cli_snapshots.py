"""What the command line prints, in English and Norwegian, against committed snapshots.

The real ``replywatch`` program runs as a subprocess on a real SQLite store, its clock
fixed by libfaketime (Debian ``faketime``) so that "due since fre. 27. nov." reads the
same every day. Norwegian is chosen once by ``[ui] language = "nb"`` and once by
``LANG=nb_NO.UTF-8`` with no ``[ui]`` key.

The snapshots live in tests/snapshots/cli/; after a deliberate change of wording,
``REPLYWATCH_UPDATE_SNAPSHOTS=1 pytest tests/test_cli_snapshots.py`` writes them
again (then read the diff before committing it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from replywatch.core.model import Direction, RawMessage, Stage
from replywatch.core.policy import Policy
from replywatch.store import Store, mailstate
from replywatch.store.book import Book

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / "cli"
UPDATE = os.environ.get("REPLYWATCH_UPDATE_SNAPSHOTS") == "1"
OSLO = ZoneInfo("Europe/Oslo")
# Friday 27 November 2026, 14:05 in Oslo: the moment every snapshot is taken at.
NOW = datetime(2026, 11, 27, 13, 5, tzinfo=UTC)
FAKETIME = "@2026-11-27 13:05:00"  # read in TZ=UTC, set for every run


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=OSLO).astimezone(UTC)


def _fill(path: Path) -> None:
    """Write the book every snapshot shows: each kind of next action once, æøå included."""
    store = Store.open(path)
    book = Book(store, Policy(), OSLO, NOW)
    bolgen = book.add(company="Bølgen & Moi AS", role="Backend-utvikler",
                      contacts=["hr@bolgen.example"], applied_at=_at("2026-11-10T09:00"))
    acme = book.add(company="Acme", role="Site Reliability Engineer",
                    contacts=["jobs@acme.example"], applied_at=_at("2026-11-02T00:00"),
                    thread_ids=["a1@acme.example"],
                    notes="Spør om vaktordningen\nThey use Go and Rust")
    book.log(acme, Direction.FROM_THEM, _at("2026-11-20T11:15"), "Kari ringte")
    book.interview(acme, _at("2026-11-26T10:00"), _at("2026-11-26T11:00"),
                   ["kari@acme.example"])
    book.set(acme, max_follow_ups=2)
    book.set(bolgen, follow_up_after_days=10)
    book.add(company="Nordlys Energi", applied_at=_at("2026-11-25T00:00"))
    fjord = book.add(company="Fjord Tech", role="Utvikler", applied_at=_at("2026-11-12T00:00"))
    book.snooze(fjord, _at("2026-12-03T00:00"))
    odegaard = book.add(company="Ødegaard Consulting", applied_at=_at("2026-11-03T00:00"))
    book.log(odegaard, Direction.FROM_THEM, _at("2026-11-26T09:30"), "Telefon fra Per")
    tinde = book.add(company="Tinde AS", applied_at=_at("2026-10-01T00:00"))
    book.set(tinde, stage=Stage.WITHDRAWN)
    assert 1 == bolgen  # the snapshots name applications by id
    _mail(store)
    store.close()


def _mail(store: Store) -> None:
    """Keep two messages status asks about: one fits two applications, one is a stranger's."""
    def raw(uid: int, sender: str, subject: str) -> RawMessage:
        header = (f"From: {sender}\r\nSubject: {subject}\r\n"
                  f"Message-ID: <m{uid}@mail.example>\r\n"
                  "Date: Thu, 26 Nov 2026 08:00:00 +0000\r\n\r\n").encode()
        return RawMessage("INBOX", uid, _at("2026-11-26T09:00") + timedelta(minutes=uid), header)

    unclear = raw(1, "Kari Nordmann <kari@jobb.example>", "=?utf-8?q?S=C3=B8knaden_din?=")
    stranger = raw(2, "noreply@elsewhere.example", "Re: Site Reliability Engineer")
    with store.tx():
        mailstate.save_messages(store, "mail", [unclear, stranger],
                                lambda m: f"mid:m{m.uid}@mail.example")
        mailstate.mark(store, "mid:m1@mail.example", candidates=(1, 3))
        mailstate.mark(store, "mid:m2@mail.example", review=2)


@dataclass(frozen=True)
class Setup:
    """One test folder: the filled store, a damaged one, and configs that use them."""

    root: Path
    english: Path  # no [ui] key: the locale decides
    norwegian: Path  # [ui] language = "nb"
    damaged_en: Path  # a store that is not SQLite
    damaged_nb: Path
    not_utf8: Path


def _config(path: Path, store: Path, *, language: str | None = None) -> Path:
    ui = f'[ui]\nlanguage = "{language}"\n\n' if language else ""
    path.write_text(f'{ui}[policy]\ntimezone = "Europe/Oslo"\n\n[store]\npath = "{store}"\n',
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def setup() -> Iterator[Setup]:
    # A plain temporary folder: one store serves every snapshot of the module.
    root = Path(tempfile.mkdtemp(prefix="rw-snap-"))
    _fill(root / "book.db")
    (root / "damaged.db").write_bytes(b"This is a note, not a database.\n" * 64)
    not_utf8 = root / "latin1.toml"
    not_utf8.write_bytes(b'[policy]\ntimezone = "Europe/Oslo"\n# S\xf8knader\n')
    yield Setup(
        root=root,
        english=_config(root / "en.toml", root / "book.db"),
        norwegian=_config(root / "nb.toml", root / "book.db", language="nb"),
        damaged_en=_config(root / "damaged-en.toml", root / "damaged.db"),
        damaged_nb=_config(root / "damaged-nb.toml", root / "damaged.db", language="nb"),
        not_utf8=not_utf8,
    )
    shutil.rmtree(root)


@dataclass(frozen=True)
class Run:
    """One run of the program: its arguments, exit code and both outputs."""

    args: tuple[str, ...]
    code: int
    out: str
    err: str

    def text(self, root: Path) -> str:
        """Return the run as its snapshot holds it; the test folder reads <tmp>."""
        body = (f"$ replywatch {' '.join(self.args)}\nexit {self.code}\n"
                f"--- stdout\n{self.out}--- stderr\n{self.err}")
        return body.replace(str(root), "<tmp>")


def _replywatch(setup: Setup, config: Path, *args: str, lang: str = "C.UTF-8") -> Run:
    """Run the installed program at the snapshots' moment in ``lang``; return what it did."""
    faketime = shutil.which("faketime")
    assert faketime is not None, "the snapshots need Debian's faketime (scripts/setup.sh)"
    env = {k: v for k, v in os.environ.items()
           if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "REPLYWATCH_CONFIG")}
    env.update(LANG=lang, TZ="UTC", XDG_DATA_HOME=str(setup.root / "data"),
               XDG_CONFIG_HOME=str(setup.root / "cfg"), COLUMNS="200")
    argv = [*args, "--config", str(config)]
    done = subprocess.run([faketime, "-f", FAKETIME, sys.executable, "-m", "replywatch", *argv],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    shown = tuple(a if a != str(config) else config.name for a in argv)
    return Run(shown, done.returncode, done.stdout, done.stderr)


def _matches(name: str, run: Run, setup: Setup) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    actual = run.text(setup.root)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}: run with REPLYWATCH_UPDATE_SNAPSHOTS=1"
    assert path.read_text(encoding="utf-8") == actual


# name -> (which config, arguments, LANG)
CASES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "en/status": ("english", ("status",), "C.UTF-8"),
    "en/app_list": ("english", ("app", "list", "--all"), "C.UTF-8"),
    "en/app_show": ("english", ("app", "show", "2"), "C.UTF-8"),
    "en/unknown_id": ("english", ("app", "show", "99"), "C.UTF-8"),
    "en/bad_date": ("english", ("app", "snooze", "1", "--until", "next week"), "C.UTF-8"),
    "en/store_damaged": ("damaged_en", ("status",), "C.UTF-8"),
    "en/config_missing": ("missing", ("status",), "C.UTF-8"),
    "en/config_not_utf8": ("not_utf8", ("status",), "C.UTF-8"),
    "nb/status": ("norwegian", ("status",), "C.UTF-8"),
    "nb/app_list": ("norwegian", ("app", "list", "--all"), "C.UTF-8"),
    "nb/app_show": ("norwegian", ("app", "show", "2"), "C.UTF-8"),
    "nb/unknown_id": ("norwegian", ("app", "show", "99"), "C.UTF-8"),
    "nb/bad_date": ("norwegian", ("app", "snooze", "1", "--until", "neste uke"), "C.UTF-8"),
    "nb/store_damaged": ("damaged_nb", ("status",), "C.UTF-8"),
    "nb-locale/status": ("english", ("status",), "nb_NO.UTF-8"),
    "nb-locale/config_missing": ("missing", ("status",), "nb_NO.UTF-8"),
    "nb-locale/config_not_utf8": ("not_utf8", ("status",), "nb_NO.UTF-8"),
}


@pytest.fixture(scope="module")
def runs(setup: Setup) -> dict[str, Run]:
    """Every case run once: the snapshot tests and the exit-code test share them."""
    configs = {"english": setup.english, "norwegian": setup.norwegian,
               "damaged_en": setup.damaged_en, "damaged_nb": setup.damaged_nb,
               "not_utf8": setup.not_utf8, "missing": setup.root / "missing.toml"}
    # A few at a time: each run is mostly the interpreter starting.
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {name: pool.submit(_replywatch, setup, configs[which], *args, lang=lang)
                   for name, (which, args, lang) in CASES.items()}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_output_in_each_language_matches_its_snapshot(
        name: str, runs: dict[str, Run], setup: Setup) -> None:
    _matches(name, runs[name], setup)


def test_cli_exit_codes_are_the_same_in_every_language(runs: dict[str, Run]) -> None:
    english = {name.partition("/")[2]: run.code for name, run in runs.items()
               if name.startswith("en/")}
    expected = {"status": 0, "app_list": 0, "app_show": 0, "unknown_id": 2, "bad_date": 2,
                "store_damaged": 3, "config_missing": 2, "config_not_utf8": 2}
    assert expected == english
    others = {name: run.code for name, run in runs.items() if not name.startswith("en/")}
    assert {name: english[name.partition("/")[2]] for name in others} == others


def test_cli_norwegian_error_names_the_file_and_line_at_fault(
        runs: dict[str, Run], setup: Setup) -> None:
    expected = (f"replywatch: feil: {setup.not_utf8}:3: syntaksfeil: ikke UTF-8-tekst\n")
    assert expected == runs["nb-locale/config_not_utf8"].err


def test_cli_norwegian_store_fault_names_the_store_file(
        runs: dict[str, Run], setup: Setup) -> None:
    err = runs["nb/store_damaged"].err
    assert err.startswith(f"replywatch: feil: {setup.root / 'damaged.db'}: "), err


def test_cli_norwegian_by_config_and_by_locale_print_the_same(runs: dict[str, Run]) -> None:
    by_config, by_locale = runs["nb/status"], runs["nb-locale/status"]
    assert (by_config.code, by_config.out, by_config.err) == (
        by_locale.code, by_locale.out, by_locale.err)
