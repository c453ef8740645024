"""A full disk on every write path (issue 12, points 6 and 8): demo, save, import, backup,
export and restore report "the disk is full (N MB free on …)" without a traceback, leave no
partial file, and the database stays usable once space is freed.

The disk is a 4 MB tmpfs mounted by the test (root only; skipped with a message otherwise).
"""

from __future__ import annotations

import gc
import shutil
import sys

import openpyxl
import pytest
from disks import fill_disk

from kehu.app import main
from kehu.db import errors
from kehu.db.models import Customer, ImportBatch, database_proxy
from kehu.services import backup, demo, dossiers
from kehu.services.workspace import open_workspace

FULL = "The disk is full ("


@pytest.fixture(autouse=True)
def _close_after():
    yield
    if database_proxy.obj is not None and not database_proxy.obj.is_closed():
        database_proxy.obj.close()


def run(capsys, *argv):
    code = main(["--lang", "en", *map(str, argv)])  # a traceback would fail the test here
    out, err = capsys.readouterr()
    return code, out + err


def _partials(*folders) -> list[str]:
    return sorted(
        p.name
        for folder in folders
        for p in folder.rglob("*")
        if ".part" in p.name or p.name.endswith((".restoring", ".restore-under-way"))
    )


def _healthy(capsys, path) -> None:
    code, text = run(capsys, "--db", path, "check")
    assert code == 0 and "The database is healthy" in text, text


def test_demo_on_a_full_disk_rolls_back(capsys, small_disk):
    path = small_disk / "kehu.db"
    code, text = run(capsys, "--db", path, "demo", "--customers", "4000", "--quiet")
    assert code == 2 and FULL in text and "MB free on" in text and str(small_disk) in text
    assert _partials(small_disk) == []
    _healthy(capsys, path)
    ws = open_workspace(path, create=False)
    assert Customer.select().count() == 0  # rolled back as a whole
    ws.database.close()


def test_a_save_on_a_full_disk_is_refused_and_works_again_after(small_disk):
    path = small_disk / "kehu.db"
    ws = open_workspace(path)
    cid = dossiers.create({"name": "磁盘已满测试客户"}, ws.user)
    filler = fill_disk(small_disk)
    with pytest.raises(errors.DiskFullError) as full:
        dossiers.save(dossiers.load(cid), {"problems": "很长的说明" * 40_000}, ws.user)
    assert full.value.message("en").startswith(FULL)
    assert "磁盘已满" in full.value.message("zh_CN")
    filler.unlink()
    saved = dossiers.save(dossiers.load(cid), {"problems": "空间释放之后"}, ws.user)
    assert saved.values["problems"] == "空间释放之后"
    ws.database.close()


def test_backup_and_export_to_a_full_disk_leave_no_partial_file(
    capsys, monkeypatch, tmp_path, small_disk
):
    unraisable = []  # a half-written zip left to the garbage collector prints on stderr
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    path = tmp_path / "kehu.db"
    ws = open_workspace(path)
    demo.generate(60, seed=3, user=ws.user)
    ws.database.close()
    fill_disk(small_disk, leave=200_000)
    code, text = run(capsys, "--db", path, "backup", small_disk / "backup.db", "--quiet")
    assert code == 2 and FULL in text, text
    fill_disk(small_disk, leave=8_000)
    for kind, fmt in (("list", "xlsx"), ("card", "pdf")):
        out = small_disk / f"export.{fmt}"
        code, text = run(capsys, "--db", path, "export", "--kind", kind, "--format", fmt, out)
        assert code == 2 and FULL in text, text
        assert not out.exists()
    gc.collect()
    assert [str(u.exc_value) for u in unraisable] == []
    assert _partials(small_disk) == []
    _healthy(capsys, path)


def test_import_into_a_full_disk_reports_it_and_leaves_no_running_batch(
    capsys, tmp_path, small_disk
):
    path = small_disk / "kehu.db"
    open_workspace(path).database.close()
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "电话", "存在的问题"])
    for i in range(3000):
        book.active.append([f"满盘导入公司{i:04d}", f"0571-8{i:07d}", "说明" * 200])
    book.save(tmp_path / "客户.xlsx")
    fill_disk(small_disk, leave=300_000)
    code, text = run(capsys, "--db", path, "import", tmp_path / "客户.xlsx")
    assert code == 2 and FULL in text, text
    (small_disk / "filler.bin").unlink()
    ws = open_workspace(path, create=False)
    statuses = [b.status for b in ImportBatch.select()]
    ws.database.close()
    assert "running" not in statuses
    _healthy(capsys, path)


def test_restore_onto_a_full_disk_changes_nothing(capsys, tmp_path, small_disk):
    path = small_disk / "kehu.db"
    ws = open_workspace(path)
    demo.generate(150, seed=4, user=ws.user)
    saved = backup.backup(ws.database, tmp_path / "saved.db", by=ws.user)
    ws.database.close()
    shutil.copyfile(saved, tmp_path / "copy.db")
    before = path.read_bytes()
    fill_disk(small_disk, leave=50_000)
    code, text = run(capsys, "--db", path, "restore", saved, "--quiet")
    assert code == 2 and FULL in text, text
    assert path.read_bytes() == before
    assert _partials(small_disk) == [] and not list(small_disk.glob("*before-restore*"))
    (small_disk / "filler.bin").unlink()
    _healthy(capsys, path)
