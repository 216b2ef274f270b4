"""The SQLite store: schema, migrations, permissions, transactions, round trips."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from replywatch.core.model import Direction, Event, Stage
from replywatch.errors import UserError
from replywatch.store.db import Store, utc_text
from replywatch.store.migrations import MIGRATIONS

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_store_new_file_is_0600_in_0700_folder(tmp_path: Path) -> None:
    path = tmp_path / "data" / "replywatch.db"
    Store.open(path).close()
    assert (0o600, 0o700) == (stat.S_IMODE(path.stat().st_mode),
                              stat.S_IMODE(path.parent.stat().st_mode))


def test_store_uses_wal_and_latest_schema(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert ("wal", len(MIGRATIONS)) == (mode, store.schema_version)


def test_store_old_file_is_migrated_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Store.open(path, migrations=MIGRATIONS[:1])
    with old.tx():
        app_id = old.add_application(company="Acme", role="Dev", applied_at=NOW,
                                     contacts=["jane@acme.com"], now=NOW)
    assert 1 == old.schema_version
    old.close()

    store = Store.open(path)
    app = store.get(app_id)
    assert (len(MIGRATIONS), "Acme", ("jane@acme.com",), ("acme.com",)) == (
        store.schema_version, app.company, app.contacts, app.domains)


def test_store_migration_runs_each_step_once_in_order(tmp_path: Path) -> None:
    calls: list[int] = []

    def step(n: int):  # type: ignore[no-untyped-def]
        def run(conn: sqlite3.Connection) -> None:
            calls.append(n)
            conn.execute(f"CREATE TABLE t{n} (x)")
        return run

    path = tmp_path / "m.db"
    Store.open(path, migrations=[step(0), step(1)]).close()
    Store.open(path, migrations=[step(0), step(1), step(2)]).close()
    Store.open(path, migrations=[step(0), step(1), step(2)]).close()
    assert [0, 1, 2] == calls


def test_store_failed_migration_leaves_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "f.db"
    Store.open(path, migrations=MIGRATIONS[:1]).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x)")
        raise sqlite3.OperationalError("boom")

    with pytest.raises(UserError):
        Store.open(path, migrations=[*MIGRATIONS[:1], broken])
    store = Store.open(path, migrations=MIGRATIONS[:1])
    tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert (1, False) == (store.schema_version, "half" in tables)


def test_store_newer_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "n.db"
    Store.open(path).close()
    with pytest.raises(UserError, match="newer than this replywatch"):
        Store.open(path, migrations=MIGRATIONS[:0])


def test_store_garbage_file_is_user_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(UserError, match="not a usable replywatch store"):
        Store.open(path)


def test_store_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with pytest.raises(RuntimeError), store.tx():
        store.add_application(company="Acme", role="", applied_at=NOW, now=NOW)
        raise RuntimeError("half way")
    assert [] == store.applications(include_closed=True)


def test_store_free_mail_and_ats_contacts_give_no_domain(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        app_id = store.add_application(
            company="Acme", role="", applied_at=NOW, now=NOW,
            contacts=["Recruiter@Gmail.com", "no-reply@greenhouse.io", "jane@eng.acme.com"])
    app = store.get(app_id)
    assert (("recruiter@gmail.com", "no-reply@greenhouse.io", "jane@eng.acme.com"),
            ("eng.acme.com",)) == (app.contacts, app.domains)


def test_store_same_message_event_recorded_once(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        app_id = store.add_application(company="Acme", role="", applied_at=NOW, now=NOW)
        event = Event(at=NOW, direction=Direction.FROM_THEM, source="mail", message_id="a@b")
        first = store.add_event(app_id, event)
        second = store.add_event(app_id, event)
    assert (True, False, 1) == (first, second, len(store.get(app_id).events))


def test_store_open_list_excludes_closed_stages(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        open_id = store.add_application(company="A", role="", applied_at=NOW, now=NOW)
        closed_id = store.add_application(company="B", role="", applied_at=NOW, now=NOW,
                                          stage=Stage.REJECTED)
    assert ([open_id], [open_id, closed_id]) == (
        [a.id for a in store.applications()],
        [a.id for a in store.applications(include_closed=True)])


def test_store_remove_deletes_related_rows(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        app_id = store.add_application(company="A", role="", applied_at=NOW, now=NOW,
                                       contacts=["x@a.com"], thread_ids=["m@a.com"])
        store.add_interview(app_id, NOW, NOW + timedelta(hours=1), ["x@a.com"])
    with store.tx():
        store.remove_application(app_id)
    counts = [store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("contacts", "domains", "thread_anchors", "interviews")]
    assert [0, 0, 0, 0] == counts


def test_store_unknown_id_is_user_error(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.db")
    with pytest.raises(UserError, match="no application with id 42"):
        store.get(42)


def test_store_second_connection_waits_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    writer, other = Store.open(path), Store.open(path)
    with writer.tx():
        writer.add_application(company="A", role="", applied_at=NOW, now=NOW)
        # A reader sees the last committed state while the write is open (WAL).
        assert [] == other.applications()
    assert 1 == len(other.applications())


def test_store_writer_waits_for_another_writer_instead_of_failing(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "s.db"
    daemon, cli = Store.open(path), Store.open(path)
    holding = threading.Event()

    def hold_lock() -> None:
        with daemon.tx():
            daemon.add_application(company="Daemon", role="", applied_at=NOW, now=NOW)
            holding.set()
            threading.Event().wait(0.5)

    worker = threading.Thread(target=hold_lock)
    worker.start()
    holding.wait(5)
    with cli.tx():  # waits for the daemon's transaction (busy timeout), then writes
        cli.add_application(company="Cli", role="", applied_at=NOW, now=NOW)
    worker.join()
    assert ["Daemon", "Cli"] == [a.company for a in cli.applications()]


def test_store_applications_cache_sees_every_change(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    daemon, cli = Store.open(path), Store.open(path)
    with daemon.tx():
        app_id = daemon.add_application(company="A", role="", applied_at=NOW, now=NOW)
    first = daemon.applications()
    with cli.tx():  # another connection commits (the CLI while the daemon runs)
        cli.update_application(app_id, NOW, role="SRE")
    second = daemon.applications()
    with daemon.tx():  # and a write of its own
        daemon.update_application(app_id, NOW, stage=Stage.REJECTED)
    assert (["", "SRE"], []) == ([first[0].role, second[0].role], daemon.applications())


@pytest.mark.parametrize("value", [
    datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
    datetime(2026, 1, 2, 3, 4, 5, 999_999, tzinfo=UTC),
    datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=-5))),
    datetime(2026, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(minutes=330))),
])
def test_utc_text_is_iso_8601_in_utc_to_the_second(value: datetime) -> None:
    assert value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00") == utc_text(value)
