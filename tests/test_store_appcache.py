"""The kept applications: re-read only where this connection wrote, all of them after
another connection's commit, and never a write that was rolled back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from replywatch.core.kinds import Kind
from replywatch.core.model import Direction, Event
from replywatch.store import kinds, removed
from replywatch.store.db import _FILTER_AT_MOST, Store

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def two_apps(path: Path) -> tuple[Store, int, int]:
    store = Store.open(path)
    with store.tx():
        first = store.add_application(company="Acme", role="", applied_at=NOW, now=NOW)
        second = store.add_application(company="Globex", role="", applied_at=NOW, now=NOW)
    return store, first, second


def test_appcache_own_event_rereads_only_its_application(tmp_path: Path) -> None:
    store, _, second = two_apps(tmp_path / "s.db")
    before = store.applications()
    with store.tx():
        store.add_event(second, Event(at=NOW, direction=Direction.FROM_THEM, source="imap",
                                      message_id="r1@globex.io"))
    after = store.applications()
    assert (True, False, 1) == (before[0] is after[0], before[1] is after[1],
                                len(after[1].events))


def test_appcache_corrected_kind_rereads_the_event_of_that_message(tmp_path: Path) -> None:
    store, _, second = two_apps(tmp_path / "s.db")
    with store.tx():
        store.add_event(second, Event(at=NOW, direction=Direction.FROM_THEM, source="imap",
                                      message_id="r1@globex.io"))
    unread = store.applications()[1].events[0].kind
    with store.tx():  # the classifier's verdict arrives, then the user corrects it
        store.conn.execute("INSERT INTO message_kinds (key, kind, confidence) VALUES (?, ?, ?)",
                           ("r1@globex.io", Kind.OTHER.value, 0.5))
    classified = store.applications()[1].events[0].kind
    with store.tx():
        kinds.correct(store, "r1@globex.io", Kind.ACKNOWLEDGEMENT, NOW)
    assert (None, Kind.OTHER, Kind.ACKNOWLEDGEMENT) == (
        unread, classified, store.applications()[1].events[0].kind)


def test_appcache_other_connection_commit_is_seen(tmp_path: Path) -> None:
    store, first, _ = two_apps(tmp_path / "s.db")
    store.applications()
    other = Store.open(tmp_path / "s.db")  # the CLI, say
    with other.tx():
        other.update_application(first, NOW, company="Acme Corp")
    other.close()
    assert ["Acme Corp", "Globex"] == [a.company for a in store.applications()]


def test_appcache_rolled_back_write_is_not_seen_and_later_writes_are(tmp_path: Path) -> None:
    store, first, _ = two_apps(tmp_path / "s.db")
    store.applications()
    with pytest.raises(RuntimeError), store.tx():
        store.update_application(first, NOW, company="Half")
        store.applications()  # read inside the transaction, then rolled back
        raise RuntimeError("half way")
    rolled_back = [a.company for a in store.applications()]
    with store.tx():
        store.remove_application(first)
    assert (["Acme", "Globex"], ["Globex"]) == (
        rolled_back, [a.company for a in store.applications()])


def test_store_many_applications_each_has_only_its_own_rows(tmp_path: Path) -> None:
    # More applications than Store._load filters by id: their rows are read whole, and
    # those of a removed application must go nowhere.
    store = Store.open(tmp_path / "s.db")
    with store.tx():
        ids = [store.add_application(company=f"Company {n}", role="", applied_at=NOW, now=NOW,
                                     contacts=[f"jobs@company{n}.example"],
                                     thread_ids=[f"t{n}@company{n}.example"])
               for n in range(_FILTER_AT_MOST + 2)]
        for app_id in ids[:3]:
            store.add_event(app_id, Event(at=NOW, direction=Direction.FROM_THEM, source="mail",
                                          message_id=f"r{app_id}@example"))
            store.add_interview(app_id, NOW, NOW, [f"boss{app_id}@example"])
        removed.remove(store, ids[1], NOW)
    whole = store.applications()
    one_by_one = [store.get(app_id) for app_id in ids if app_id != ids[1]]
    assert (len(ids) - 1, one_by_one) == (len(whole), whole)


def test_appcache_kind_trigger_finds_the_event_by_index_not_by_scan(tmp_path: Path) -> None:
    # Fired at each classification of a matched message: a scan of every event made a
    # first pass over 2,000 matched messages quadratic (143 us a classification).
    store, _, _ = two_apps(tmp_path / "s.db")
    store.applications()  # the cache, with its triggers
    trigger = store.conn.execute(
        "SELECT sql FROM temp.sqlite_master WHERE name = 'touch_kinds_update'").fetchone()[0]
    lookup = trigger.split("INSERT INTO touched_apps ", 1)[1].split(";", 1)[0]
    plan = store.conn.execute("EXPLAIN QUERY PLAN " + lookup.replace("OLD.key", "?")
                              .replace("NEW.key", "?"), ("k",)).fetchall()
    assert [True] == ["USING INDEX events_message" in row[3] or
                      "USING COVERING INDEX events_message" in row[3] for row in plan]
