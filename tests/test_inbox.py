"""What counts as new: the latest import run, read off the articles' import times."""

import datetime as dt

from library.inbox import newest_run
from library.model import CatalogueEntry

START = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


def entry(name: str, imported: str) -> CatalogueEntry:
    return CatalogueEntry(name, name, None, "Source", "", "hash", 10, imported=imported)


def at(minutes: float) -> str:
    return (START + dt.timedelta(minutes=minutes)).isoformat()


def test_a_run_ends_at_the_first_pause_of_ten_minutes():
    entries = [entry("old", at(0)), entry("a", at(10)), entry("b", at(19.9)), entry("c", at(20))]
    assert newest_run(entries) == {"a", "b", "c"}


def test_a_run_longer_than_a_day_counts_whole():
    entries = [entry(f"e{i}", at(5 * i)) for i in range(400)]  # 33 hours, five minutes apart
    assert newest_run([entry("before", at(-30)), *entries]) == {f"e{i}" for i in range(400)}


def test_unknown_or_unreadable_import_times_are_left_out():
    entries = [entry("blank", ""), entry("junk", "yesterday"), entry("odd", "2026-13-01"), entry("ok", at(0))]
    assert newest_run(entries) == {"ok"}
    assert newest_run([entry("blank", "")]) == set()
