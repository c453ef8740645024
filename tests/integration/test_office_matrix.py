"""The rights matrix walked through the services: for each role (administrator, a manager with
two subordinates, a salesperson on her own customer and on another team's, a disabled user)
and each action, allowed exactly where the matrix says; a refused action changes nothing."""

import pytest

from kehu.core import rights
from kehu.core.rights import Action, Refused, Scope
from kehu.db.models import AuditEntry, Customer, User
from kehu.services import auth, backup, dossiers, transfer, users


@pytest.fixture
def office(workspace, user):
    boss = auth.create_user("boss", "王经理", "manager", by=user)
    li = auth.create_user("li", "李丽", manager=boss, by=user)
    zhao = auth.create_user("zhao", "赵强", manager=boss, by=user)
    chen = auth.create_user("chen", "陈明", by=user)  # another team
    gone = auth.create_user("gone", "离职", by=user)
    users.disable_user(gone, user)
    gone = User.get_by_id(gone.id)
    cid = dossiers.create({"name": "李的客户"}, user, owner=li)
    return dict(
        admin=user, boss=boss, li=li, zhao=zhao, chen=chen, gone=gone, cid=cid, ws=workspace
    )


def _edit(actor, o):
    dossiers.save(dossiers.load(o["cid"]), {"phone": "010-12345678"}, actor)


def _archive(actor, o):
    dossiers.archive(o["cid"], actor)


def _erase(actor, o):
    dossiers.erase(o["cid"], actor, "测试")


def _share(actor, o):
    transfer.share([o["cid"]], o["zhao"], False, actor)


def _transfer(actor, o):
    transfer.transfer([o["cid"]], o["zhao"], actor)


def _backup(actor, o):
    backup.backup(o["ws"].database, o["ws"].database.path.with_name("b.db"), by=actor)


def _users(actor, o):
    auth.create_user("new", "新人", by=actor)


ACTIONS = {
    Action.EDIT: _edit,
    Action.ARCHIVE: _archive,
    Action.ERASE: _erase,
    Action.SHARE: _share,
    Action.TRANSFER_OWNER: _transfer,
    Action.BACKUP: _backup,
    Action.MANAGE_USERS: _users,
}
# who acts, and where li's customer lies for them
ACTORS = {
    "admin": Scope.ALL,
    "boss": Scope.TEAM,
    "li": Scope.OWN,
    "chen": Scope.ALL,
    "gone": Scope.ALL,
}


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("actor", list(ACTORS))
def test_allowed_exactly_where_the_matrix_says(office, action, actor):
    who = office[actor]
    within = ACTORS[actor]
    if action in (Action.BACKUP, Action.MANAGE_USERS):
        within = Scope.OWN
    expected = rights.allowed(who, action, within)
    before = (
        Customer.select().count(),
        [c.version for c in Customer.select()],
        User.select().count(),
    )
    audits = AuditEntry.select().count()
    if expected:
        ACTIONS[action](who, office)
        return
    with pytest.raises((Refused, dossiers.NotAllowedError)) as refused:
        ACTIONS[action](who, office)
    after = (
        Customer.select().count(),
        [c.version for c in Customer.select()],
        User.select().count(),
    )
    assert after == before and AuditEntry.select().count() == audits
    message = refused.value.message("zh_CN")
    assert message and message != refused.value.message("en")
