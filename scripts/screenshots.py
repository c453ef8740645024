#!/usr/bin/env python3
"""Screenshots of the main window, a dossier card and the Analysis view, from demo data.

`python scripts/screenshots.py [--out docs/screenshots] [--customers 2000] [--lang en]` writes
main_window.png, dossier_card.png, analysis_composition.png and analysis_abc.png (with
`--lang en`: the same names ending in _en; the icon files come from scripts/make_icons.py).
Runs offscreen; needs a CJK font (fonts-wqy-microhei on Linux).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args()
    suffix = "" if args.lang == "zh_CN" else f"_{args.lang}"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="kehu-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(work / "config")
    os.environ["KEHU_LOG_DIR"] = str(work / "log")

    from PySide6.QtTest import QTest

    from kehu.services import demo
    from kehu.services.workspace import open_workspace
    from kehu.ui import translations
    from kehu.ui.application import make_application, open_session_window

    app = make_application()
    translations.install(app, args.lang)
    workspace = open_workspace(work / "demo.db", lang=args.lang)
    demo.generate(customers=args.customers, user=workspace.user)
    window = open_session_window(workspace, workspace.user, args.lang)
    window.resize(1600, 900)
    window.show()
    while window.model.is_loading or window.categories._counting:
        QTest.qWait(50)
    window.search_box.setText("bj")
    window.search_box.flush()
    while window.model.is_loading:
        QTest.qWait(50)
    customer_id = window.model.id_at(0)
    window.list_view.select_id(customer_id)
    card = window.open_card(customer_id)
    card.tabs.setCurrentIndex(1)
    QTest.qWait(300)
    args.out.mkdir(parents=True, exist_ok=True)
    written = [f"main_window{suffix}.png", f"dossier_card{suffix}.png"]
    window.grab().save(str(args.out / written[0]))
    card.tabs.setCurrentIndex(0)
    window.splitter.setSizes([200, 360, 900])
    QTest.qWait(200)
    card.grab().save(str(args.out / written[1]))
    view = window.analysis_view
    window.views.setCurrentWidget(view)
    for kind in ("composition", "abc"):
        view.analysis_box.setCurrentIndex(view.analysis_box.findData(kind))
        while (
            view.report is None
            or view.report.analysis != kind
            or (view._complete != view._generation)
        ):
            QTest.qWait(50)
        QTest.qWait(300)
        written.append(f"analysis_{kind}{suffix}.png")
        window.grab().save(str(args.out / written[-1]))
    for name in written:
        print(args.out / name)
    window.close()
    workspace.database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
