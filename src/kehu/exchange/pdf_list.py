"""The printed customer list: one bordered table of the chosen columns, landscape A4, the
header row repeated on every page. Values come converted and masked (`services.exports`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from kehu.core.i18n import N_, translate
from kehu.core.values import to_text
from kehu.exchange.pdf_layout import (
    ACCENT,
    LABEL_FILL,
    RULE,
    Styles,
    build,
    content_width,
    landscape_a4,
)

if TYPE_CHECKING:
    from kehu.exchange.pdf_job import PdfJob

WIDE = {"name": 2.2, "address": 2.6, "short_name": 1.4, "email": 1.5, "uscc": 1.6}


def write_list(
    job: PdfJob,
    labels: Sequence[str],
    names: Sequence[str],
    rows: Iterable[Sequence[Any]],
    path: Path,
) -> tuple[int, int]:
    """The list of `rows` under `labels` (`names`: the field names, for column widths);
    returns (rows, pages)."""
    pagesize = landscape_a4()
    width = content_width(pagesize)
    s = Styles(job.fonts, base=8.5)
    weights = [0.45] + [WIDE.get(n, 1.0) for n in names]
    scale = width / sum(weights)
    table_rows: list[list[Any]] = [[s.p(translate(N_("No."), job.lang), s.head)]]
    table_rows[0] += [s.p(label, s.head) for label in labels]
    count = 0
    for count, row in enumerate(rows, start=1):
        table_rows.append([s.p(str(count), s.center), *(s.p(_text(v)) for v in row)])
        if count % 500 == 0:
            job.job.progress(count, 0, "")
    title = translate(N_("Customer list"), job.lang)
    table = Table(table_rows, colWidths=[w * scale for w in weights], repeatRows=1, splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), s.fonts.regular),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                *[
                    ("BACKGROUND", (0, r), (-1, r), LABEL_FILL)
                    for r in range(2, len(table_rows), 2)
                ],
            ]
        )
    )
    story: list[Flowable] = [s.p(title, s.title), Spacer(1, 3 * mm), table]
    if count == 0:
        story.append(s.p(translate(N_("(no customers in this selection)"), job.lang)))
    return count, build(job.spec(path, pagesize, title), story)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return to_text(value) or ""
