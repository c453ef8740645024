"""The export kind "analysis": one analysis (composition, products, abc, trend) for the
requesting user's visibility, to Excel with a native chart or to PDF with a vector chart."""

from __future__ import annotations

from pathlib import Path

from kehu.core.i18n import N_
from kehu.core.jobs import Job
from kehu.core.periods import Period, preset
from kehu.services import analysis_report
from kehu.services.exports.registry import ExportError, Request


def report_of(request: Request) -> analysis_report.Report:
    options = request.options
    name = str(options.get("analysis") or "composition")
    if name not in analysis_report.ANALYSES:
        raise ExportError(N_("Unknown analysis '{name}'"), name=name)
    if options.get("first") not in (None, "") and options.get("last") not in (None, ""):
        period = Period(int(options["first"]), int(options["last"]))
    else:
        period = preset(str(options.get("period") or "12m"))
    a, _, b = str(options.get("thresholds") or "80,95").partition(",")
    return analysis_report.build(
        request.user,
        name,
        period,
        str(options.get("by") or "") or None,
        (int(a), int(b or 95)),
        request.lang,
    )


def write_xlsx(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    from kehu.exchange import xlsx_analysis

    report = report_of(request)
    job.check()
    return xlsx_analysis.write(report, path), 0


def write_pdf(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    from kehu.exchange import pdf_analysis

    report = report_of(request)
    job.check()
    pages = pdf_analysis.write(report, path, request.options.get("font") or None)
    return len(report.rows), pages
