"""One analysis as a plain report: title, column headings, rows of cells and a chart spec.

The CLI prints it as a table, `kehu.exchange.xlsx_analysis` writes it with a native Excel chart
and `kehu.exchange.pdf_analysis` with a vector chart; the window shows the same figures.
Amounts are yuan (Decimal, two places), shares percent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np

from kehu.core.i18n import N_, UserError, translate
from kehu.core.periods import Period, month_label
from kehu.db.models import User
from kehu.services import analysis, analysis_abc, analysis_completeness, analysis_trend

ANALYSES = {
    "composition": N_("Sales composition"),
    "products": N_("Product composition"),
    "abc": N_("ABC grading"),
    "trend": N_("Sales trend"),
    "completeness": N_("Dossier completeness"),
}
CHARTS = ("pie", "bar", "pareto", "line")


def yuan(cents: int | None) -> Decimal | None:
    return None if cents is None else (Decimal(cents) / 100).quantize(Decimal("0.01"))


@dataclass
class Chart:
    kind: str  # pie, bar, pareto (bars + cumulative line), line
    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]  # (name, values); pareto: amounts, cumulative %
    money: bool = False  # the (first) series are amounts in yuan


@dataclass
class Report:
    analysis: str
    title: str
    subtitle: str
    columns: list[str]
    rows: list[list[object]]
    chart: Chart
    notes: list[str] = field(default_factory=list)
    row_keys: list[str] = field(default_factory=list)  # what a row stands for (filters)


def build(
    viewer: User,
    name: str,
    period: Period,
    by: str | None = None,
    thresholds: tuple[int, int] = analysis_abc.DEFAULT_THRESHOLDS,
    lang: str = "en",
    limit: int = 200,
    first_paint: bool = False,
) -> Report:
    """`first_paint`: for the trend, only what the summaries give at once (the view shows it,
    then the whole dashboard)."""
    if name not in ANALYSES:
        raise UserError(N_("Unknown analysis '{name}'"), name=name)
    tr = lambda text, **v: translate(text, lang, **v)  # noqa: E731
    heading = tr(ANALYSES[name])
    if name == "composition":
        table = analysis.composition(viewer, period, by or "grade", lang)
        return _share_report(name, heading, table, lang)
    if name == "products":
        table = analysis.products(viewer, period, by=by, lang=lang)
        return _share_report(name, heading, table, lang)
    if name == "abc":
        return abc_report(analysis_abc.propose(viewer, period, thresholds, lang), lang, limit)
    if name == "completeness":
        return completeness_report(analysis_completeness.breakdown(viewer, lang=lang), lang)
    board = analysis_trend.dashboard(viewer, period, lang=lang, customers=not first_paint)
    return _trend_report(heading, board, lang)


def _subtitle(period: Period, by: str, lang: str) -> str:
    text = translate(N_("Period {period}"), lang, period=period.label())
    return f"{text} · {by}" if by else text


def _share_report(name: str, heading: str, table: analysis.ShareTable, lang: str) -> Report:
    tr = lambda text: translate(text, lang)  # noqa: E731
    first = tr(N_("Category")) if name == "composition" else tr(N_("Product category"))
    columns = [first, tr(N_("Sales (yuan)")), tr(N_("Share %"))]
    if name == "composition":
        columns += [tr(N_("Customers (count)")), tr(N_("Average per customer (yuan)"))]
    columns += [f"{c} %" for c in table.extra_columns]
    rows, keys = [], []
    for row in table.rows:
        cells: list[object] = ["  " * row.depth + row.label, yuan(row.amount), row.share]
        if name == "composition":
            cells += [row.customers, yuan(row.average)]
        cells += list(row.extra)
        rows.append(cells)
        keys.append(row.key)
    rows.append(
        [tr(N_("Total")), yuan(table.total), Decimal("100.0") if table.total else Decimal(0)]
    )
    keys.append("total")
    top = table.chart_rows()
    chart = Chart(
        "pie",
        heading,
        [row.label for row in top],
        [(columns[1], [float(yuan(row.amount)) for row in top])],
    )
    notes = [translate(N_("Shares are rounded to one decimal so that they add up to 100 %."), lang)]
    if name == "composition":
        notes.append(
            translate(
                N_("Customers: those classified in the category, whether they bought or not."),
                lang,
            )
        )
    return Report(
        name, heading, _subtitle(table.period, table.by, lang), columns, rows, chart, notes, keys
    )


def abc_report(proposal: analysis_abc.AbcProposal, lang: str, limit: int = 200) -> Report:
    """The report of an ABC proposal (the window keeps the proposal to apply it)."""
    tr = lambda text, **v: translate(text, lang, **v)  # noqa: E731
    heading = tr(ANALYSES["abc"])
    columns = [
        tr(N_("Rank")),
        tr(N_("Code")),
        tr(N_("Customer")),
        tr(N_("Sales (yuan)")),
        tr(N_("Cumulative %")),
        tr(N_("Proposed grade")),
        tr(N_("Current grade")),
    ]
    rows: list[list[object]] = []
    keys = []
    for rank, row in enumerate(proposal.rows(limit), start=1):
        rows.append(
            [rank, row.code, row.name, yuan(row.amount), row.cumulative, row.proposed, row.current]
        )
        keys.append(f"customer:{row.customer_id}")
    a, b = proposal.thresholds
    notes = [
        tr(
            N_("A up to {a} %, B up to {b} %, C the rest (also customers without sales)."),
            a=a,
            b=b,
        ),
        tr(
            N_("A: {na} customers, B: {nb}, C: {nc} ({idle} without sales)."),
            na=proposal.counts["A"],
            nb=proposal.counts["B"],
            nc=proposal.counts["C"],
            idle=proposal.without_sales,
        ),
    ]
    changes = proposal.transitions()
    moves = ", ".join(
        f"{old or tr(N_('none'))} → {new}: {n}" for (old, new), n in sorted(changes.items())
    )
    notes.append(tr(N_("Grade changes if applied: {moves}"), moves=moves or tr(N_("none"))))
    if proposal.ranked_count > limit:
        notes.append(
            tr(
                N_("The first {n} of {total} customers with sales."),
                n=limit,
                total=proposal.ranked_count,
            )
        )
    categories, bars, cumulative = pareto_points(proposal)
    chart = Chart(
        "pareto",
        heading,
        categories,
        [(columns[3], bars), (columns[4], cumulative)],
        money=True,
    )
    subtitle = _subtitle(proposal.period, "", lang)
    return Report("abc", heading, subtitle, columns, rows, chart, notes, keys)


def pareto_points(proposal: analysis_abc.AbcProposal, points: int = 40):
    """The Pareto curve over all ranked customers: one bar per customer, or per group of
    customers by rank when there are more than `points` (labelled "first–last" rank), with the
    cumulative share at the end of each bar."""
    ranked = proposal.ranked_amounts  # highest first
    size = max(1, -(-len(ranked) // points))
    categories, bars, cumulative, running = [], [], [], 0
    starts = list(range(0, len(ranked), size))
    sums = np.add.reduceat(ranked, starts).tolist() if starts else []
    for start, amount in zip(starts, sums, strict=True):
        count = min(size, len(ranked) - start)
        running += amount
        categories.append(str(start + 1) if size == 1 else f"{start + 1}–{start + count}")
        bars.append(float(yuan(amount)))
        cumulative.append(round(running * 100 / proposal.total, 1) if proposal.total else 0.0)
    return categories, bars, cumulative


def _trend_report(heading: str, board: analysis_trend.Dashboard, lang: str) -> Report:
    tr = lambda text, **v: translate(text, lang, **v)  # noqa: E731
    stages = list(board.stage_months)
    columns = [tr(N_("Month")), tr(N_("Sales (yuan)")), *stages]
    rows: list[list[object]] = []
    for index, (month, amount) in enumerate(board.months):
        rows.append(
            [
                month_label(month),
                yuan(amount),
                *(yuan(board.stage_months[s][index]) for s in stages),
            ]
        )
    chart = Chart(
        "line",
        heading,
        [month_label(m) for m, _a in board.months],
        [(columns[1], [float(yuan(a)) for _m, a in board.months])]
        + [(s, [float(yuan(v)) for v in board.stage_months[s]]) for s in stages],
        money=True,
    )
    notes = []
    if board.stages is not None:
        parts = ", ".join(f"{r.label} {r.share} %" for r in board.stages.chart_rows())
        notes.append(tr(N_("Shares in the period: {parts}"), parts=parts))
    notes.append(
        tr(
            N_("Top customers: {names}"),
            names=", ".join(f"{n} {yuan(a)}" for _i, _c, n, a in board.top_customers[:10]),
        )
    )
    notes.append(
        tr(
            N_("Top products: {names}"),
            names=", ".join(f"{n} {yuan(a)}" for n, _c, a in board.top_products[:10]),
        )
    )
    notes.append(
        tr(
            N_(
                "{n} customers bought more than {p} % less than in the period before (a list to visit)."
            ),
            n=len(board.declines),
            p=board.drop_percent,
        )
    )
    for decline in board.declines[:20]:
        notes.append(
            f"  {decline.code} {decline.name}: {yuan(decline.previous)} → {yuan(decline.current)} ({decline.change_percent:.0f} %)"
        )
    keys = [f"month:{m}" for m, _a in board.months]
    return Report(
        "trend", heading, _subtitle(board.period, "", lang), columns, rows, chart, notes, keys
    )


def completeness_report(table: analysis_completeness.Breakdown, lang: str) -> Report:
    """Completeness per salesperson: bars of the average, a line of the share below `low`."""
    tr = lambda text, **v: translate(text, lang, **v)  # noqa: E731
    heading = tr(ANALYSES["completeness"])
    below = tr(N_("Below {low} %"), low=table.low)
    columns = [
        tr(N_("Salesperson")),
        tr(N_("Customers (count)")),
        tr(N_("Average completeness %")),
        below,
        tr(N_("Share below {low} %"), low=table.low),
        tr(N_("Not computed yet")),
    ]
    rows: list[list[object]] = []
    for row in [*table.rows, table.total]:
        rows.append(
            [row.label, row.customers, row.average, row.below, row.below_share, row.not_computed]
        )
    keys = [row.key for row in table.rows] + ["total"]
    chart = Chart(
        "pareto",
        heading,
        [row.label for row in table.rows],
        [
            (columns[2], [float(row.average or 0) for row in table.rows]),
            (columns[4], [float(row.below_share) for row in table.rows]),
        ],
    )
    notes = [
        tr(
            N_(
                "Active customers; the score weighs the key items more, and a prospective "
                "customer (未来客户) is measured on the basic data only."
            )
        )
    ]
    if table.total.not_computed:
        notes.append(
            tr(
                N_("{n} customers have no completeness yet (being computed; or kehu repair)."),
                n=table.total.not_computed,
            )
        )
    subtitle = tr(
        N_("Below {low} %: {n} of {total} customers"),
        low=table.low,
        n=table.total.below,
        total=table.total.customers,
    )
    return Report("completeness", heading, subtitle, columns, rows, chart, notes, keys)
