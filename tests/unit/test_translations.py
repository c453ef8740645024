"""Every translation keeps its source's placeholders; every N_() string is translated; code
below the UI shows its messages in the language it is given (the CLI's --lang)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import kehu
from kehu.core.i18n import N_, UserError, catalogue, translate
from kehu.core.validation import check_uscc, check_value
from kehu.db.errors import NotADatabaseError

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build_translations  # noqa: E402

TS = build_translations.TS
CATALOGUES = sorted(TS.parent.glob("kehu_*.ts"))  # one per language
PLACEHOLDER = re.compile(r"%L?\d+|\{[A-Za-z_][A-Za-z0-9_]*(?:[:!][^{}]*)?\}")


def _messages(ts: Path) -> list[tuple[str, str, str]]:
    """(context, source, translation) of every live message of a catalogue."""
    found = []
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            found.append((name, message.findtext("source") or "", translation.text or ""))
    return found


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda path: path.stem)
def test_every_translation_keeps_exactly_the_placeholders_of_its_source(ts):
    messages = _messages(ts)
    assert len(messages) > 300  # both contexts: the UI's tr() and "kehu" (N_)
    wrong = [
        f"{context}: {source!r} → {text!r}"
        for context, source, text in messages
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
    ]
    assert wrong == []
    assert build_translations.lost_placeholders(ts) == []


def test_there_is_a_chinese_catalogue():
    assert TS in CATALOGUES


def test_the_placeholder_check_sees_both_kinds_of_placeholder():
    assert build_translations.placeholders("%1 of %L2 {name} {n:,}") == [
        "%1",
        "%L2",
        "{n:,}",
        "{name}",
    ]


def test_every_n_string_in_the_source_has_a_chinese_translation():
    marked = build_translations.marked_strings()
    assert "Weekly" in marked and "Database error" in marked
    compiled = catalogue("zh_CN")
    missing = [text for text in marked if not compiled.get(text, "").strip()]
    assert missing == []


def test_translate_a_known_string_in_each_language():
    assert translate("Weekly", "zh_CN") == "每周"
    assert translate("Weekly", "en") == "Weekly"
    assert translate("Monthly, week {n}", "zh_CN", n=2) == "每月第2周"
    assert translate("Monthly, week {n}", "en", n=2) == "Monthly, week 2"
    assert translate("A string nobody translated", "zh_CN") == "A string nobody translated"


def test_a_user_error_speaks_the_language_it_is_asked_for():
    error = UserError(N_("The region '{name}' exists already."), name="华东")
    assert error.message("zh_CN") == "区域“华东”已存在。"
    assert error.message("en") == "The region '华东' exists already."
    database = NotADatabaseError("/tmp/x.db")
    assert database.message("zh_CN").startswith("“/tmp/x.db”不是客户档案数据库")
    assert database.message("en").startswith("'/tmp/x.db' is not a kehu database")


def test_a_validation_issue_is_translated_when_it_is_shown():
    from kehu.core.fields import customer_field

    issue = check_uscc("9111000080210043")
    assert issue.message("zh_CN") == "统一社会信用代码应为18位，现为16位"
    assert issue.message("en") == "A unified social credit code has 18 characters, this one has 16"
    empty = check_value(customer_field("name"), "")
    assert empty.message("zh_CN") == "“客户名称”不能为空"
    assert empty.message("en") == "'Customer name' cannot be empty"
    choice = check_value(customer_field("credit_status"), "极好")
    assert "“极好”不是可选值（AAA 信用极好、" in choice.message("zh_CN")
    assert "AAA excellent, AA very good" in choice.message("en")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(kehu.__file__).resolve().parent.parent)
    env.pop("LANG", None)
    return subprocess.run(
        [sys.executable, "-m", "kehu", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh_CN", "不是客户档案数据库"), ("en", "is not a kehu database")],
)
def test_the_cli_prints_its_error_in_the_language_of_lang(tmp_path, lang, expected):
    not_a_database = tmp_path / "notes.db"
    not_a_database.write_text("shopping list, not a database\n", encoding="utf-8")
    done = _cli("--lang", lang, "--db", str(not_a_database), "check")
    assert done.returncode == 2
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
    other = "is not a kehu database" if lang == "zh_CN" else "不是客户档案数据库"
    assert other not in done.stderr


def test_a_list_in_a_message_is_joined_the_way_each_language_writes_lists():
    from kehu.services.routes import AlreadyOnRouteError, Membership

    on = [Membership(i, f"客户{i}", 9, "A线") for i in range(1, 8)]
    error = AlreadyOnRouteError(on)
    assert error.message("zh_CN").startswith("以下客户已在其他路线上：客户1（A线）、客户2（A线）")
    assert error.message("zh_CN").endswith("等7个")
    assert error.message("en").startswith("Already on another route: 客户1 (A线), 客户2 (A线)")
    assert error.message("en").endswith("and others, 7 in all")


def test_the_weekdays_and_frequencies_of_a_route_in_each_language():
    from kehu.core import route_calendar

    assert route_calendar.weekday_name(2, "zh_CN") == "周二"
    assert route_calendar.weekday_name(2, "en") == "Tue"
    assert route_calendar.frequency_label("month3", "zh_CN") == "每月第3周"
    assert route_calendar.describe("weekly", "", "en") == "no visit day set"
