"""Candidate pairs and their scores, column-wise over many customers at once (numpy, rapidfuzz).

`KeyTable` holds the comparison keys of a set of customers as the database stores them
(`kehu.core.duplicate_keys.StoredKeys`) as columns: cores as Python strings, identifiers as
stable 64-bit hashes (0 = none). `candidate_pairs` blocks: customers whose name cores are equal
(groups of at most `MAX_GROUP`), cores one edit apart (they share a deletion key; the keys are
hashed column-wise, never built as text), and customers sharing a USCC, a phone (its last
seven digits) or an address. `score_pairs` scores every pair with one pass of vector
operations, so a million customers take seconds; the typing check scores its few candidates
with the same code.

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

from kehu.core.duplicate_keys import stored_keys
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

    Rows come as the database stores them (`add_stored`: id and `StoredKeys`), or are
    computed from a record being typed (`add`). Identifiers are stable 64-bit hashes (0: none)
    in compact arrays."""

    def __init__(self) -> None:
        self.ids = array("q")
        self.cores: list[str] = []
        self.shorts: list[str] = []
        self.core_hash = array("q")
        self.uscc = array("q")
        self.phone = array("q")
        self.local = array("q")
        self.short_phone = array("b")
        self.address = array("q")

    def add(self, cid, name, short_name, uscc, phone, address) -> None:
        self.add_stored([(cid, *stored_keys(name, short_name, uscc, phone, address))])

    def add_stored(self, rows: Sequence[tuple]) -> None:
        """Rows of (id, *StoredKeys), as `kehu.db.duplicates` reads them."""
        if not rows:
            return
        ids, cores, shorts, core_hash, uscc, phone, local, short_phone, address = zip(
            *rows, strict=True
        )
        self.ids.extend(ids)
        self.cores.extend(cores)
        self.shorts.extend([short or "" for short in shorts])
        self.core_hash.extend(core_hash)
        self.uscc.extend(uscc)
        self.phone.extend(phone)
        self.local.extend(local)
        self.short_phone.extend(short_phone)
        self.address.extend(address)

    def __len__(self) -> int:
        return len(self.ids)

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "core_hash": np.frombuffer(self.core_hash, dtype=np.int64),
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
    pair only the other rows, with rows of their own core and of the cores one edit away."""
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
    row_core, first_rows = _core_ids(arrays["core_hash"])
    mask = (
        USCC * (arrays["uscc"] != 0)
        + PHONE * (arrays["local"] != 0)
        + ADDRESS * (arrays["address"] != 0)
    ).astype(np.int64)
    found.append(_name_pairs(table, row_core, first_rows, mask, _allowed(min_score)))
    pairs = np.hstack(found)
    pairs = pairs[:, pairs[0] != pairs[1]]
    codes = np.sort(pairs[0] * n + pairs[1])
    codes = codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes
    pairs = np.vstack((codes // n, codes % n))
    return pairs, row_core[pairs[0]] == row_core[pairs[1]]


def _core_ids(core_hash: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row → number of its core, −1 for none; the first row of each core)."""
    row_core = np.full(len(core_hash), -1, dtype=np.int64)
    has = np.flatnonzero(core_hash != 0)
    _unique, first, inverse = np.unique(core_hash[has], return_index=True, return_inverse=True)
    row_core[has] = inverse.ravel()
    return row_core, has[first]


