"""The rights matrix walked through the command line, one process per case (`python -m kehu …
--user NAME`, the password in KEHU_PASSWORD): for each action that has a command and each
role — the administrator, a manager with two subordinates, a salesperson on her own
customer, her peer, a salesperson of another team, a disabled user, a wrong password — the
command acts exactly where `rights.MATRIX` says; a refused one exits 1, says why in Chinese
(`--lang zh_CN`) and changes nothing (the database's checksum; the audit trail may only
gain the login). Expectations are read from the matrix; an action added to the enum fails
here until it has a command or is named among those without one.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from kehu.core import rights
from kehu.core.rights import Action, Scope
from kehu.db.models import Customer, KeyPerson, User, database_proxy
from kehu.services import auth, backup, dossiers, imports, routes, users
from kehu.services.workspace import open_workspace

PASSWORDS = {
    "root": "admin-pass-1",
    "boss": "boss-pass-1",
    "li": "li-pass-1",
    "zhao": "zhao-pass-1",
    "chen": "chen-pass-1",
    "gone": "gone-pass-1",
}
# actor → (user name, password, where li's records lie for them)
ACTORS = {
    "admin": ("root", PASSWORDS["root"], Scope.ALL),
    "boss": ("boss", PASSWORDS["boss"], Scope.TEAM),
    "li": ("li", PASSWORDS["li"], Scope.OWN),
    "zhao": ("zhao", PASSWORDS["zhao"], Scope.ALL),
    "chen": ("chen", PASSWORDS["chen"], Scope.ALL),
    "gone": ("gone", PASSWORDS["gone"], Scope.TEAM),
    "wrong_password": ("li", "not-her-password", Scope.OWN),
}

# Actions no command does (the window does them); a command for one moves it into COMMANDS.
NO_COMMAND = {
    Action.EDIT,
    Action.ARCHIVE,
    Action.ERASE,
    Action.MANAGE_ROUTES,
    Action.RECORD_VISITS,
    Action.MANAGE_CATEGORIES,
}
GLOBAL = {
    Action.IMPORT,
    Action.ANALYSIS,
    Action.BACKUP,
    Action.RESTORE,
    Action.REPAIR,
    Action.DEMO,
    Action.DATABASE_COUNTS,
    Action.MANAGE_USERS,
    Action.CHANGE_SETTINGS,
    Action.VIEW_AUDIT,
}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> dict:
    """An office database with logins, made once: li (under boss, beside zhao) owns a
    customer with a key person, a route and an import; chen is in qian's team; gone is
    disabled. Each test works on a copy."""
    folder = tmp_path_factory.mktemp("office")
    os.environ.setdefault("KEHU_DATA_DIR", str(folder / "data"))
    path = folder / "office.db"
    ws = open_workspace(path, lang="zh_CN")
    root = ws.user
    boss = auth.create_user(
        "boss", "王经理", "manager", password=PASSWORDS["boss"], by=root,
        own_password=PASSWORDS["root"],
    )  # fmt: skip
    li = auth.create_user("li", "李丽", manager=boss, password=PASSWORDS["li"], by=root)
    auth.create_user("zhao", "赵强", manager=boss, password=PASSWORDS["zhao"], by=root)
    qian = auth.create_user("qian", "钱经理", "manager", password="qian-pass-1", by=root)
    auth.create_user("chen", "陈明", manager=qian, password=PASSWORDS["chen"], by=root)
    gone = auth.create_user("gone", "离职", manager=boss, password=PASSWORDS["gone"], by=root)
    users.disable_user(gone, root)
    persons = [{"name": "张伟", "mobile": "13800000001", "hobbies": "钓鱼"}]
    cid = dossiers.create({"name": "李的客户"}, root, owner=li, persons=persons)
    route = routes.create_route(li, "李的路线")
    routes.add_stops(route, [cid], li)
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "电话"])
    book.active.append(["李导入的客户", "010-88886666"])
    sheet = folder / "li.xlsx"
    book.save(sheet)
    batch = imports.run_import(sheet, li).batch_id
    sales = openpyxl.Workbook()
    code = Customer.get_by_id(cid).code
    sales.active.append(["客户编号", "日期", "产品", "产品类别", "数量", "金额"])
    sales.active.append([code, "2026-03-01", "绿茶", "饮料", 1, 10])
    sales_sheet = folder / "sales.xlsx"
    sales.save(sales_sheet)
    saved = backup.backup(ws.database, folder / "saved.db", by=root)
    pid = KeyPerson.get(KeyPerson.customer == cid).id
    ws.database.close()
    database_proxy.initialize(None)
    return dict(
        path=path, cid=cid, code=code, pid=pid, batch=batch, sheet=sheet,
        sales=sales_sheet, saved=saved,
    )  # fmt: skip


def checksum(path: Path) -> tuple[str, list[str]]:
    """Every row of every table but the audit trail, and the audit trail's actions."""
    digest = hashlib.sha256()
    with closing(sqlite3.connect(path)) as conn:
        tables = [
            n
            for (n,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'audit_entry' ORDER BY name"
            )
        ]
        for table in tables:
            digest.update(table.encode())
            for row in sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"').fetchall())):
                digest.update(row.encode())
        trail = [a for (a,) in conn.execute("SELECT action FROM audit_entry ORDER BY id")]
    return digest.hexdigest(), trail


