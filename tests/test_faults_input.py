"""What an operator types, refused by name: a date that is not in the calendar is not a format
mistake."""

from __future__ import annotations


def test_a_day_that_does_not_exist_is_called_so(cli):
    leap = cli("build", "--date", "2026-02-29")
    garbled = cli("build", "--date", "26/11/2026")

    assert leap.code == 2 and "2026-02-29: there is no such day in the calendar" in leap.stderr
    assert garbled.code == 2 and "expected YYYY-MM-DD" in garbled.stderr
    assert "Traceback" not in leap.stderr + garbled.stderr
