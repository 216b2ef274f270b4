"""The user's language: gettext catalogues, and dates written the way the language writes them.

Messages are written in English in the code, wrapped in ``_()`` (or ``ngettext`` for
counts, ``pgettext`` where one English word has two meanings, ``N_`` for constants
translated where they are shown), and looked up in the catalogue of the chosen
language. Catalogues are written in ``po/<language>/*.po`` and compiled into
``replywatch/locale/<language>/LC_MESSAGES/replywatch.mo`` when the package is built
or installed (setup.py); nothing here reads a .po file.

Placeholders are ``str.format`` fields with names (``{company}``), so that a
translation may put them in another order; tests check that each translation keeps
the fields of its message.

The language is chosen once per process (``use``): ``[ui] language`` when set, else
the locale of the environment (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``).
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from pathlib import Path

from replywatch.errors import UserError

DOMAIN = "replywatch"
ENGLISH = "en"
NORWEGIAN = "nb"
SUPPORTED = (ENGLISH, NORWEGIAN)  # the languages with a catalogue ([ui] language)
LOCALE_DIR = Path(__file__).parent / "locale"
# Locale codes read as Norwegian Bokmål: "no" is the old code for it, and a reader of
# Nynorsk is better served by Bokmål than by English.
_ALIASES = {"nb": NORWEGIAN, "no": NORWEGIAN, "nn": NORWEGIAN, "en": ENGLISH,
            "c": ENGLISH, "posix": ENGLISH}  # fmt: skip
# The marking functions as extractors (babel, xgettext) are told them: name -> arguments.
KEYWORDS: dict[str, object] = {"_": None, "N_": None, "ngettext": (1, 2),
                               "pgettext": ((1, "c"), 2), "NP_": ((1, "c"), 2)}
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = ENGLISH


class CatalogueMissing(UserError):
    """The chosen language's compiled catalogue is not installed."""


def _code(name: str) -> str:
    """Return the language part of a locale name: "nb_NO.UTF-8@euro" -> "nb"."""
    for separator in ".@_-":
        name = name.partition(separator)[0]
    return name.lower()


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """Return the supported language the environment's locale asks for, else English.

    As gettext does, the first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set
    decides; LANGUAGE may list several languages ("de:nb"), the first supported wins.
    """
    env = os.environ if environ is None else environ
    for name in _ENVIRONMENT:
        value = env.get(name, "")
        if not value:
            continue
        for item in value.split(":"):
            code = _code(item)
            if code in _ALIASES:
                return _ALIASES[code]
        return ENGLISH
    return ENGLISH


def use(language: str | None = None) -> str:
    """Choose the language of every message this process shows from now on; return its code.

    ``language`` is a code from ``[ui] language``; None or "" reads the environment.
    Raise CatalogueMissing when a language asked for by name has no compiled
    catalogue; one that came from the environment falls back to English instead.
    """
    global _translations, _language
    _short_days.clear()
    asked = bool(language)
    code = _ALIASES.get(_code(language), ENGLISH) if language else from_environment()
    if code == ENGLISH:
        _translations, _language = _gettext.NullTranslations(), ENGLISH
        return ENGLISH
    try:
        found: _gettext.NullTranslations = _gettext.translation(
            DOMAIN, LOCALE_DIR, languages=[code])
    except OSError:
        if asked:
            raise CatalogueMissing(
                f"no compiled catalogue for language {code!r} in {LOCALE_DIR}",
                hint="reinstall replywatch (pip install .): catalogues are built at "
                     "install time") from None
        found, code = _gettext.NullTranslations(), ENGLISH
    _translations, _language = found, code
    return code


def language() -> str:
    """Return the code of the language in use."""
    return _language


