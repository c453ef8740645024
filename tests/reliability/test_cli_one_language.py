"""The command line speaks one language (issue 14, point 8): under LANG=C.UTF-8 every
message is English (no "…（local 模式）"), with --lang zh_CN no English sentence is left; a
database made under LANG=C names its built-in categories in the reader's language."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def kehu(db, *argv, lang_env="C.UTF-8", codes=(0,)):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["LANG"] = lang_env
    done = subprocess.run(
        [sys.executable, "-m", "kehu", "--db", str(db), *argv],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode in codes, done.stderr
    return done.stdout + done.stderr


HELPED = ("analyse", "export", "import", "check", "demo", "repair", "user")


@pytest.fixture(scope="module")
def made_under_lang_c(tmp_path_factory):
    """`kehu init` and `kehu demo` run from a terminal with LANG=C.UTF-8."""
    db = tmp_path_factory.mktemp("c") / "c.db"
    outputs = [kehu(db, "init"), kehu(db, "demo", "--customers", "60", "--quiet")]
    return db, outputs


def test_under_lang_c_the_messages_are_english(made_under_lang_c):
    db, outputs = made_under_lang_c
    outputs += [
        kehu(db, "init"),  # "already exists … (local mode)"
        kehu(db, "check"),
        kehu(db, "analyse", "composition", "--by", "grade"),
        kehu(db, "analyse", "composition", "--by", "nature"),
        kehu(db, "duplicates", codes=(0, 1)),  # 1: none found
        kehu(db, "export", "--format", "csv", "--kind", "list", str(db.with_suffix(".csv"))),
        *(kehu(db, command, "--help") for command in HELPED),  # analyse --help broke on "%"
    ]
    for out in outputs:
        assert not CJK.search(out), out
    assert "Key customer (A)" in outputs[4] and "Grade" in outputs[4]


def test_in_chinese_no_english_sentence_is_left(made_under_lang_c):
    db, _ = made_under_lang_c
    init = kehu(db, "--lang", "zh_CN", "init")
    check = kehu(db, "--lang", "zh_CN", "check")
    grades = kehu(db, "--lang", "zh_CN", "analyse", "composition", "--by", "grade")
    nature = kehu(db, "--lang", "zh_CN", "analyse", "composition", "--by", "客户性质")
    assert "本机" in init and "local" not in init
    assert "本机" in check and "local" not in check and "ok" not in check
    assert "主力客户 (A)" in grades and "客户等级" in grades
    assert "政府机构" in nature
    for out in (init, check, grades, nature):
        english = re.findall(r"[A-Za-z]{3,}(?: [A-Za-z]{2,})+", out)
        assert not english, english
    for command in HELPED:  # argparse's own words too (usage:, options:, show this help…)
        out = kehu(db, "--lang", "zh_CN", command, "--help")
        assert "用法：" in out and "usage" not in out and "options" not in out
        english = re.findall(r"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b", out)
        assert not english, (command, english)
