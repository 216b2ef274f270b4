"""The catalogues: every message of the program is in Norwegian, and dates read Norwegian."""

from __future__ import annotations

import re
import runpy
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from replywatch import i18n

ROOT = Path(__file__).resolve().parents[1]
FIELD = re.compile(r"\{(\w*)[^{}]*\}")
OSLO = ZoneInfo("Europe/Oslo")


def _source_messages() -> dict[tuple[str | None, str], str]:
    """Return every message the program marks for translation -> where it is first marked."""
    found: dict[tuple[str | None, str], str] = {}
    for filename, line, message, _comments, context in extract_from_dir(
            str(ROOT / "src" / "replywatch"), method_map=[("**.py", "python")],
            keywords=i18n.KEYWORDS):  # type: ignore[arg-type]
        singular = message[0] if isinstance(message, tuple) else message
        if singular:
            found.setdefault((context, singular), f"src/replywatch/{filename}:{line}")
    return found


def _catalogue(language: str) -> dict[tuple[str | None, str], tuple[Message, str]]:
    """Return every message of po/<language>/*.po -> (message, file)."""
    messages: dict[tuple[str | None, str], tuple[Message, str]] = {}
    for po in sorted((ROOT / "po" / language).glob("*.po")):
        with po.open("rb") as handle:
            catalog: Catalog = read_po(handle, locale=language)
        for message in catalog:
            if message.id:
                singular = message.id if isinstance(message.id, str) else message.id[0]
                messages[(message.context, singular)] = (message, po.name)
    return messages


def _fields(text: object) -> set[str]:
    return set(FIELD.findall(text)) if isinstance(text, str) else set()


def test_i18n_every_marked_message_has_a_norwegian_translation() -> None:
    catalogue = _catalogue("nb")
    missing = [f"{where}: {key[1]!r}" for key, where in _source_messages().items()
               if key not in catalogue]
    assert [] == missing


def test_i18n_norwegian_translations_are_whole_and_keep_their_fields() -> None:
    faults = []
    for (context, msgid), (message, po) in _catalogue("nb").items():
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            faults.append(f"{po}: {msgid!r} is fuzzy or untranslated")
            continue
        wanted = set().union(*(_fields(i) for i in ids))
        for string in strings:
            if _fields(string) != wanted:
                faults.append(f"{po}: {msgid!r} ({context}) has fields {sorted(_fields(string))}"
                              f", the message {sorted(wanted)}")
    assert [] == faults


def test_i18n_norwegian_catalogue_has_no_message_the_program_lost() -> None:
    marked = _source_messages()
    stale = [f"{po}: {key[1]!r}" for key, (_m, po) in _catalogue("nb").items()
             if key not in marked]
    assert [] == stale


def test_i18n_installed_catalogue_is_compiled_from_the_current_po_files(
        tmp_path: Path) -> None:
    # Catalogues are built at install time: one edited since needs `pip install -e .`.
    compile_catalogues = runpy.run_path(str(ROOT / "setup.py"))["compile_catalogues"]
    fresh: list[Path] = compile_catalogues(tmp_path)
    for mo in fresh:
        installed = i18n.LOCALE_DIR / mo.relative_to(tmp_path / "locale")
        assert mo.read_bytes() == installed.read_bytes(), (
            f"{installed} is older than po/: run `pip install -e .` again")


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "nb_NO.UTF-8"}, "nb"),
    ({"LANG": "no_NO"}, "nb"),
    ({"LANG": "nn_NO.UTF-8"}, "nb"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANGUAGE": "de:nb", "LANG": "en_US.UTF-8"}, "nb"),
    ({"LC_ALL": "C", "LANG": "nb_NO.UTF-8"}, "en"),
    ({"LC_MESSAGES": "nb_NO.UTF-8", "LANG": "en_US.UTF-8"}, "nb"),
    ({}, "en"),
])
def test_i18n_from_environment_reads_the_locale_like_gettext(
        environ: dict[str, str], expected: str) -> None:
    assert expected == i18n.from_environment(environ)


def test_i18n_use_norwegian_writes_dates_the_norwegian_way() -> None:
    i18n.use("nb")
    friday = date(2026, 11, 27)
    assert "fredag 27. november" == i18n.long_day(friday)
    assert "fre. 27. nov." == i18n.short_day(friday)
    at = datetime(2026, 11, 27, 13, 5, tzinfo=UTC)
    assert "fre. 27. nov. kl. 14:05" == i18n.humanize(at, at, OSLO)
    assert "tor. 27. nov. 2025" == i18n.humanize(datetime(2025, 11, 26, 23, tzinfo=UTC),
                                                 at, OSLO)


def test_i18n_short_day_written_before_a_change_of_language_is_written_anew() -> None:
    friday = date(2026, 11, 27)
    i18n.use("en")
    before = i18n.short_day(friday)
    i18n.use("nb")
    assert ("Fri 27 Nov", "fre. 27. nov.") == (before, i18n.short_day(friday))


def test_i18n_use_english_writes_dates_as_before() -> None:
    i18n.use("en")
    at = datetime(2026, 5, 1, 12, 30, tzinfo=UTC)
    assert "Friday 1 May" == i18n.long_day(at)
    assert "Fri 1 May 14:30" == i18n.humanize(at, at, OSLO)


def test_i18n_use_language_without_catalogue_names_the_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    with pytest.raises(i18n.CatalogueMissing) as caught:
        i18n.use("nb")
    assert str(tmp_path) in caught.value.problems[0]
    monkeypatch.setenv("LANG", "nb_NO.UTF-8")
    assert "en" == i18n.use()  # from the locale: English rather than a failure


def test_i18n_config_language_is_spoken_by_the_command_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[ui]\nlanguage = "nb"\n[store]\npath = "' + str(tmp_path / "s.db")
                      + '"\n', encoding="utf-8")
    code = ("from replywatch import config, i18n\n"
            f"config.load_config(__import__('pathlib').Path({str(config)!r}))\n"
            "from datetime import date\nprint(i18n.language(), i18n.long_day(date(2026,11,27)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert "nb fredag 27. november\n" == out


def test_i18n_config_rejects_a_language_it_does_not_have(tmp_path: Path) -> None:
    from replywatch import config
    from replywatch.errors import ConfigError

    path = tmp_path / "config.toml"
    path.write_text('[ui]\nlanguage = "de"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        config.load_config(path)
    assert caught.value.problems[0].startswith(f"{path}:2: ui.language:")