def _(message: str) -> str:
    """Return ``message`` in the language in use."""
    return _translations.gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it (constants); return it."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Mark ``message`` meant in ``context`` for the catalogue; return both for pgettext."""
    return context, message


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the form of a message for ``count`` in the language in use."""
    return _translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """Return ``message`` as meant in ``context`` ("month", "weekday") in the language in use."""
    return _translations.pgettext(context, message)


_WEEKDAYS = (
    NP_("weekday", "Monday"),
    NP_("weekday", "Tuesday"),
    NP_("weekday", "Wednesday"),
    NP_("weekday", "Thursday"),
    NP_("weekday", "Friday"),
    NP_("weekday", "Saturday"),
    NP_("weekday", "Sunday"),
)
_WEEKDAYS_SHORT = (
    NP_("weekday, short", "Mon"),
    NP_("weekday, short", "Tue"),
    NP_("weekday, short", "Wed"),
    NP_("weekday, short", "Thu"),
    NP_("weekday, short", "Fri"),
    NP_("weekday, short", "Sat"),
    NP_("weekday, short", "Sun"),
)
_MONTHS = (
    NP_("month", "January"),
    NP_("month", "February"),
    NP_("month", "March"),
    NP_("month", "April"),
    NP_("month", "May"),
    NP_("month", "June"),
    NP_("month", "July"),
    NP_("month", "August"),
    NP_("month", "September"),
    NP_("month", "October"),
    NP_("month", "November"),
    NP_("month", "December"),
)
_MONTHS_SHORT = (
    NP_("month, short", "Jan"),
    NP_("month, short", "Feb"),
    NP_("month, short", "Mar"),
    NP_("month, short", "Apr"),
    NP_("month, short", "May"),
    NP_("month, short", "Jun"),
    NP_("month, short", "Jul"),
    NP_("month, short", "Aug"),
    NP_("month, short", "Sep"),
    NP_("month, short", "Oct"),
    NP_("month, short", "Nov"),
    NP_("month, short", "Dec"),
)


def weekday_name(day: date, *, short: bool = False) -> str:
    """Return the name of ``day``'s weekday: "Friday", or "Fri" when ``short``."""
    return pgettext(*(_WEEKDAYS_SHORT if short else _WEEKDAYS)[day.weekday()])


def month_name(day: date, *, short: bool = False) -> str:
    """Return the name of ``day``'s month: "November", or "Nov" when ``short``."""
    return pgettext(*(_MONTHS_SHORT if short else _MONTHS)[day.month - 1])


def long_day(day: date) -> str:
    """Return a day written out: "Friday 27 November", "fredag 27. november"."""
    return pgettext("long date", "{weekday} {day} {month}").format(
        weekday=weekday_name(day), day=day.day, month=month_name(day))


def short_day(day: date) -> str:
    """Return a day in short: "Fri 27 Nov", "fre. 27. nov."."""
    label = _short_days.get(day.toordinal())
    if label is None:
        if len(_short_days) >= 1000:  # a long-running daemon's: keep it small
            _short_days.clear()
        label = _short_days[day.toordinal()] = pgettext(
            "short date", "{weekday} {day} {month}").format(
            weekday=weekday_name(day, short=True), day=day.day, month=month_name(day, short=True))
    return label


# The labels short_day wrote, by day, in the language in use (use() empties it):
# `status` and `app list` write thousands, of a few dozen days.
_short_days: dict[int, str] = {}


def clock(value: datetime) -> str:
    """Return the time of day of ``value`` on a 24-hour clock: "14:30"."""
    return f"{value.hour:02d}:{value.minute:02d}"


def _with_year(label: str, year: int) -> str:
    return pgettext("date with year", "{date} {year}").format(date=label, year=year)


def _with_time(label: str, value: datetime) -> str:
    return pgettext("date and time", "{date} {time}").format(date=label, time=clock(value))


def long_moment(value: datetime, tz: tzinfo) -> str:
    """Return a moment written out whole: "Friday 27 November 2026 14:05",
    "fredag 27. november 2026 kl. 14:05"."""
    local = value.astimezone(tz)
    return _with_time(_with_year(long_day(local), local.year), local)


def humanize(value: datetime, now: datetime, tz: tzinfo) -> str:
    """Return a short local label for ``value``: "Mon 24 Nov", "Mon 24 Nov 2025 14:30".

    The year is shown only when it is not ``now``'s, the time only when it is not
    midnight. Norwegian: "man. 24. nov. kl. 14:30".
    """
    local = value.astimezone(tz)
    label = short_day(local)
    if local.year != now.astimezone(tz).year:
        label = _with_year(label, local.year)
    if (local.hour, local.minute) != (0, 0):
        label = _with_time(label, local)
    return label
