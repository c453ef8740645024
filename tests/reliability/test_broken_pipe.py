"""`kehu … | head`: when the reader goes away the command ends quietly (issue 14, point 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[2] / "src")


def test_check_into_a_closed_pipe_prints_no_traceback(tmp_path):
    env = {**os.environ, "PYTHONPATH": SRC, "LANG": "C.UTF-8"}
    db = tmp_path / "kehu.db"
    subprocess.run([sys.executable, "-m", "kehu", "--db", str(db), "init"], env=env,
                   check=True, capture_output=True)  # fmt: skip
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the command writes a line, as `head` after 10
    process = subprocess.run(
        [sys.executable, "-m", "kehu", "--db", str(db), "check"],
        env=env,
        stdout=write,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    os.close(write)
    assert "Traceback" not in process.stderr
    assert "BrokenPipe" not in process.stderr
    assert process.returncode == 141
