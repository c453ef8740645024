"""The layout checks at 150 % scaling (issue 14, point 7): `test_layouts_fit.py` again, in a
process of its own (the scale is read when Qt starts), on a 1920×1080 screen scaled by 1.5 —
1280×720 logical pixels, as a Windows laptop at 150 % has. Both languages, the Today dock,
the conflict and first-start dialogs, the card and the routes view."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent


def test_layouts_fit_at_150_percent(tmp_path):
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "FHD", "x": 0, "y": 0, "width": 1920, "height": 1080,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                ]
            }
        )
    )  # fmt: skip
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    env["QT_SCALE_FACTOR"] = "1.5"
    results = tmp_path / "results.xml"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
         f"--junitxml={results}", str(HERE / "test_layouts_fit.py")],
        env=env, cwd=HERE.parent.parent, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    suite = ElementTree.parse(results).getroot().find("testsuite")
    assert int(suite.get("tests")) >= 16
    assert suite.get("failures") == suite.get("errors") == suite.get("skipped") == "0"
