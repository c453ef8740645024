"""`kehu search TEXT`: prints code, name, phone and owner of the ranked customers."""

from __future__ import annotations

from kehu.cli import parse, run
from kehu.services import dossiers


def test_search_command_prints_code_name_phone_owner(workspace, user, db_path, capsys):
    first = dossiers.create({"name": "北京海淀华鑫商贸有限公司", "phone": "010-6258 1234"}, user)
    dossiers.create(
        {"name": "北京朝阳五金店"}, user, persons=[{"name": "李四", "mobile": "13912345678"}]
    )
    dossiers.create({"name": "上海浦东超市"}, user)
    code = dossiers.load(first).code
    workspace.database.close()

    def main(argv: list[str]) -> int:
        return run(parse(["--lang", "zh_CN", "--db", str(db_path), *argv]))

    assert main(["search", "bj", "--limit", "5"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3  # header and two customers, ranked by key: beijingchaoyang… first
    assert lines[1].split("\t")[1:3] == ["北京朝阳五金店", "13912345678"]  # a key person's mobile
    assert lines[2].split("\t") == [
        code,
        "北京海淀华鑫商贸有限公司",
        "010-6258 1234",
        user.display_name,
    ]

    assert main(["search", "bj", "--limit", "1"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2

    assert main(["search", "没有这家"]) == 1
    assert "没有找到" in capsys.readouterr().out
