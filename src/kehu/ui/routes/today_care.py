"""The today panel's care sections (issue 15): customers overdue by their grade's visit
cadence, lunar birthdays (农历八月十五 (今年 9月25日)) and trading anniversaries. A mixin of
`TodayPanel`, which calls `_fill_care(report)` after its own sections."""

from __future__ import annotations

from kehu.services import today


class TodayCare:
    def _fill_care(self, report: today.TodayReport) -> None:
        self._fill_section(self.tr("Overdue by visit cadence"), "cadence", report.cadence)
        self._fill_section(self.tr("Lunar birthdays"), "lunar_birthdays", report.lunar_birthdays)
        self._fill_section(self.tr("Anniversaries"), "anniversaries", report.anniversaries)

    def care_texts(self, key: str, item) -> tuple[int, list[str]]:
        """(customer id, column texts) of a row of a care section."""
        if key == "cadence":
            if item.days_overdue is None:
                why = self.tr("{grade}: every {days} days, never visited")
            else:
                why = self.tr("{grade}: every {days} days, {n} days overdue")
            why = why.format(
                grade=item.grade_name(self.lang), days=item.visit_days, n=item.days_overdue
            )
            last = item.last_visit.isoformat() if item.last_visit else ""
            return item.customer_id, [item.name, why, item.phone or "", last]
        if key == "lunar_birthdays":
            why = f"{item.person_name}: {item.label(self.report.day, self.lang)}"
            return item.customer_id, [item.customer_name, why, item.mobile or "", ""]
        why = self.tr("{years} years of trading on {day}").format(
            years=item.years, day=item.on.strftime("%m-%d")
        )
        return item.customer_id, [item.name, why, "", ""]
