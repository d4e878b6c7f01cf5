"""Working-day deadlines: statutory holidays, adjusted workdays, years without data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from core.rules.calendar import WorkCalendar, load_year_file

CAL = WorkCalendar()


@pytest.mark.parametrize(
    ("meeting", "n", "working", "latest"),
    [
        # RULES.md: Monday 2026-10-12, 2 working days before → Friday 2026-10-09, because
        # Saturday 2026-10-10 is an adjusted workday (调休) after the National Day holiday.
        (date(2026, 10, 12), 2, True, date(2026, 10, 9)),
        (date(2026, 10, 12), 1, True, date(2026, 10, 10)),
        # Across the National Day holiday (2026-10-01 … 10-07 off): the last working day
        # before Thursday 10-08 is Wednesday 09-30.
        (date(2026, 10, 8), 1, True, date(2026, 9, 30)),
        (date(2026, 10, 8), 2, True, date(2026, 9, 29)),
        # Calendar days ignore holidays.
        (date(2026, 10, 8), 2, False, date(2026, 10, 6)),
        # An ordinary week: Monday's 1 working day before is the previous Friday.
        (date(2026, 11, 23), 1, True, date(2026, 11, 20)),
    ],
)
def test_deadlines(meeting: date, n: int, working: bool, latest: date) -> None:
    d = CAL.days_before(meeting, n, working_days=working)
    assert d.latest == latest
    assert d.assumed_years == ()
    assert d.note_zh == ""


def test_adjusted_saturday_is_a_workday_and_holiday_is_not() -> None:
    assert CAL.is_workday(date(2026, 10, 10)) == (True, False)
    assert CAL.is_workday(date(2026, 10, 1)) == (False, False)
    assert CAL.is_workday(date(2026, 10, 11)) == (False, False)  # an ordinary Sunday


def test_year_without_data_falls_back_and_says_so() -> None:
    d = CAL.days_before(date(2031, 10, 13), 2, working_days=True)
    assert d.latest == date(2031, 10, 9)  # Monday → Thursday, Mon–Fri assumed
    assert d.assumed_years == (2031,)
    assert "周一至周五" in d.note_zh and "2031" in d.note_en
    assert not CAL.covered(2031)


def test_operator_loaded_year_takes_over(tmp_path: Path) -> None:
    folder = tmp_path / "calendar"
    folder.mkdir()
    (folder / "2031.json").write_text(
        json.dumps({"year": 2031, "holidays": ["2031-10-10"], "workdays": ["2031-10-11"]}),
        encoding="utf-8",
    )
    cal = WorkCalendar.from_folder(folder)
    assert cal.covered(2031)
    assert cal.is_workday(date(2031, 10, 11)) == (True, False)  # a loaded Saturday workday
    d = cal.days_before(date(2031, 10, 13), 2, working_days=True)
    assert d.latest == date(2031, 10, 9)  # Sat 11 counts, Fri 10 is off → Sat 11, Thu 9
    assert d.assumed_years == ()
    assert cal.add_working_days(date(2031, 10, 9), 1).latest == date(2031, 10, 11)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"holidays": []}', "year"),
        ('{"year": 2031, "holidays": ["2030-01-01"]}', "outside 2031"),
        ('{"year": 2031, "holidays": ["2031-01-01"], "workdays": ["2031-01-01"]}', "both"),
        ("not json", "not a holiday file"),
    ],
)
def test_bad_holiday_files_are_refused(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "y.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=problem):
        load_year_file(path)