RECORDS = (
    "customer", "key_person", "customer_category", "route", "route_stop", "visit",
    "sale_line", "customer_share", "user", "setting", "field_change", "category",
)  # fmt: skip


def records(path: Path) -> list:
    with closing(sqlite3.connect(path)) as conn:
        return [sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in RECORDS]


def _one(path: Path, sql: str, *params):
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(sql, params).fetchone()[0]


def _xlsx_has(out: Path, text: str) -> bool:
    if not out.exists():
        return False
    book = openpyxl.load_workbook(out, read_only=True)
    return any(
        text in str(c) for s in book.worksheets for r in s.iter_rows(values_only=True) for c in r
    )


def _pdf_has(out: Path, text: str) -> bool:
    if not out.exists():
        return False
    done = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True)
    return text in "".join(done.stdout.split())


# action → (arguments, did it reach li's record?) ; `t` is the template, `d` the test's folder
COMMANDS = {
    Action.VIEW: (
        lambda t, d: ["search", "李的客户"],
        lambda t, d, done: t["code"] in done.stdout,  # a hit shows the code
    ),
    Action.REVEAL_SENSITIVE: (
        lambda t, d: [
            "export",
            "--format",
            "xlsx",
            "--kind",
            "list",
            "--customers",
            t["code"],
            "--option",
            "reveal=1",
            str(d / "r.xlsx"),
        ],
        lambda t, d, done: _xlsx_has(d / "r.xlsx", "李的客户"),
    ),  # fmt: skip
    Action.EXPORT_LIST: (
        lambda t, d: [
            "export",
            "--format",
            "xlsx",
            "--kind",
            "list",
            "--customers",
            t["code"],
            str(d / "l.xlsx"),
        ],
        lambda t, d, done: _xlsx_has(d / "l.xlsx", "李的客户"),
    ),  # fmt: skip
    Action.EXPORT_CARDS: (
        lambda t, d: [
            "export",
            "--format",
            "pdf",
            "--kind",
            "card",
            "--customers",
            t["code"],
            str(d / "c.pdf"),
        ],
        lambda t, d, done: _pdf_has(d / "c.pdf", "李的客户"),
    ),  # fmt: skip
    Action.IMPORT: (
        lambda t, d: ["import", str(t["sheet"]), "--on-duplicate", "import_anyway"],
        lambda t, d, done: _one(d / "o.db", "SELECT COUNT(*) FROM customer") == 3,
    ),
    Action.UNDO_IMPORT: (
        lambda t, d: ["import", "--undo", str(t["batch"])],
        lambda t, d, done: _one(d / "o.db", "SELECT COUNT(*) FROM customer") == 1,
    ),
    Action.ANALYSIS: (lambda t, d: ["analyse", "composition"], lambda t, d, done: True),
    Action.EDIT_SALE_LINES: (
        lambda t, d: ["import", "--kind", "sales", str(t["sales"])],
        lambda t, d, done: _one(d / "o.db", "SELECT COUNT(*) FROM sale_line") == 1,
    ),
    Action.BACKUP: (
        lambda t, d: ["backup", str(d / "b.db"), "--quiet"],
        lambda t, d, done: (d / "b.db").exists(),
    ),
    Action.RESTORE: (
        lambda t, d: ["restore", str(t["saved"]), "--quiet"],
        lambda t, d, done: bool(list(d.glob("*before-restore*"))) or done.returncode == 0,
    ),
    Action.REPAIR: (lambda t, d: ["repair", "--quiet"], lambda t, d, done: True),
    Action.DEMO: (
        lambda t, d: ["demo", "--customers", "3", "--quiet"],
        lambda t, d, done: _one(d / "o.db", "SELECT COUNT(*) FROM customer") > 2,
    ),
    Action.DATABASE_COUNTS: (
        lambda t, d: ["check", "--json"],
        lambda t, d, done: '"customers": 2' in done.stdout,
    ),
    Action.MANAGE_USERS: (
        lambda t, d: ["user", "add", "newbie", "--role", "salesperson"],
        lambda t, d, done: (
            _one(d / "o.db", "SELECT COUNT(*) FROM user WHERE username = ?", "newbie") == 1
        ),
    ),
    Action.CHANGE_SETTINGS: (
        lambda t, d: ["init", "--mode", "shared"],
        lambda t, d, done: (
            _one(d / "o.db", "SELECT value FROM setting WHERE key = 'mode'") == "shared"
        ),
    ),
    Action.TRANSFER_OWNER: (
        lambda t, d: ["transfer", "--to", "zhao", "--codes", t["code"]],
        lambda t, d, done: (
            _one(
                d / "o.db",
                "SELECT u.username FROM customer c JOIN user u ON u.id = c.owner_id WHERE c.id = ?",
                t["cid"],
            )
            == "zhao"
        ),
    ),  # fmt: skip
    Action.SHARE: (
        lambda t, d: ["share", "--with", "zhao", "--codes", t["code"]],
        lambda t, d, done: _one(d / "o.db", "SELECT COUNT(*) FROM customer_share") == 1,
    ),
    Action.VIEW_AUDIT: (
        lambda t, d: ["audit", "--output", str(d / "a.xlsx")],
        lambda t, d, done: _xlsx_has(d / "a.xlsx", "李丽"),
    ),
    Action.PERSONAL_DATA_COPY: (
        lambda t, d: ["privacy", "copy", str(t["pid"]), "-o", str(d / "p.pdf")],
        lambda t, d, done: _pdf_has(d / "p.pdf", "张伟"),
    ),
}


