"""`kehu import FILE`: customers, key persons, sale lines or filled-in customer forms.

Also `kehu import --undo BATCH` and `kehu import --list` (recent imports).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kehu.commands._context import acting_user, workspace
from kehu.core.language import pick
from kehu.exchange.xlsx_columns import load_saved
from kehu.exchange.xlsx_reading import SpreadsheetError
from kehu.services import imports

MAX_LISTED = 30


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help=pick("从 Excel/CSV 导入", "import from Excel or CSV")
    )
    parser.add_argument("file", nargs="?", help=pick(".xlsx 或 .csv 文件", ".xlsx or .csv file"))
    parser.add_argument("--sheet", help=pick("工作表名称", "sheet name"))
    parser.add_argument(
        "--persons-sheet", help=pick("联系人所在的第二个工作表", "second sheet with key persons")
    )
    parser.add_argument("--mapping", help=pick("列映射文件 (JSON)", "column mapping file (JSON)"))
    parser.add_argument(
        "--save-mapping", help=pick("把识别出的列映射保存到文件", "save the detected mapping")
    )
    parser.add_argument("--kind", choices=imports.KINDS, default="customers")
    parser.add_argument(
        "--on-duplicate",
        choices=imports.ON_DUPLICATE,
        default="skip",
        help=pick(
            "重复时：跳过 / 只补空白字段 / 覆盖 / 仍然导入",
            "duplicates: skip / update empty fields / overwrite / import anyway",
        ),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help=pick("只检查，不写入", "check only, write nothing")
    )
    parser.add_argument(
        "--skip-hidden-rows", action="store_true", help=pick("跳过隐藏行", "skip hidden rows")
    )
    parser.add_argument(
        "--create-categories",
        action="store_true",
        help=pick(
            "自动创建缺少的分类（“华东/上海”按层级查找和创建）",
            "create missing categories (a path such as 华东/上海 is found and created level by level)",
        ),
    )
    parser.add_argument(
        "--rejected", help=pick("未导入行的报告 (.xlsx)", "write rejected rows to this .xlsx")
    )
    parser.add_argument(
        "--undo", type=int, metavar="BATCH", help=pick("撤销导入", "undo an import")
    )
    parser.add_argument(
        "--force", action="store_true", help=pick("导入后有修改也撤销", "undo despite later edits")
    )
    parser.add_argument("--list", action="store_true", help=pick("最近的导入", "recent imports"))
    parser.set_defaults(func=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    ws = workspace(args)
    user = acting_user(ws)
    if args.list:
        return _list(user)
    if args.undo is not None:
        count = imports.undo(args.undo, user, force=args.force)
        print(
            pick(
                f"已撤销导入 {args.undo}（{count} 条记录）",
                f"Import {args.undo} undone ({count} records)",
            )
        )
        return 0
    if not args.file:
        print(pick("请指定要导入的文件", "Name the file to import"), file=sys.stderr)
        return 2
    try:
        options = imports.ImportOptions(
            kind=args.kind,
            sheet=args.sheet,
            persons_sheet=args.persons_sheet,
            saved_mapping=load_saved(args.mapping) if args.mapping else None,
            on_duplicate=args.on_duplicate,
            dry_run=args.dry_run,
            skip_hidden_rows=args.skip_hidden_rows,
            create_categories=args.create_categories,
        )
        if args.save_mapping and args.kind != "forms":
            _save_mapping(args, options)
        report = imports.run_import(args.file, user, options)
    except (SpreadsheetError, imports.ImportFailed) as exc:
        print(exc.message(), file=sys.stderr)
        return 1
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    _print_report(report, args)
    return 1 if report.rejected and not report.created and not report.updated else 0


def _save_mapping(args: argparse.Namespace, options: imports.ImportOptions) -> None:
    inspection = imports.inspect(args.file, args.kind, args.sheet, options.saved_mapping)
    if inspection.mapping is not None:
        Path(args.save_mapping).write_text(inspection.mapping.to_json(args.kind), "utf-8")
        print(pick(f"列映射已保存到 {args.save_mapping}", f"Mapping saved to {args.save_mapping}"))


def _print_report(report: imports.ImportReport, args: argparse.Namespace) -> None:
    print(report.summary())
    for problem in report.errors[:MAX_LISTED]:
        print("  ✗ " + problem.message())
    for problem in report.warnings[:MAX_LISTED]:
        print("  ! " + problem.message())
    for duplicate in report.duplicates[:MAX_LISTED]:
        print("  = " + duplicate.message())
    hidden = len(report.problems) + len(report.duplicates) - 3 * MAX_LISTED
    if hidden > 0:
        print(
            pick(f"  ……另有 {hidden} 条（见报告文件）", f"  … {hidden} more (see the report file)")
        )
    if report.batch_id:
        print(
            pick(
                f"导入编号 {report.batch_id}；撤销：kehu import --undo {report.batch_id}",
                f"Import number {report.batch_id}; undo with: kehu import --undo {report.batch_id}",
            )
        )
    target = args.rejected
    if target is None and (report.rejected_rows or report.warnings):
        target = str(Path(args.file).with_name(Path(args.file).stem + "_未导入.xlsx"))
    if target and (report.rejected_rows or report.warnings):
        path = report.write_rejected(target)
        print(
            pick(f"未导入的行和提醒已写入 {path}", f"Rejected rows and warnings written to {path}")
        )


def _list(user) -> int:
    for batch in imports.recent_batches(user):
        print(
            f"{batch.id:>5}  {batch.started_at}  {batch.kind:<9} {batch.status:<9} "
            f"+{batch.rows_created} ~{batch.rows_updated} ✗{batch.rows_rejected}  {batch.filename}"
        )
    return 0
