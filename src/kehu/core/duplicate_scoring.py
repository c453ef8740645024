"""Candidate pairs and their scores, column-wise over many customers at once (numpy, rapidfuzz).

`KeyTable` holds the comparison keys of a set of customers (`kehu.core.duplicate_keys`) as
columns: names as Python strings, identifiers as 64-bit hashes (0 = none). `candidate_pairs`
blocks: customers whose name cores are equal (groups of at most `MAX_GROUP`), cores one edit
apart (they share a deletion key), and customers sharing a USCC, a phone (its last seven
digits) or an address. `score_pairs` scores every pair with one pass of vector operations, so a
million customers take seconds; the typing check scores its few candidates with the same code.

Score (0–100): the name similarity (rapidfuzz ratio of the cores; a short name matching the
other's core counts 85 %), plus evidence: the same USCC lifts it to 100; the same phone +15,
the same address +10; different USCCs (both filled: two legal entities) −50, different phones
−25, different addresses −25 (a namesake without them is a different company). A core
of four characters or fewer (华鑫五金) without a shared identifier scores at most 70.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from kehu.core.duplicate_keys import (
    address_key,
    blocking_keys,
    core_name,
    phone_key,
    phone_local,
    uscc_key,
)
from kehu.core.i18n import N_

DEFAULT_MIN_SCORE = 80
MAX_GROUP = 200  # customers with one name core beyond this are paired by identifiers only
MAX_SHARED = 20  # a phone or address shared by more customers (a market hall) pairs none
MAX_BLOCK = 40  # distinct cores under one deletion key beyond this are not compared
SHORT_NAME_WEIGHT = 0.85
SHORT_CORE = 4  # cores of this many characters or fewer are generic…
SHORT_ALONE_MAX = 70  # …and score at most this without a shared identifier

REASONS = {
    "same_name": N_("same name"),
    "similar_name": N_("similar name"),
    "short_name": N_("short name"),
    "uscc": N_("same USCC"),
    "phone": N_("same phone"),
    "address": N_("same address"),
}


USCC, PHONE, ADDRESS = 1, 2, 4  # bits of a row's mask: which identifiers it has


class KeyTable:
    """Comparison keys of customers, one column per key; `ids` are the customers' ids.

    Identifiers are kept as hashes in compact arrays (0: none); names already seen share
    their core (a million customers carry far fewer distinct names)."""

    def __init__(self) -> None:
        self.ids = array("q")
        self.cores: list[str] = []
        self.shorts: list[str] = []
        self.uscc = array("q")
        self.phone = array("q")
        self.local = array("q")
        self.short_phone = array("b")
        self.address = array("q")
        self._cores: dict[str, str] = {}

    def add(self, cid, name, short_name, uscc, phone, address) -> None:
        self.add_rows([(cid, name, short_name, uscc, phone, address)])

    def add_rows(self, rows) -> None:
        """Rows of (id, name, short name, USCC, phone, address)."""
        cores, seen = self.cores, self._cores
        for cid, name, short_name, uscc, phone, address in rows:
            self.ids.append(cid)
            core = seen.get(name) if name else ""
            if core is None:
                core = seen[name] = core_name(name)
            cores.append(core)
            short = seen.get(short_name) if short_name else ""
            if short is None:
                short = seen[short_name] = core_name(short_name)
            self.shorts.append(short)
            code = uscc_key(uscc)
            self.uscc.append(hash(code) if code else 0)
            digits = phone_key(phone)
            if digits:
                self.phone.append(hash(digits))
                self.local.append(hash(phone_local(digits)))
                self.short_phone.append(len(digits) <= 8)
            else:
                self.phone.append(0)
                self.local.append(0)
                self.short_phone.append(0)
            place = address_key(address)
            self.address.append(hash(place) if place else 0)

    def forget_names(self) -> None:
        """Drop the names kept to share cores (call when no more rows come)."""
        self._cores = {}

    def __len__(self) -> int:
        return len(self.ids)

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "uscc": np.frombuffer(self.uscc, dtype=np.int64),
            "phone": np.frombuffer(self.phone, dtype=np.int64),
            "local": np.frombuffer(self.local, dtype=np.int64),
            "short_phone": np.frombuffer(self.short_phone, dtype=np.int8).astype(bool),
            "address": np.frombuffer(self.address, dtype=np.int64),
        }


def _runs(keys: np.ndarray, members: np.ndarray, cap: int):
    """(sorted members, run starts, run lengths) of runs of 2…cap equal keys."""
    order = np.argsort(keys, kind="stable")
    keys, members = keys[order], members[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    lengths = np.diff(np.r_[starts, len(keys)])
    wanted = (lengths >= 2) & (lengths <= cap)
    return members, starts[wanted], lengths[wanted]


def _pairs_of_runs(keys: np.ndarray, members: np.ndarray, cap: int) -> np.ndarray:
    """Pairs (as a 2×n array, smaller first) of members sharing a key, for runs of 2…cap."""
    if len(keys) < 2:
        return np.empty((2, 0), dtype=np.int64)
    members, starts, lengths = _runs(keys, members, cap)
    out = [np.empty((2, 0), dtype=np.int64)]
    for size in np.unique(lengths).tolist():
        at = starts[lengths == size][:, None]
        i, j = np.triu_indices(size, 1)
        out.append(np.vstack((members[at + i].ravel(), members[at + j].ravel())))
    pairs = np.hstack(out).astype(np.int64)
    return np.vstack((pairs.min(axis=0), pairs.max(axis=0)))


@dataclass
class Evidence:
    """What the identifiers of pairs (row indexes a, b) say, column-wise."""

    uscc_same: np.ndarray
    uscc_conflict: np.ndarray
    phone_same: np.ndarray
    phone_conflict: np.ndarray
    address_same: np.ndarray
    address_conflict: np.ndarray

    @classmethod
    def of(cls, arrays: dict[str, np.ndarray], a: np.ndarray, b: np.ndarray) -> Evidence:
        def same_and_conflict(column: str) -> tuple[np.ndarray, np.ndarray]:
            va, vb = arrays[column][a], arrays[column][b]
            both = (va != 0) & (vb != 0)
            return both & (va == vb), both & (va != vb)

        uscc_same, uscc_conflict = same_and_conflict("uscc")
        local_same, local_conflict = same_and_conflict("local")
        full_same, _ = same_and_conflict("phone")
        either_short = arrays["short_phone"][a] | arrays["short_phone"][b]
        phone_same = local_same & (full_same | either_short)
        phone_conflict = local_conflict | (local_same & ~phone_same)
        address_same, address_conflict = same_and_conflict("address")
        return cls(
            uscc_same, uscc_conflict, phone_same, phone_conflict, address_same, address_conflict
        )

    def points(self) -> np.ndarray:
        return (
            15 * self.phone_same
            + 10 * self.address_same
            - 50 * self.uscc_conflict
            - 25 * self.phone_conflict
            - 25 * self.address_conflict
        )

    def best_possible(self) -> np.ndarray:
        """The highest score the pairs can reach whatever their names."""
        return np.where(self.uscc_same, 100, np.minimum(100 + self.points(), 100))

    @property
    def shared(self) -> np.ndarray:
        return self.uscc_same | self.phone_same | self.address_same


def _allowed(min_score: float) -> np.ndarray:
    """allowed[m, n]: can rows with identifier masks m and n that share no identifier still
    reach `min_score`? (Both filled and different: USCC −50, phone −25, address −25.)"""
    masks = np.arange(8)
    both = masks[:, None] & masks[None, :]
    penalty = 50 * ((both & USCC) > 0) + 25 * ((both & PHONE) > 0) + 25 * ((both & ADDRESS) > 0)
    return 100 - penalty >= max(min_score, 1)


def candidate_pairs(table: KeyTable, min_score: float = 1) -> tuple[np.ndarray, np.ndarray]:
    """(pairs, same_core): pairs of row indexes (2×n, each pair once) worth scoring, and
    whether their two cores are equal.

    Pairs sharing an identifier come from the identifier blocks. Pairs that share none can
    only reach `min_score` when few identifiers are filled on both sides (`_allowed`): rows
    with every identifier filled never pair by name alone with one another, so the name blocks
    start from the other rows ("probes") and look at their own core and the cores one edit
    away."""
    n = len(table)
    arrays = table.arrays()
    rows = np.arange(n, dtype=np.int64)
    found = [np.empty((2, 0), dtype=np.int64)]
    for column, cap in (("uscc", MAX_GROUP), ("local", MAX_SHARED), ("address", MAX_SHARED)):
        values = arrays[column]
        filled = values != 0
        shared = _pairs_of_runs(values[filled], rows[filled], cap)
        # Neighbours at one address with other USCCs (a building of companies) cannot reach
        # the threshold whatever their names: not worth comparing names.
        reachable = Evidence.of(arrays, shared[0], shared[1]).best_possible() >= min_score
        found.append(shared[:, reachable])
    core_ids: dict[str, int] = {}
    row_core = np.fromiter(
        (core_ids.setdefault(c, len(core_ids)) if c else -1 for c in table.cores),
        dtype=np.int64,
        count=n,
    )
    mask = (
        USCC * (arrays["uscc"] != 0)
        + PHONE * (arrays["local"] != 0)
        + ADDRESS * (arrays["address"] != 0)
    ).astype(np.int64)
    allowed = _allowed(min_score)
    # allowed[7, 7] is never true (min_score ≥ 1): every pair by name has a sparser row.
    probes = np.flatnonzero((row_core >= 0) & (mask != 7) & allowed.any(axis=1)[mask])
    if len(probes):
        found.append(_name_pairs(table, row_core, core_ids, mask, allowed, probes))
    pairs = np.hstack(found)
    pairs = pairs[:, pairs[0] != pairs[1]]
    codes = np.sort(pairs[0] * n + pairs[1])
    codes = codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes
    pairs = np.vstack((codes // n, codes % n))
    return pairs, row_core[pairs[0]] == row_core[pairs[1]]


def _name_pairs(table, row_core, core_ids, mask, allowed, probes) -> np.ndarray:
    order = np.argsort(row_core, kind="stable")
    sorted_core = row_core[order]
    count = len(core_ids)
    starts = np.searchsorted(sorted_core, np.arange(count), side="left")
    ends = np.searchsorted(sorted_core, np.arange(count), side="right")
    probe_cores = set(row_core[probes].tolist())
    del_keys, del_cores = array("q"), array("q")
    for core, index in core_ids.items():
        found = blocking_keys(core)
        del_keys.extend(map(hash, found))
        del_cores.extend([index] * len(found))
    keys = np.frombuffer(del_keys, dtype=np.int64)
    members = np.frombuffer(del_cores, dtype=np.int64)
    near: dict[int, set[int]] = {}
    if len(keys) > 1:
        members, run_starts, run_lengths = _runs(keys, members, MAX_BLOCK)
        for start, length in zip(run_starts.tolist(), run_lengths.tolist(), strict=True):
            group = members[start : start + length].tolist()
            hit = probe_cores.intersection(group)
            for core in hit:
                near.setdefault(core, set()).update(group)
    left, right = [], []
    for probe in probes.tolist():
        core = int(row_core[probe])
        ok = allowed[mask[probe]]
        for other in near.get(core, set()) | {core}:
            lo, hi = starts[other], ends[other]
            if hi - lo > MAX_GROUP:
                continue
            found = order[lo:hi]
            found = found[ok[mask[found]] & (found != probe)]
            if len(found):
                left.append(np.minimum(found, probe))
                right.append(np.maximum(found, probe))
    if not left:
        return np.empty((2, 0), dtype=np.int64)
    return np.vstack((np.concatenate(left), np.concatenate(right)))


@dataclass
class Scored:
    """Scored pairs (row indexes into the table), highest score first."""

    left: np.ndarray
    right: np.ndarray
    score: np.ndarray
    flags: dict[str, np.ndarray]

    def reasons(self, k: int) -> tuple[str, ...]:
        return tuple(name for name, column in self.flags.items() if column[k])


def _ratio(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    if not len(a):
        return np.zeros(0)
    return cpdist(a, b, scorer=fuzz.ratio, dtype=np.float32, workers=1).astype(np.float64)


SCORE_CHUNK = 200_000  # pairs scored at once: memory stays bounded however many there are


def score_pairs(
    table: KeyTable,
    pairs: np.ndarray,
    same_core: np.ndarray,
    min_score: float = 0,
) -> Scored:
    """Score the pairs, a chunk at a time; keep those scoring at least `min_score`, best
    first."""
    arrays = table.arrays()
    lengths = np.fromiter(map(len, table.cores), dtype=np.int64, count=len(table.cores))
    parts = [
        _score_chunk(
            table,
            arrays,
            lengths,
            pairs[:, start : start + SCORE_CHUNK],
            same_core[start : start + SCORE_CHUNK],
            min_score,
        )
        for start in range(0, max(pairs.shape[1], 1), SCORE_CHUNK)
    ]
    left = np.concatenate([p.left for p in parts])
    right = np.concatenate([p.right for p in parts])
    score = np.concatenate([p.score for p in parts])
    flags = {name: np.concatenate([p.flags[name] for p in parts]) for name in parts[0].flags}
    order = np.argsort(-score, kind="stable")
    return Scored(left[order], right[order], score[order], {k: v[order] for k, v in flags.items()})


def _score_chunk(table, arrays, lengths, pairs, same_core, min_score) -> Scored:
    a, b = pairs[0], pairs[1]
    evidence = Evidence.of(arrays, a, b)
    name = np.full(len(a), 100.0)
    short = np.zeros(len(a))
    # Names are compared where they differ and the pair could still reach the threshold.
    other = np.flatnonzero(~same_core & (evidence.best_possible() >= min_score))
    if len(other):
        cores, shorts = table.cores, table.shorts
        oa, ob = a[other].tolist(), b[other].tolist()
        name[other] = _ratio([cores[i] for i in oa], [cores[j] for j in ob])
        short_ab = _ratio([cores[i] for i in oa], [shorts[j] for j in ob])
        short_ba = _ratio([shorts[i] for i in oa], [cores[j] for j in ob])
        short[other] = np.maximum(short_ab, short_ba) * SHORT_NAME_WEIGHT
    best = np.maximum(name, short)
    uscc_same, phone_same, address_same = (
        evidence.uscc_same,
        evidence.phone_same,
        evidence.address_same,
    )
    score = best + evidence.points()
    score = np.where(uscc_same, np.maximum(score, 90) + 10, score)
    # A short name alone (华鑫五金) is shared by many companies: without a shared identifier
    # it makes a pair worth a look, not a likely duplicate.
    short_core = np.minimum(lengths[a], lengths[b]) <= SHORT_CORE
    alone = ~evidence.shared
    score = np.where(short_core & alone, np.minimum(score, SHORT_ALONE_MAX), score)
    score = np.clip(np.rint(score), 0, 100)
    keep = np.flatnonzero(score >= min_score)
    flags = {
        "same_name": (name >= 100)[keep],
        "similar_name": ((name >= 70) & (name < 100))[keep],
        "short_name": ((short > name) & (short >= 70 * SHORT_NAME_WEIGHT))[keep],
        "uscc": uscc_same[keep],
        "phone": phone_same[keep],
        "address": address_same[keep],
    }
    return Scored(a[keep], b[keep], score[keep].astype(np.int64), flags)


def score_against(table: KeyTable, min_score: float = 0) -> Scored:
    """Row 0 of the table (a record being typed) against every other row."""
    n = len(table)
    pairs = np.vstack((np.zeros(n - 1, dtype=np.int64), np.arange(1, n, dtype=np.int64)))
    same = np.array([table.cores[0] == c and bool(c) for c in table.cores[1:]], dtype=bool)
    return score_pairs(table, pairs, same, min_score)