def kehu(db: Path, user: str, password: str, *argv: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEHU_") or k == "KEHU_DATA_DIR"}
    env.update(KEHU_PASSWORD=password, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "kehu", "--lang", "zh_CN", "--db", str(db), "--user", user, *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_every_action_has_a_command_or_is_named_without_one():
    assert set(COMMANDS) | NO_COMMAND == set(Action)
    assert not set(COMMANDS) & NO_COMMAND


def _expected(actor: str, action: Action) -> bool:
    name, password, within = ACTORS[actor]
    if password != PASSWORDS.get(name):
        return False  # a wrong password acts as nobody
    role = {"root": "admin", "boss": "manager"}.get(name, "salesperson")
    who = User(role=role, active=name != "gone")
    return rights.allowed(who, action, Scope.OWN if action in GLOBAL else within)


@pytest.mark.parametrize("action", sorted(COMMANDS, key=str), ids=str)
@pytest.mark.parametrize("actor", list(ACTORS))
def test_the_command_acts_exactly_where_the_matrix_says(template, tmp_path, actor, action):
    db = tmp_path / "o.db"
    shutil.copy(template["path"], db)
    argv, reached = COMMANDS[action]
    name, password, _within = ACTORS[actor]
    before, trail = checksum(db)
    done = kehu(db, name, password, *argv(template, tmp_path))
    if _expected(actor, action):
        assert done.returncode == 0, done.stderr
        assert reached(template, tmp_path, done), done.stdout + done.stderr
        return
    after, trail_after = checksum(db)
    said = done.stderr.strip()
    if done.returncode != 0 and said:  # refused, and says why
        assert after == before, f"{actor}: a refused {action} changed the database"
        assert trail_after[: len(trail)] == trail
        assert set(trail_after[len(trail) :]) <= {"login", "login_failed"}
        assert any("\u4e00" <= ch <= "\u9fff" for ch in said), said
        assert "Traceback" not in said
        return
    # it ran for what the user may see (a search, an export, a share of nothing): li's
    # records were not reached and not changed; the run itself may be recorded (an audit
    # entry, an import batch whose rows were all rejected)
    assert not reached(template, tmp_path, done), done.stdout
    assert records(db) == records(template["path"]), f"{actor}: {action} reached li's records"
