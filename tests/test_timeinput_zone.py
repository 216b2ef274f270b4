"""The system's zone read from the /etc/localtime link, with tzlocal as the fallback."""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo

import tzlocal

from replywatch.config.timeinput import linked_zone, zone


def _link(tmp_path: Path, target: str, name: str = "localtime") -> str:
    link = tmp_path / name
    link.symlink_to(target)
    return str(link)


def test_linked_zone_link_into_zoneinfo_is_that_zone(tmp_path: Path) -> None:
    link = _link(tmp_path, "/usr/share/zoneinfo/Europe/Oslo")
    assert ZoneInfo("Europe/Oslo") == linked_zone({}, link)


def test_linked_zone_relative_link_through_a_link_is_the_final_zone(tmp_path: Path) -> None:
    # /etc/localtime -> ../usr/share/zoneinfo/... as Debian writes it, via another link.
    (tmp_path / "usr" / "share" / "zoneinfo" / "America").mkdir(parents=True)
    (tmp_path / "usr" / "share" / "zoneinfo" / "America" / "New_York").write_bytes(b"")
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "alt").symlink_to("../usr/share/zoneinfo/America/New_York")
    link = _link(tmp_path, "etc/alt")
    assert ZoneInfo("America/New_York") == linked_zone({}, link)


def test_linked_zone_tz_set_is_none(tmp_path: Path) -> None:
    link = _link(tmp_path, "/usr/share/zoneinfo/Europe/Oslo")
    assert None is linked_zone({"TZ": "Asia/Tokyo"}, link)


def test_linked_zone_plain_file_or_no_file_is_none(tmp_path: Path) -> None:
    plain = tmp_path / "localtime"
    plain.write_bytes(Path("/usr/share/zoneinfo/Europe/Oslo").read_bytes())
    assert (None, None) == (linked_zone({}, str(plain)),
                            linked_zone({}, str(tmp_path / "missing")))


def test_linked_zone_link_to_no_known_zone_is_none(tmp_path: Path) -> None:
    assert (None, None) == (linked_zone({}, _link(tmp_path, "/opt/zoneinfo/Nowhere/Atall")),
                            linked_zone({}, _link(tmp_path, "/usr/share/zoneinfo/", "bare")))


def test_zone_empty_name_is_the_zone_tzlocal_finds() -> None:
    # This machine's own configuration: both ways must agree on it.
    expected = tzlocal.get_localzone() if "TZ" not in os.environ else zone("")
    assert expected == zone("")
