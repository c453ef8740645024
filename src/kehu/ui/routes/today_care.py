"""The today panel's care sections (issue 15): customers overdue by their grade's visit
cadence, lunar birthdays (农历八月十五 (今年 9月25日)) and trading anniversaries. A mixin of
`TodayPanel`, which calls `_fill_care(report)` after its own sections."""

from __future__ import annotations

from kehu.services import today

MAX_CARE_ROWS = 50


class TodayCare:
    def _fill_care(self, report: today.TodayReport) -> None:
        section = self._section(self.tr("Overdue by visit cadence"), "cadence", len(report.cadence))
        for item in report.cadence[:MAX_CARE_ROWS]:
            if item.days_overdue is None:
                why = self.tr("{grade}: every {days} days, never visited")
            else:
                why = self.tr("{grade}: every {days} days, {n} days overdue")
            why = why.format(
                grade=item.grade_name(self.lang), days=item.visit_days, n=item.days_overdue
            )
            last = item.last_visit.isoformat() if item.last_visit else ""
            self._row(section, item.customer_id, [item.name, why, item.phone or "", last])
        self._more(section, len(report.cadence))
        section = self._section(
            self.tr("Lunar birthdays"), "lunar_birthdays", len(report.lunar_birthdays)
        )
        for item in report.lunar_birthdays[:MAX_CARE_ROWS]:
            why = f"{item.person_name}: {item.label(report.day, self.lang)}"
            self._row(section, item.customer_id, [item.customer_name, why, item.mobile or "", ""])
        section = self._section(
            self.tr("Anniversaries"), "anniversaries", len(report.anniversaries)
        )
        for item in report.anniversaries[:MAX_CARE_ROWS]:
            why = self.tr("{years} years of trading on {day}").format(
                years=item.years, day=item.on.strftime("%m-%d")
            )
            self._row(section, item.customer_id, [item.name, why, "", ""])
