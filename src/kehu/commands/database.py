"""init, check, backup and restore."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kehu.commands._context import workspace
from kehu.core.language import pick
from kehu.db import migrations
from kehu.db.connection import MODES, open_database, set_mode
from kehu.db.models import (
    AuditEntry,
    Category,
    Customer,
    KeyPerson,
    Route,
    RouteStop,
    SaleLine,
    Scheme,
    User,
    Visit,
)
from kehu.services import backup as backup_service


def register(subparsers: argparse._SubParsersAction) -> None:
    init = subparsers.add_parser("init", help=pick("创建数据库", "create a database"))
    init.add_argument(
        "--mode",
        choices=MODES,
        default=None,
        help=pick(
            "local：本机（WAL）；shared：网络共享文件",
            "local: this computer (WAL); shared: a file on a network drive",
        ),
    )
    init.set_defaults(func=cmd_init)

    check = subparsers.add_parser(
        "check", help=pick("检查数据库完整性、结构版本和数量", "check integrity, schema and counts")
    )
    check.add_argument("--json", action="store_true", help=pick("输出 JSON", "print JSON"))
    check.set_defaults(func=cmd_check)

    backup = subparsers.add_parser("backup", help=pick("备份数据库", "back up the database"))
    backup.add_argument(
        "file",
        nargs="?",
        help=pick(
            "备份文件（默认：数据库旁的 backups 文件夹）",
            "backup file (default: a backups folder beside the database)",
        ),
    )
    backup.set_defaults(func=cmd_backup)

    restore = subparsers.add_parser(
        "restore",
        help=pick(
            "从备份恢复（先校验备份，原数据库另存）",
            "restore a backup (verified first; the current database is kept aside)",
        ),
    )
    restore.add_argument("file")
    restore.set_defaults(func=cmd_restore)


def cmd_init(args: argparse.Namespace) -> int:
    existed = Path(args.db).exists()
    ws = workspace(args)
    if args.mode and args.mode != ws.database.mode:
        set_mode(ws.database, args.mode)
    if existed and not ws.database.created:
        print(
            pick(
                f"数据库已存在：{ws.database.path}（{ws.database.mode} 模式）",
                f"The database already exists: {ws.database.path} ({ws.database.mode} mode)",
            )
        )
    else:
        print(
            pick(
                f"已创建数据库：{ws.database.path}（{ws.database.mode} 模式）",
                f"Created database {ws.database.path} ({ws.database.mode} mode)",
            )
        )
    return 0


def counts() -> dict[str, int]:
    return {
        "customers": Customer.select().count(),
        "archived": Customer.select().where(Customer.status == "archived").count(),
        "key_persons": KeyPerson.select().count(),
        "schemes": Scheme.select().count(),
        "categories": Category.select().count(),
        "routes": Route.select().count(),
        "route_stops": RouteStop.select().count(),
        "visits": Visit.select().count(),
        "sale_lines": SaleLine.select().count(),
        "users": User.select().count(),
        "audit_entries": AuditEntry.select().count(),
    }


def cmd_check(args: argparse.Namespace) -> int:
    ws = workspace(args)
    db = ws.database.db
    integrity = db.execute_sql("PRAGMA integrity_check").fetchone()[0]
    foreign = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    report = {
        "path": str(ws.database.path),
        "mode": ws.database.mode,
        "journal_mode": db.execute_sql("PRAGMA journal_mode").fetchone()[0],
        "schema_version": migrations.schema_version(db),
        "latest_schema_version": migrations.latest_version(),
        "integrity": integrity,
        "foreign_key_problems": len(foreign),
        "counts": counts(),
    }
    healthy = integrity == "ok" and not foreign
    report["healthy"] = healthy
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(pick("数据库：", "Database: ") + report["path"])
        print(pick("模式：", "Mode: ") + f"{report['mode']} ({report['journal_mode']})")
        print(pick("结构版本：", "Schema version: ") + f"{report['schema_version']}")
        print(pick("完整性：", "Integrity: ") + integrity)
        print(pick("外键问题：", "Foreign-key problems: ") + str(len(foreign)))
        for name, value in report["counts"].items():
            print(f"  {name}: {value:,}")
        print(
            pick("数据库状态良好。", "The database is healthy.")
            if healthy
            else pick(
                "数据库有问题，请从备份恢复。", "The database has problems: restore a backup."
            )
        )
    return 0 if healthy else 1


def cmd_backup(args: argparse.Namespace) -> int:
    ws = workspace(args)
    target = backup_service.backup(ws.database, Path(args.file) if args.file else None)
    print(pick(f"已备份到 {target}", f"Backed up to {target}"))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    restored = backup_service.restore(Path(args.file), Path(args.db))
    final = open_database(restored.path, create=False, bind=False)  # migrates an older backup
    print(
        pick(
            f"已从 {args.file} 恢复到 {final.path}（{final.mode} 模式）。",
            f"Restored {args.file} to {final.path} ({final.mode} mode).",
        )
    )
    final.close()
    if restored.kept:
        print(
            pick(
                f"原数据库已保存为 {restored.kept}",
                f"The previous database was kept as {restored.kept}",
            )
        )
    return 0
