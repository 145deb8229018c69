"""Dates as news pages print them: read when complete, unknown otherwise, never made up."""

import datetime as dt

import pytest

from library.dates import find_date, parse_date_text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("20 June 2023", dt.date(2023, 6, 20)),
        ("June 18, 2023", dt.date(2023, 6, 18)),
        ("2022-10-08", dt.date(2022, 10, 8)),
        ("2023-11-15T20:00:00-08:00", dt.date(2023, 11, 15)),
        ("Tue, 20 Jun 2023 10:32:00 +0100", dt.date(2023, 6, 20)),
        ("Sept 3rd, 2023", dt.date(2023, 9, 3)),
        ("20/06/2023", dt.date(2023, 6, 20)),
    ],
)
def test_common_date_forms(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text", ["June 2023", "Monday", "12 March", "05/06/2023", "yesterday", "2023-02-30", "", "2023"])
def test_incomplete_ambiguous_or_impossible_dates_are_unknown(text):
    assert parse_date_text(text) is None


def test_a_date_is_never_filled_in_from_today():
    today = dt.date.today()
    for text in (today.strftime("%B"), today.strftime("%d %B"), today.strftime("%A"), "today"):
        assert parse_date_text(text) is None


def test_dates_are_found_inside_datelines():
    assert find_date("Published: Tue 20 June 2023 10.32 BST") == dt.date(2023, 6, 20)
    assert find_date("By Jane Roe | June 18, 2023") == dt.date(2023, 6, 18)
    assert find_date("Updated 3 hours ago") is None
    assert find_date("By Jane Roe, 20 June 2023") == dt.date(2023, 6, 20)  # a name before it is no weekday
