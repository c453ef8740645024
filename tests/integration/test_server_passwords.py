"""`kehu --db postgresql://user@host/db` (issue 16, point 1): the password comes from the
URL, from libpq's usual means (PGPASSWORD), or from the keyring entry the window's Server
dialog remembered; without one, the command says so in the user's language."""

from __future__ import annotations

from backends import PASSWORD
from kehu.cli import parse, run
from kehu.core.i18n import translate
from kehu.db import errors
from kehu.services import secrets


def _search(url: str) -> int:
    return run(parse(["--lang", "zh_CN", "--db", url, "search", "商行", "--limit", "9"]))


def _names(out: str) -> set[str]:
    return {line.split("\t")[1] for line in out.strip().splitlines()[1:]}


def test_the_password_remembered_by_the_window_serves_the_command_line(
    server_office, memory_keyring, monkeypatch, capsys
):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    wang = server_office["wang"]
    secrets.remember_server(wang, PASSWORD)
    assert _search(wang.shown) == 0
    assert _names(capsys.readouterr().out) == {"王的长沙商行", "王的岳阳商行"}  # wang's only


def test_the_password_of_the_url_or_of_pgpassword(
    server_office, memory_keyring, monkeypatch, capsys
):
    wang = server_office["wang"]
    monkeypatch.delenv("PGPASSWORD", raising=False)
    assert _search(wang.with_password(PASSWORD).url()) == 0
    assert len(_names(capsys.readouterr().out)) == 2
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert _search(wang.shown) == 0
    assert len(_names(capsys.readouterr().out)) == 2


def test_without_a_password_the_command_says_so(server_office, memory_keyring, monkeypatch, capsys):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    wang = server_office["wang"]
    assert _search(wang.shown) == 2
    err = capsys.readouterr().err
    expected = translate(errors.ServerPasswordNeededError.text, "zh_CN", path=wang.shown)
    assert err.startswith(expected) and "Traceback" not in err
    assert PASSWORD not in err
    # a wrong remembered password: the login is refused, said the same way
    secrets.remember_server(wang, "not-the-password")
    assert _search(wang.shown) == 2
    err = capsys.readouterr().err
    assert err.startswith(translate(errors.ServerLoginError.text, "zh_CN", path=wang.shown))
    assert "not-the-password" not in err


def test_on_a_server_user_names_the_login_only(server_office, memory_keyring, monkeypatch, capsys):
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    wang, li = server_office["wang"], server_office["people"]["li"]
    own = server_office["people"]["wang"].username
    argv = ["--lang", "en", "--db", wang.shown, "search", "商行", "--limit", "9"]
    assert run(parse([*argv[:4], "--user", own, *argv[4:]])) == 0
    assert len(_names(capsys.readouterr().out)) == 2
    assert run(parse([*argv[:4], "--user", li.username, *argv[4:]])) == 1  # not li's rights
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"you act as the user of your login ({own}), not as {li.username}" in captured.err