def _name_pairs(table, row_core, first_rows, mask, allowed) -> np.ndarray:
    """Pairs of rows whose cores are equal (groups of at most `MAX_GROUP`) or one edit apart
    (sharing a deletion key with at most `MAX_BLOCK` cores; the smaller group at most
    `MAX_GROUP`), that can still reach the threshold by name (`allowed` by their masks).

    Group sizes count every row of a core; only rows that can pair with some other row by
    name (`allowed.any` for their mask: not every identifier filled) are paired."""
    count = len(first_rows)
    sizes = np.bincount(row_core[row_core >= 0], minlength=count)
    rows = np.flatnonzero((row_core >= 0) & allowed.any(axis=1)[mask])
    order = rows[np.argsort(row_core[rows], kind="stable")]
    sorted_core = row_core[order]
    starts = np.searchsorted(sorted_core, np.arange(count), side="left")
    present = np.searchsorted(sorted_core, np.arange(count), side="right") - starts
    in_small = order[sizes[sorted_core] <= MAX_GROUP]
    found = [_allowed_only(_pairs_of_runs(row_core[in_small], in_small, MAX_GROUP), mask, allowed)]
    cores = table.cores
    c1, c2 = _near_cores([cores[i] for i in first_rows.tolist()])
    wanted = (np.minimum(sizes[c1], sizes[c2]) <= MAX_GROUP) & (present[c1] > 0) & (present[c2] > 0)
    c1, c2 = c1[wanted], c2[wanted]
    total = np.cumsum(present[c1] * present[c2])
    if len(total):  # a chunk of core pairs at a time: memory stays bounded
        cuts = np.searchsorted(total, np.arange(1, int(total[-1]) // CROSS_CHUNK + 1) * CROSS_CHUNK)
        edges = np.unique(np.r_[0, cuts, len(c1)])
        for lo, hi in zip(edges[:-1].tolist(), edges[1:].tolist(), strict=True):
            cross = _cross(order, starts, present, c1[lo:hi], c2[lo:hi])
            found.append(_allowed_only(cross, mask, allowed))
    return np.hstack(found)


CROSS_CHUNK = 1_000_000  # row pairs of near cores expanded at once


def _allowed_only(pairs: np.ndarray, mask: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    a, b = pairs[0], pairs[1]
    return pairs[:, allowed[mask[a], mask[b]] & (a != b)]


def _cross(order, starts, sizes, c1, c2) -> np.ndarray:
    """Every row of core c1[k] with every row of core c2[k], for all k (2×n, smaller first)."""
    s1, s2 = sizes[c1], sizes[c2]
    per = s1 * s2
    k = np.repeat(np.arange(len(c1)), per)
    t = np.arange(int(per.sum())) - np.repeat(np.cumsum(per) - per, per)
    a = order[starts[c1][k] + t // s2[k]]
    b = order[starts[c2][k] + t % s2[k]]
    return np.vstack((np.minimum(a, b), np.maximum(a, b)))


_BASE = 0x100000001B3  # multiplier of the polynomial hash of deletion keys (odd, 64-bit)
_BITS64 = (1 << 64) - 1


def _near_cores(cores: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(c1, c2): numbers of distinct cores (c1 < c2) that share one of their `blocking_keys` —
    the core itself and, for cores of 3+ characters, the core with one character deleted —
    under a key shared by at most `MAX_BLOCK` cores.

    Column-wise over the cores of each length: prefix and suffix hashes give every deletion
    without building its text. Each key is one 64-bit word, its hash in the high bits and the
    core's number in the low bits, so that one in-place sort groups them (a million cores
    make some ten million keys)."""
    count = len(cores)
    bits = np.uint64(max(1, (count - 1).bit_length()))
    low = np.uint64((1 << int(bits)) - 1)
    lengths = np.fromiter(map(len, cores), dtype=np.int64, count=count)
    parts = [np.empty(0, dtype=np.uint64)]
    base = np.uint64(_BASE)
    for size in np.unique(lengths).tolist():
        if size == 0:
            continue
        which = np.flatnonzero(lengths == size)
        number = which.astype(np.uint64)
        text = np.array([cores[i] for i in which.tolist()], dtype=f"<U{size}")
        chars = text.view(np.uint32).reshape(len(which), size).astype(np.uint64)
        prefix = np.zeros((len(which), size + 1), dtype=np.uint64)
        for at in range(size):
            prefix[:, at + 1] = prefix[:, at] * base + chars[:, at]
        parts.append((_mix(prefix[:, size], size) & ~low) | number)
        if size < 3:
            continue
        suffix = np.zeros((len(which), size + 1), dtype=np.uint64)
        for at in range(size - 1, -1, -1):
            suffix[:, at] = chars[:, at] * _power(size - 1 - at) + suffix[:, at + 1]
        for at in range(size):
            deleted = prefix[:, at] * _power(size - 1 - at) + suffix[:, at + 1]
            parts.append((_mix(deleted, size - 1) & ~low) | number)
    packed = np.concatenate(parts)
    del parts
    packed.sort()
    high = packed >> bits
    starts = np.flatnonzero(np.r_[True, high[1:] != high[:-1]])
    del high
    lengths = np.diff(np.r_[starts, len(packed)])
    wanted = (lengths >= 2) & (lengths <= MAX_BLOCK)
    starts, lengths = starts[wanted], lengths[wanted]
    found = [np.empty((2, 0), dtype=np.int64)]
    for size in np.unique(lengths).tolist():
        at = starts[lengths == size][:, None]
        i, j = np.triu_indices(size, 1)
        one = (packed[at + i].ravel() & low).astype(np.int64)
        other = (packed[at + j].ravel() & low).astype(np.int64)
        found.append(np.vstack((np.minimum(one, other), np.maximum(one, other))))
    pairs = np.hstack(found)
    pairs = pairs[:, pairs[0] != pairs[1]]
    codes = np.unique(pairs[0] * count + pairs[1])
    return codes // count, codes % count


def _power(exponent: int) -> np.uint64:
    return np.uint64(pow(_BASE, exponent, 1 << 64))


def _mix(hashes: np.ndarray, length: int) -> np.ndarray:
    """The polynomial hash with the key's length folded in, its bits spread (splitmix64's
    finaliser) so that the high bits alone tell keys apart."""
    z = hashes ^ np.uint64((length * 0x9E3779B97F4A7C15) & _BITS64)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


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
