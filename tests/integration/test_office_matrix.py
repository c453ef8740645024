"""The rights matrix walked through the services: for EACH action of `rights.Action` and each
role — the administrator, a manager with two subordinates, a salesperson on her own customer,
her peer, a salesperson of another team, a disabled user — the service acts exactly where
`rights.MATRIX` says; a refused action changes nothing (the database's checksum) and says why
in the user's language. The expectation is read from the matrix, so a change of the matrix
is followed; an action added to the enum fails here until it has its operation.

(A wrong password yields no user at all: `auth.login` returns None; the command-line matrix,
tests/reliability/test_office_cli_matrix.py, walks that row through every command.)
"""

from __future__ import annotations

import datetime as dt
import hashlib

import openpyxl
import pytest

from kehu.core import rights
from kehu.core.dossier import NotAllowedError, NotFoundError
from kehu.core.periods import Period, month_of
from kehu.core.rights import Action, Refused, Scope
from kehu.core.sensitivity import RevealRefused
from kehu.db.models import Category, Customer, User
from kehu.services import (
    analysis,
    audit_trail,
    auth,
    backup,
    classification,
    database_settings,
    demo,
    dossiers,
    exports,
    imports,
    privacy,
    repair,
    routes,
    sales,
    transfer,
    users,
    visits,
)

REFUSALS = (Refused, NotAllowedError, NotFoundError, RevealRefused, visits.VisitError)


class Withheld(Exception):
    """The action ran but did not reach li's record (a list, export or count without it)."""


def checksum(db, *, audit: bool = True) -> str:
    """Every row of every table (the audit trail too, unless `audit=False`)."""
    digest = hashlib.sha256()
    tables = [
        name
        for (name,) in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    for table in tables:
        if table == "audit_entry" and not audit:
            continue
        digest.update(table.encode())
        for row in sorted(map(repr, db.execute_sql(f'SELECT * FROM "{table}"').fetchall())):
            digest.update(row.encode())
    return digest.hexdigest()


@pytest.fixture
def office(workspace, user, tmp_path):
    admin = user
    boss = auth.create_user("boss", "王经理", "manager", by=admin)
    li = auth.create_user("li", "李丽", manager=boss, by=admin)
    zhao = auth.create_user("zhao", "赵强", manager=boss, by=admin)
    qian = auth.create_user("qian", "钱经理", "manager", by=admin)
    chen = auth.create_user("chen", "陈明", manager=qian, by=admin)  # another team
    gone = auth.create_user("gone", "离职", manager=boss, by=admin)
    users.disable_user(gone, admin)
    persons = [{"name": "张伟", "mobile": "13800000001", "hobbies": "钓鱼"}]
    cid = dossiers.create({"name": "李的客户"}, admin, owner=li, persons=persons)
    pid = dossiers.load(cid).persons[0]["id"]
    route = routes.create_route(li, "李的路线")
    routes.add_stops(route, [cid], li)
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "电话"])
    book.active.append(["李导入的客户", "010-88886666"])
    sheet = tmp_path / "li.xlsx"
    book.save(sheet)
    batch = imports.run_import(sheet, li).batch_id
    saved = backup.backup(workspace.database, tmp_path / "saved.db", by=admin)
    grade = classification.scheme_by_key("grade")
    category = Category.get(Category.scheme == grade.id, Category.name == "主力客户 (A)")
    return dict(
        admin=admin,
        boss=boss,
        li=li,
        zhao=zhao,
        chen=chen,
        gone=User.get_by_id(gone.id),
        cid=cid,
        pid=pid,
        route=route,
        batch=batch,
        sheet=sheet,
        saved=saved,
        category=category.id,
        ws=workspace,
        tmp=tmp_path,
    )


def _reached(selected: int) -> None:
    if not selected:
        raise Withheld


def _sale(actor, o):
    line = sales.SaleInput(dt.date(2026, 3, 1), "绿茶", "饮料", "1", "10")
    sales.add_line(actor, o["cid"], line)


def _analysis(actor, o):
    this = month_of(dt.date.today())
    analysis.composition(actor, Period(this - 11, this), by="grade")


def _counts(actor, o):
    if not repair.health_report(o["ws"].database, actor).counts:
        raise Withheld


