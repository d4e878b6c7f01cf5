"""Chinese working days: statutory holidays off, adjusted weekend workdays (调休) on.

Data comes from the maintained `chinese-calendar` package. For a year it does not cover yet, the
operator can load that year's State Council holiday notice as a JSON file
(`yishi calendar load FILE`: `{"year": 2027, "holidays": ["2027-01-01", …],
"workdays": ["2027-02-07", …]}`), kept under the data folder. A year known to neither falls back
to Monday–Friday, and every answer says so.

Days are computed between `FIRST_DAY` and `LAST_DAY` (1900 to 2199): the routes refuse a date
outside with `request.date_out_of_range` naming their own field (`check_day`), and the
calendar refuses a deadline that would step past either end (a meeting on 1900-01-01 with
notice due the day before), under the parameter the route counts from
(`work_calendar().counting_from("meeting")`), never a field the caller did not send.

"N days before" a meeting on day D means delivered at the latest on the N-th day before D
(calendar days), or on the N-th working day before D (working days): for a meeting on Monday
2026-10-12, 2 working days before is Friday 2026-10-09, since Saturday 2026-10-10 is a workday.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar

from core.errors import DateOutOfRange

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "Deadline",
    "WorkCalendar",
    "YearData",
    "check_day",
    "load_year_file",
    "work_calendar",
]

#: The days a rule question may be about. Far wider than any meeting, decision or oversight
#: procedure, and far enough from `date.min` / `date.max` that counting days back or forth
#: from them never overflows.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)


def check_day(field_name: str, day: date | None) -> None:
    """Refuse a day outside `FIRST_DAY`..`LAST_DAY`, naming the request's field."""
    if day is not None and not FIRST_DAY <= day <= LAST_DAY:
        raise DateOutOfRange(
            fields={
                field_name: f"应在 {FIRST_DAY} 至 {LAST_DAY} 之间 "
                f"(between {FIRST_DAY} and {LAST_DAY})"
            },
            first=FIRST_DAY.isoformat(),
            last=LAST_DAY.isoformat(),
        )


def _out_of_range(field_name: str) -> DateOutOfRange:
    return DateOutOfRange(
        fields={
            field_name: f"由此日计算的期限不在 {FIRST_DAY} 至 {LAST_DAY} 之间 "
            f"(the deadline counted from this day falls outside {FIRST_DAY} to {LAST_DAY})"
        },
        first=FIRST_DAY.isoformat(),
        last=LAST_DAY.isoformat(),
    )


def _step(day: date, days: int, field_name: str) -> date:
    """`day + days` (`day` within the range), refused beyond the calendar's range under the
    request's field it is counted from. Compared in whole days first, so it never overflows."""
    if not (FIRST_DAY - day).days <= days <= (LAST_DAY - day).days:
        raise _out_of_range(field_name)
    return day + timedelta(days=days)


@dataclass(frozen=True)
class YearData:
    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]


def load_year_file(path: Path) -> YearData:
    """Parse an operator's holiday file; raises ValueError naming the problem."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        year = int(raw["year"])
        holidays = frozenset(date.fromisoformat(d) for d in raw.get("holidays", []))
        workdays = frozenset(date.fromisoformat(d) for d in raw.get("workdays", []))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a holiday file ({exc})") from exc
    wrong = sorted(d.isoformat() for d in holidays | workdays if d.year != year)
    if wrong:
        raise ValueError(f"{path}: dates outside {year}: {', '.join(wrong[:5])}")
    if holidays & workdays:
        raise ValueError(f"{path}: dates both holiday and workday")
    return YearData(year, holidays, workdays)


@dataclass(frozen=True)
class Deadline:
    #: The last day on which the notice may be delivered.
    latest: date
    working_days: bool
    #: Years for which Monday–Friday was assumed (no holiday data): say so to the user.
    assumed_years: tuple[int, ...] = ()

    @property
    def note_zh(self) -> str:
        if not self.assumed_years:
            return ""
        years = "、".join(str(y) for y in self.assumed_years)
        return f"{years} 年节假日安排尚未载入，暂按周一至周五为工作日计算。"

    @property
    def note_en(self) -> str:
        if not self.assumed_years:
            return ""
        years = ", ".join(str(y) for y in self.assumed_years)
        return f"No holiday data for {years}: Monday to Friday assumed as working days."


@dataclass
class WorkCalendar:
    #: Years loaded by the operator; they take precedence over the package.
    loaded: dict[int, YearData] = field(default_factory=dict)
    #: The request's field a refusal names (`counting_from`).
    field_name: str = "date"

    @classmethod
    def from_folder(cls, folder: Path) -> WorkCalendar:
        cal = cls()
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                data = load_year_file(path)
                cal.loaded[data.year] = data
        return cal

    def covered(self, year: int) -> bool:
        if year in self.loaded:
            return True
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            return False
        return True

    def is_workday(self, day: date) -> tuple[bool, bool]:
        """(is a working day, assumed Monday–Friday for lack of data)."""
        data = self.loaded.get(day.year)
        if data is not None:
            if day in data.workdays:
                return True, False
            if day in data.holidays:
                return False, False
            return day.weekday() < 5, False
        try:
            return bool(chinese_calendar.is_workday(day)), False
        except NotImplementedError:
            return day.weekday() < 5, True

    def counting_from(self, field_name: str) -> WorkCalendar:
        """This calendar, naming `field_name` (the request's parameter the days are counted
        from: `meeting`, `event`, `on`) when a day or a deadline is out of range."""
        return replace(self, field_name=field_name)

    def days_before(self, meeting: date, n: int, *, working_days: bool) -> Deadline:
        """The latest delivery day for a notice due `n` (working) days before `meeting`."""
        field_name = self.field_name
        check_day(field_name, meeting)
        if not working_days:
            return Deadline(_step(meeting, -n, field_name), False)
        day, counted, assumed = meeting, 0, set()
        while counted < n:
            day = _step(day, -1, field_name)
            workday, guessed = self.is_workday(day)
            if guessed:
                assumed.add(day.year)
            if workday:
                counted += 1
        return Deadline(day, True, tuple(sorted(assumed)))

    def add_working_days(self, start: date, n: int) -> Deadline:
        """The `n`-th working day after `start` (reply deadlines, 函询 within XX working days)."""
        field_name = self.field_name
        check_day(field_name, start)
        day, counted, assumed = start, 0, set()
        while counted < n:
            day = _step(day, 1, field_name)
            workday, guessed = self.is_workday(day)
            if guessed:
                assumed.add(day.year)
            if workday:
                counted += 1
        return Deadline(day, True, tuple(sorted(assumed)))


def work_calendar() -> WorkCalendar:
    """The platform's calendar: the package plus the years the operator loaded
    (`<data dir>/calendar/*.json`, written by `yishi calendar load`)."""
    from core.settings import get_settings

    return WorkCalendar.from_folder(get_settings().database.data_dir / "calendar")
