"""Two OS processes save the same customer at the same moment: one wins, the other gets a
conflict carrying both values, and nothing is lost or overwritten."""

import json
import subprocess
import sys
import textwrap

from kehu.db.models import Customer, FieldChange
from kehu.services import dossiers

SCRIPT = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from kehu.services.workspace import open_workspace
    from kehu.services import dossiers

    path, cid, phone, barrier = sys.argv[1], int(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
    ws = open_workspace(path)
    base = dossiers.load(cid)
    (barrier / f"ready-{phone}").touch()
    while len(list(barrier.glob("ready-*"))) < 2:
        time.sleep(0.005)
    try:
        saved = dossiers.save(base, {"phone": phone}, ws.user)
        print(json.dumps({"won": True, "version": saved.version}))
    except dossiers.ConflictError as exc:
        field = next(c for c in exc.conflicts if c.field == "phone")
        print(json.dumps({"won": False, "base": field.base, "theirs": field.theirs,
                          "mine": field.mine}))
""")


def test_two_processes_one_wins_the_other_gets_the_conflict(workspace, user, db_path, tmp_path):
    cid = dossiers.create({"name": "上海浦东恒通商贸有限公司", "phone": "021-50001111"}, user)
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    phones = ["021-52223333", "021-54445555"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", SCRIPT, str(db_path), str(cid), phone, str(barrier)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for phone in phones
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    winners = [r for r, p in zip(results, phones, strict=True) if r["won"]]
    losers = [(r, p) for r, p in zip(results, phones, strict=True) if not r["won"]]
    assert len(winners) == 1 and len(losers) == 1
    loser, loser_phone = losers[0]
    winner_phone = next(p for p in phones if p != loser_phone)
    assert loser == {
        "won": False,
        "base": "021-50001111",
        "theirs": winner_phone,
        "mine": loser_phone,
    }
    stored = Customer.get_by_id(cid)
    assert stored.phone == winner_phone and stored.version == 2
    assert [(c.old_value, c.new_value) for c in FieldChange.select()] == [
        ("021-50001111", winner_phone)
    ]
