"""An economical visiting order for a route (客户路序): nearest neighbour + 2-opt + or-opt.

A round is an open path: it begins at the route's start point (or, without one, at the first
stop that has coordinates) and ends at the last stop. Distances are great-circle distances
(haversine) in kilometres. Stops without usable coordinates keep their place in the list and
are reported, so that the user can see which ones the proposal could not place.

Pure Python, no Qt, no database: 200 stops take well under a second.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

EARTH_RADIUS_KM = 6371.0088
_EPS = 1e-9
# Below this many stops the user's own order is improved too (cheap), and the better is kept.
_IMPROVE_CURRENT_UP_TO = 60

Point = tuple[float, float]  # (latitude, longitude) in degrees


@dataclass(frozen=True)
class Stop:
    key: Hashable  # the caller's identifier (a customer id)
    latitude: float | None = None
    longitude: float | None = None

    @property
    def point(self) -> Point | None:
        return usable_point(self.latitude, self.longitude)


@dataclass(frozen=True)
class Proposal:
    order: list[Hashable]  # every key, stops without coordinates in their old places
    before_km: float  # the current order, over the stops with coordinates
    after_km: float  # the proposed order
    unplaced: list[Hashable] = field(default_factory=list)  # keys of stops without coordinates

    @property
    def saving_km(self) -> float:
        return self.before_km - self.after_km

    @property
    def changed(self) -> bool:
        return self.after_km < self.before_km - _EPS


def usable_point(latitude: float | None, longitude: float | None) -> Point | None:
    """(lat, lon) when both are real coordinates; (0, 0) counts as missing (a blank import)."""
    if latitude is None or longitude is None:
        return None
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError):
        return None
    if math.isnan(lat) or math.isnan(lon) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    if lat == 0 and lon == 0:
        return None
    return (lat, lon)


def haversine_km(a: Point, b: Point) -> float:
    lat1, lon1 = math.radians(a[0]), math.radians(a[1])
    lat2, lon2 = math.radians(b[0]), math.radians(b[1])
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_matrix(points: Sequence[Point]) -> list[list[float]]:
    n = len(points)
    matrix = [[0.0] * n for _ in range(n)]
    for i in range(n):
        row = matrix[i]
        for j in range(i + 1, n):
            row[j] = matrix[j][i] = haversine_km(points[i], points[j])
    return matrix


def path_length(seq: Sequence[int], dist: Sequence[Sequence[float]]) -> float:
    """Length of the open path visiting `seq` in order."""
    return sum(dist[seq[k]][seq[k + 1]] for k in range(len(seq) - 1))


def nearest_neighbour(dist: Sequence[Sequence[float]], first: int = 0) -> list[int]:
    """Greedy path from node `first`: always go to the closest node not yet visited."""
    n = len(dist)
    unvisited = set(range(n)) - {first}
    seq = [first]
    while unvisited:
        row = dist[seq[-1]]
        nearest = min(unvisited, key=lambda j: (row[j], j))
        unvisited.remove(nearest)
        seq.append(nearest)
    return seq


def two_opt(seq: Sequence[int], dist: Sequence[Sequence[float]]) -> list[int]:
    """Reverse segments while that shortens the open path; the first node never moves.

    Only strictly improving moves are applied, so the result is never longer than `seq`.
    """
    path = list(seq)
    n = len(path)
    improved = True
    while improved:
        improved = False
        for i in range(1, n - 1):
            a, b = path[i - 1], path[i]
            row_a, row_b = dist[a], dist[b]
            ab = row_a[b]
            for j in range(i + 1, n):
                c = path[j]
                if j + 1 < n:
                    d = path[j + 1]
                    delta = row_a[c] + row_b[d] - ab - dist[c][d]
                else:
                    delta = row_a[c] - ab
                if delta < -_EPS:
                    path[i : j + 1] = path[i : j + 1][::-1]
                    improved = True
                    b = path[i]
                    row_b = dist[b]
                    ab = row_a[b]
    return path


_NEIGHBOURS = 12  # or-opt only tries to put a run next to one of its nearest stops


def neighbour_lists(dist: Sequence[Sequence[float]], k: int = _NEIGHBOURS) -> list[list[int]]:
    n = len(dist)
    return [sorted((j for j in range(n) if j != i), key=dist[i].__getitem__)[:k] for i in range(n)]


def or_opt(seq: Sequence[int], dist: Sequence[Sequence[float]], max_segment: int = 3) -> list[int]:
    """Move runs of 1–3 stops (possibly reversed) next to a near stop while that shortens
    the path; the first node never moves."""
    path = list(seq)
    near = neighbour_lists(dist)
    improved = True
    while improved:
        improved = False
        for length in range(1, max_segment + 1):
            if _or_opt_pass(path, dist, length, near):
                improved = True
    return path


def _or_opt_pass(
    path: list[int], dist: Sequence[Sequence[float]], length: int, near: list[list[int]]
) -> bool:
    n = len(path)
    changed = False
    position = {node: index for index, node in enumerate(path)}
    i = 1
    while i + length <= n:
        move = _best_insertion(path, dist, i, length, near, position)
        if move is not None:
            k, reverse = move
            segment = path[i : i + length]
            rest = path[:i] + path[i + length :]
            if reverse:
                segment.reverse()
            at = k + 1 if k < i else k + 1 - length
            path[:] = rest[:at] + segment + rest[at:]
            position = {node: index for index, node in enumerate(path)}
            changed = True
        i += 1
    return changed


def _best_insertion(
    path: list[int],
    dist: Sequence[Sequence[float]],
    i: int,
    length: int,
    near: list[list[int]],
    position: dict[int, int],
) -> tuple[int, bool] | None:
    """Where to put path[i:i+length] instead (after index k), if that gains anything."""
    n = len(path)
    s0, s1 = path[i], path[i + length - 1]
    prev = path[i - 1]
    nxt = path[i + length] if i + length < n else None
    gain = dist[prev][s0] + (dist[s1][nxt] - dist[prev][nxt] if nxt is not None else 0.0)
    candidates = set()
    for node in (*near[s0], *near[s1]):
        k = position[node]
        candidates.add(k)  # after the near stop
        candidates.add(k - 1)  # before it
    best, best_delta = None, -_EPS
    for k in sorted(candidates):
        if k < 0 or i - 1 <= k < i + length:
            continue  # before the start, inside the segment or where it already is
        x = path[k]
        y = path[k + 1] if k + 1 < n else None
        base = dist[x][y] if y is not None else 0.0
        forward = dist[x][s0] + (dist[s1][y] if y is not None else 0.0) - base
        backward = dist[x][s1] + (dist[s0][y] if y is not None else 0.0) - base
        for cost, reverse in ((forward, False), (backward, True)):
            delta = cost - gain
            if delta < best_delta:
                best, best_delta = (k, reverse), delta
    return best


def improve(seq: Sequence[int], dist: Sequence[Sequence[float]]) -> list[int]:
    """2-opt and or-opt until neither finds a shorter path; never longer than `seq`."""
    path = list(seq)
    length = path_length(path, dist)
    while True:
        path = or_opt(two_opt(path, dist), dist)
        new_length = path_length(path, dist)
        if new_length >= length - _EPS:
            return path
        length = new_length


def economical_path(dist: Sequence[Sequence[float]], current: Sequence[int]) -> list[int]:
    """The best path found from node current[0]: nearest neighbour improved, or `current`
    improved when the route is small; never longer than `current`."""
    candidates = [improve(nearest_neighbour(dist, current[0]), dist)]
    if len(current) <= _IMPROVE_CURRENT_UP_TO:
        candidates.append(improve(current, dist))
    candidates.append(list(current))
    return min(candidates, key=lambda s: path_length(s, dist))


def propose_order(stops: Sequence[Stop], start: Point | None = None) -> Proposal:
    """Propose an economical order for `stops` (given in their current order)."""
    start = usable_point(*start) if start else None
    placed = [(index, stop) for index, stop in enumerate(stops) if stop.point is not None]
    unplaced = [stop.key for stop in stops if stop.point is None]
    keys = [stop.key for stop in stops]
    if not placed:
        return Proposal(keys, 0.0, 0.0, unplaced)
    points = ([start] if start else []) + [stop.point for _, stop in placed]
    dist = distance_matrix(points)
    current = list(range(len(points)))
    best = economical_path(dist, current)
    offset = 1 if start else 0
    ordered = [placed[node - offset][1].key for node in best[offset:]]
    order = list(keys)
    for (index, _stop), key in zip(placed, ordered, strict=True):
        order[index] = key
    return Proposal(order, path_length(current, dist), path_length(best, dist), unplaced)
