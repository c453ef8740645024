"""Printed client cards: the text of every part is in the PDF, the CJK font is embedded, long
texts flow onto more pages without losing a character, batches number pages per card."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kehu.core.digest import AUDIT_KEY, file_sha256
from kehu.core.fields import DOSSIER_PARTS, fields_in
from kehu.core.sensitivity import RevealRefused
from kehu.db import print_data
from kehu.db.models import AuditEntry, Category, Scheme
from kehu.exchange import pdf_export
from kehu.services import auth, classification, dossiers, exports, visits
from kehu.services.selection import Selection, resolve

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

LONG_SENTENCE = "该客户在华东地区拥有三家门店，主营日用百货与食品批发，正在拓展社区团购渠道。"
ID_NUMBER = "310115196809121234"


def pdf_text(path: Path, *pages: int, layout: bool = False) -> str:
    args = ["pdftotext", "-nodiag"] + (["-layout"] if layout else [])
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True).stdout


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info)[1])


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def full_values(index: int = 0) -> dict:
    return dossiers.parse_values(
        {
            "name": f"上海浦东华联商贸有限公司{index}",
            "short_name": "华联商贸",
            "address": "上海市浦东新区世纪大道1000号华联大厦12楼",
            "postal_code": "200120",
            "phone": "021-58881234",
            "email": "info@hualian.example.cn",
            "founded_on": "2003-05-18",
            "org_form": "llc",
            "industry": "日用百货批发",
            "registered_capital": "5000000",
            "employees": "86",
            "annual_sales": "36500000",
            "potential": "社区团购增长快",
            "staff_quality": "业务员经验丰富",
            "problems": "账期偏长",
            "credit_status": "AA",
            "credit_limit": "300000",
            "trade_terms": "月结30天",
        }
    )


PERSON = {
    "role": "owner",
    "name": "王建国",
    "title": "董事长",
    "mobile": "13801234567",
    "hobbies": "钓鱼",
    "id_number": ID_NUMBER,
    "notes": "每年中秋前拜访",
}


@pytest.fixture
def cards(workspace, user):
    """Three full dossiers, graded A, in a region, with visits."""
    ids = [dossiers.create(full_values(i), user, persons=[dict(PERSON)]) for i in range(3)]
    grade = Scheme.get(Scheme.key == "grade")
    main = Category.get(Category.scheme == grade, Category.position == 0)
    classification.assign(ids, main.id, user)
    for cid in ids:
        visits.record_visit(
            cid,
            user,
            visit_date="2026-11-20",
            content="例行拜访，新品试销反馈良好",
            next_step="申请促销",
        )
    return ids


def export(kind, ids, path, user, **options) -> Path:
    return exports.export("pdf", kind, ids, path, user, {"selection": "test", **options})


def test_card_shows_header_parts_persons_and_visits(cards, user, tmp_path):
    out = export("card", cards[:1], tmp_path / "card.pdf", user)
    text = pdf_text(out)
    flat = squash(text)
    assert "上海浦东华联商贸有限公司0" in text
    assert "KH000001" in text
    assert "主力客户" in text  # the grade
    for label in ("基础资料", "客户特征", "业务状况", "交易活动现状", "关键人物", "最近访问"):
        assert label in flat
    for part in DOSSIER_PARTS:  # every field of the four parts is labelled
        for f in fields_in(part):
            assert squash(f.label("zh_CN")) in flat, f.name
    for value in ("日用百货批发", "5,000,000.00", "AA信用优良", "月结30天", "账期偏长"):
        assert value in flat
    assert "王建国" in text and "13801234567" in text
    assert "例行拜访，新品试销反馈良好" in flat and "2026-11-20" in text
    assert f"打印人：{user.display_name}" in text and "第1/1页" in flat


def test_sensitive_fields_are_masked_unless_an_admin_reveals_them(cards, user, tmp_path):
    masked = squash(pdf_text(export("card", cards[:1], tmp_path / "m.pdf", user)))
    assert ID_NUMBER not in masked and "310***********1234" in masked
    assert "钓鱼" not in masked and "嗜好：（已隐藏）" in masked
    assert user.role == "admin"
    shown = squash(pdf_text(export("card", cards[:1], tmp_path / "r.pdf", user, reveal="1")))
    assert ID_NUMBER in shown and "钓鱼" in shown
    clerk = auth.create_user(
        "clerk", "Clerk", role="salesperson", password="password-123", own_password="admin-pass"
    )
    with pytest.raises(RevealRefused):
        export("card", [], tmp_path / "x.pdf", clerk, reveal="1")


def test_the_font_is_embedded_and_chinese_and_latin_render(cards, user, tmp_path):
    out = export("card", cards[:1], tmp_path / "card.pdf", user)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows, fonts
    for row in rows:  # name type encoding emb sub uni ...
        assert row[-5:-2] == ["yes", "yes", "yes"], fonts  # embedded, subset, unicode map
    assert "Helvetica" not in fonts
    assert "info@hualian.example.cn" in pdf_text(out)


def test_long_texts_continue_on_more_pages_and_lose_nothing(workspace, user, tmp_path):
    numbered = "".join(f"第{i:03d}句：{LONG_SENTENCE}" for i in range(160))
    values = full_values()
    values["sales_record_notes"] = numbered
    values["countermeasures"] = "Latin words wrap too: " + "customer-relationship " * 120
    cid = dossiers.create(values, user, persons=[dict(PERSON)])
    short = export("card", [dossiers.create(full_values(1), user)], tmp_path / "s.pdf", user)
    out = export("card", [cid], tmp_path / "long.pdf", user)
    pages = page_count(out)
    assert pages > page_count(short)
    flat = squash(pdf_text(out))
    for i in range(160):  # every sentence survives the page breaks, in order
        assert f"{i:03d}句：{LONG_SENTENCE}" in flat or f"{i:03d}句" in flat, i
    assert flat.count(LONG_SENTENCE[:12]) >= 160 - 8  # a few cut by a footer at a page end
    assert flat.index("000句") < flat.index("159句")
    assert flat.count("customer-relationship") == 120
    assert f"第{pages}/{pages}页" in flat
    assert "（续）" in pdf_text(out, 2)  # the running header names the card


def test_batch_one_card_per_page_with_page_numbers_per_card(cards, user, tmp_path):
    out = export("card", cards, tmp_path / "batch.pdf", user)
    assert page_count(out) == 3
    for page in (1, 2, 3):
        text = pdf_text(out, page)
        assert f"上海浦东华联商贸有限公司{page - 1}" in text
        assert "第 1/1 页" in text


def test_a5_cards_and_a_category_batch(cards, user, tmp_path):
    other = dossiers.create({"name": "不在主力分类的客户"}, user)
    grade = Scheme.get(Scheme.key == "grade")
    main = Category.get(Category.scheme == grade, Category.position == 0)
    ids = resolve(Selection(category=str(main.id)), user)
    assert sorted(ids) == sorted(cards) and other not in ids
    out = export("card", ids, tmp_path / "a5.pdf", user, size="A5")
    box = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "419.528 x 595.276" in box  # A5 in points
    assert page_count(out) >= 3
    text = pdf_text(out)
    assert "上海浦东华联商贸有限公司2" in text and "不在主力分类的客户" not in text
    with pytest.raises(pdf_export.OptionError):
        export("card", cards, tmp_path / "b.pdf", user, size="A3")


def test_watermark_and_english_labels(cards, user, tmp_path):
    out = export("card", cards[:1], tmp_path / "wm.pdf", user, watermark="1", lang="en")
    text = pdf_text(out)  # -nodiag: the page text reads as without a watermark
    assert "Basic information" in text and "Key person" in text and "Page 1/" in text
    raw = subprocess.run(["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True)
    stamp = f"{user.display_name} {dt.date.today().isoformat()}"
    assert raw.stdout.count(stamp) >= 6  # user and date repeated across the page
    plain = export("card", cards[:1], tmp_path / "plain.pdf", user, lang="en")
    assert (
        stamp
        not in subprocess.run(
            ["pdftotext", "-raw", str(plain), "-"], capture_output=True, text=True
        ).stdout
    )


def test_export_is_audited_with_rows_and_file_hash(cards, user, tmp_path):
    out = export("card", cards, tmp_path / "a.pdf", user)
    entry = AuditEntry.select().where(AuditEntry.action == "export").order_by(AuditEntry.id.desc())
    details = json.loads(entry.get().details)
    assert details["rows"] == 3 and details["kind"] == "card" and details["format"] == "pdf"
    assert details[AUDIT_KEY] == file_sha256(out)
    assert not list(tmp_path.glob("*.part"))


def test_a_page_renders_to_png(cards, user, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm missing")
    out = export("card", cards[:1], tmp_path / "card.pdf", user)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
        check=True,
    )
    png = next(tmp_path.glob("page*.png"))
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert abs(width - 496) <= 1 and abs(height - 702) <= 1  # A4 at 60 dpi
    assert len(data) > 20_000  # a page with content, not a blank sheet


def test_bulk_dossier_reader_matches_one_by_one_loading(cards, user):
    from dataclasses import asdict

    from kehu.db.print_data import load_dossiers

    ids = [*cards, dossiers.create({"name": "无联系人商行"}, user)]
    loaded = load_dossiers(list(reversed(ids)), user)
    one_by_one = {cid: dossiers.load(cid, viewer=user) for cid in ids}
    assert {cid: asdict(d) for cid, d in loaded.items()} == {
        cid: asdict(d) for cid, d in one_by_one.items()
    }
    assert loaded[cards[0]].persons and loaded[ids[-1]].persons == []
    clerk = auth.create_user(
        "clerk2", "Clerk", role="salesperson", password="password-123", own_password="admin-pass"
    )
    with pytest.raises(print_data.RecordHidden):
        load_dossiers(cards, clerk)
    with pytest.raises(print_data.RecordMissing):
        load_dossiers([999_999], user)
