"""The office's new dialogs fit in both languages: no text cut off (layout_checks.elided)."""

from __future__ import annotations

import datetime as dt

import pytest
from layout_checks import elided
from PySide6.QtWidgets import QApplication

from kehu.services import auth, dossiers, transfer
from kehu.ui import translations
from kehu.ui.dialogs.audit_dialog import AuditDialog
from kehu.ui.dialogs.consent_dialog import ConsentDialog
from kehu.ui.dialogs.erase_dialog import EraseDialog
from kehu.ui.dialogs.share_dialog import ShareDialog
from kehu.ui.dialogs.transfer_dialog import TransferDialog


@pytest.fixture(params=["zh_CN", "en"])
def lang(request, qapp):
    translations.install(qapp, request.param)
    yield request.param
    translations.install(qapp, "en")


class _Session:
    def __init__(self, user, lang):
        self.user, self.lang, self.hub, self.can_write = user, lang, None, True


def test_the_office_dialogs_fit(qtbot, workspace, user, lang):
    zhao = auth.create_user("zhao", "赵强", by=user)
    cid = dossiers.create(
        {"name": "北京海淀科技有限公司"},
        user,
        persons=[{"name": "王芳", "consent_withdrawn_on": dt.date(2026, 10, 8)}, {"name": "李娜"}],
    )
    transfer.share([cid], zhao, True, user)
    session = _Session(user, lang)
    dialogs = [
        AuditDialog(session),
        TransferDialog(session, 12),
        ShareDialog(session, [cid], "KH000001  北京海淀科技有限公司"),
        ShareDialog(session, [cid, cid], ""),
        EraseDialog(EraseDialog.CUSTOMER, "KH000001 北京海淀科技有限公司"),
        EraseDialog(EraseDialog.PERSON, "王芳"),
        ConsentDialog(session),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        assert elided(dialog) == [], type(dialog).__name__
