"""`replywatch classify [--json] FILE...`: saved messages, their kinds and evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replywatch.cli.main import main

REJECTION = (b"From: Acme <no-reply@us.greenhouse-mail.io>\nSubject: Your application\n\n"
             b"Unfortunately we have decided to move forward with other candidates.\n")
INTERVIEW = (b"From: Kari <kari@havbris.no>\nSubject: Intervju\n\n"
             b"Vi vil gjerne invitere deg til intervju.\n")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["classify", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_classify_cli_one_line_per_file(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.eml").write_bytes(REJECTION)
    (tmp_path / "b.eml").write_bytes(INTERVIEW)
    code, out, _ = run(capsys, str(tmp_path / "a.eml"), str(tmp_path / "b.eml"))
    lines = out.splitlines()
    assert (0, 2) == (code, len(lines))
    assert lines[0].startswith(f"{tmp_path / 'a.eml'}: rejection (")
    assert '"move forward with other"' in lines[0]
    assert lines[1].startswith(f"{tmp_path / 'b.eml'}: interview (")


def test_classify_cli_json_one_object_per_line(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.eml").write_bytes(REJECTION)
    code, out, _ = run(capsys, "--json", str(tmp_path / "a.eml"))
    record = json.loads(out)
    assert (0, str(tmp_path / "a.eml"), "rejection") == (code, record["file"], record["kind"])
    assert 0.0 <= record["confidence"] <= 1.0
    assert "move forward with other" in record["evidence"]


def test_classify_cli_unreadable_file_named_exit_2_others_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.eml").write_bytes(REJECTION)
    missing = tmp_path / "missing.eml"
    code, out, err = run(capsys, "--json", str(missing), str(tmp_path / "a.eml"))
    assert (2, 1) == (code, len(out.splitlines()))
    assert "rejection" == json.loads(out)["kind"]
    assert [f"replywatch: error: {missing}: cannot read: No such file or directory"] == (
        err.splitlines())


def test_classify_cli_directory_is_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, str(tmp_path))
    assert (2, "") == (code, out)
    assert err.startswith(f"replywatch: error: {tmp_path}: cannot read:")


def test_classify_cli_garbage_file_is_other(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "junk.eml").write_bytes(b"\x00\xff garbage \xfe")
    code, out, _ = run(capsys, "--json", str(tmp_path / "junk.eml"))
    assert (0, "other") == (code, json.loads(out)["kind"])


def test_classify_cli_no_file_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["classify"])
    assert 2 == exc.value.code