# Each action as a user does it, on li's records where it has a target.
OPERATIONS = {
    Action.VIEW: lambda a, o: dossiers.load(o["cid"], a),
    Action.EDIT: lambda a, o: dossiers.save(dossiers.load(o["cid"]), {"phone": "010-1"}, a),
    Action.ARCHIVE: lambda a, o: dossiers.archive(o["cid"], a),
    Action.ERASE: lambda a, o: dossiers.erase(o["cid"], a, "测试"),
    Action.REVEAL_SENSITIVE: lambda a, o: dossiers.reveal_sensitive(
        o["cid"], o["pid"], ["hobbies"], a
    ),
    Action.EXPORT_LIST: lambda a, o: _reached(
        exports.export_file("xlsx", "list", [o["cid"]], o["tmp"] / "l.xlsx", a).selected
    ),
    Action.EXPORT_CARDS: lambda a, o: _reached(
        exports.export_file("pdf", "card", [o["cid"]], o["tmp"] / "c.pdf", a).selected
    ),
    Action.IMPORT: lambda a, o: imports.run_import(o["sheet"], a),
    Action.UNDO_IMPORT: lambda a, o: imports.undo(o["batch"], a),
    Action.MANAGE_ROUTES: lambda a, o: routes.rename_route(o["route"], "改名", a),
    Action.RECORD_VISITS: lambda a, o: visits.record_visit(o["cid"], a, visit_date=dt.date.today()),
    Action.ANALYSIS: _analysis,
    Action.EDIT_SALE_LINES: _sale,
    Action.MANAGE_CATEGORIES: lambda a, o: classification.add(
        classification.scheme_by_key("region").id, "新区域", a
    ),
    Action.BACKUP: lambda a, o: backup.backup(o["ws"].database, o["tmp"] / "b.db", by=a),
    Action.RESTORE: lambda a, o: backup.restore(o["saved"], o["ws"].database.path, by=a),
    Action.REPAIR: lambda a, o: repair.repair(o["ws"].database, a),
    Action.DEMO: lambda a, o: demo.generate(3, user=a),
    Action.DATABASE_COUNTS: _counts,
    Action.MANAGE_USERS: lambda a, o: auth.create_user("new", "新人", by=a),
    Action.CHANGE_SETTINGS: lambda a, o: database_settings.change_mode(
        o["ws"].database, "shared", a
    ),
    Action.TRANSFER_OWNER: lambda a, o: transfer.transfer([o["cid"]], o["zhao"], a),
    Action.SHARE: lambda a, o: transfer.share([o["cid"]], o["zhao"], False, a),
    Action.VIEW_AUDIT: lambda a, o: audit_trail.rows(a),
    Action.PERSONAL_DATA_COPY: lambda a, o: privacy.personal_data_copy(
        o["pid"], a, o["tmp"] / "p.xlsx", "zh_CN"
    ),
}

# Actions on no one's record in particular: the user's own reach is what counts.
GLOBAL = {
    Action.IMPORT,
    Action.ANALYSIS,
    Action.MANAGE_CATEGORIES,
    Action.BACKUP,
    Action.RESTORE,
    Action.REPAIR,
    Action.DEMO,
    Action.DATABASE_COUNTS,
    Action.MANAGE_USERS,
    Action.CHANGE_SETTINGS,
    Action.VIEW_AUDIT,
}

# Who acts, and where li's records lie for them.
ACTORS = {
    "admin": Scope.ALL,
    "boss": Scope.TEAM,  # li's manager
    "li": Scope.OWN,
    "zhao": Scope.ALL,  # li's peer: peers do not see each other
    "chen": Scope.ALL,  # another team
    "gone": Scope.TEAM,  # disabled (was in boss's team)
}


def expected(who: User, action: Action, actor: str) -> bool:
    within = Scope.OWN if action in GLOBAL else ACTORS[actor]
    return rights.allowed(who, action, within)


def test_every_action_of_the_matrix_has_its_operation():
    assert set(OPERATIONS) == set(Action) == set(rights.MATRIX)


def test_the_matrix_has_what_the_issue_asks():
    # salesperson: own and shared; manager: the team; admin: all; who backs up and restores
    assert rights.scope(User(role="salesperson", active=True), Action.EDIT) is Scope.OWN
    assert rights.scope(User(role="manager", active=True), Action.EDIT) is Scope.TEAM
    assert all(rights.scope(User(role="admin", active=True), a) is Scope.ALL for a in Action)
    for action in (Action.BACKUP, Action.RESTORE, Action.MANAGE_USERS, Action.DEMO):
        assert rights.roles_with(action) == {"admin"}


@pytest.mark.parametrize("action", list(Action), ids=str)
@pytest.mark.parametrize("actor", list(ACTORS))
def test_allowed_exactly_where_the_matrix_says(office, action, actor):
    who = office[actor]
    db = Customer._meta.database
    before, quiet = checksum(db), checksum(db, audit=False)
    if expected(who, action, actor):
        OPERATIONS[action](who, office)
        return
    try:
        OPERATIONS[action](who, office)
    except Withheld:  # it ran for what the user may see, which is not li's record
        assert checksum(db, audit=False) == quiet
        return
    except REFUSALS as refused:
        assert checksum(db) == before, f"a refused {action} changed the database"
        zh, en = refused.message("zh_CN"), refused.message("en")
        assert zh and en and zh != en
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)
        if isinstance(refused, Refused):
            assert rights.translate(rights.ACTION_LABELS[refused.action], "zh_CN") in zh
        return
    pytest.fail(f"{actor} could {action}, which the matrix refuses")
