"""Route ordering: nearest neighbour + 2-opt against brute force, and invariants."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from kehu.core.route_order import (
    Stop,
    distance_matrix,
    haversine_km,
    improve,
    nearest_neighbour,
    path_length,
    propose_order,
    two_opt,
    usable_point,
)


def random_stops(rng: random.Random, n: int, first_key: int = 0) -> list[Stop]:
    return [
        Stop(first_key + i, 31.0 + rng.random() * 0.4, 121.2 + rng.random() * 0.5) for i in range(n)
    ]


def brute_force_km(start, stops: list[Stop]) -> float:
    points = [start] + [s.point for s in stops]
    dist = distance_matrix(points)
    return min(
        path_length([0, *perm], dist) for perm in itertools.permutations(range(1, len(points)))
    )


def test_haversine_known_distance():
    beijing, shanghai = (39.9042, 116.4074), (31.2304, 121.4737)
    assert haversine_km(beijing, shanghai) == pytest.approx(1067, rel=0.01)
    assert haversine_km(beijing, beijing) == 0


@pytest.mark.parametrize("seed", range(6))
def test_small_instances_are_within_five_percent_of_brute_force(seed):
    rng = random.Random(seed)
    for _ in range(25):
        n = rng.randint(3, 7)
        stops = random_stops(rng, n)
        start = (31.0 + rng.random() * 0.4, 121.2 + rng.random() * 0.5)
        proposal = propose_order(stops, start)
        optimum = brute_force_km(start, stops)
        assert proposal.after_km <= optimum * 1.05 + 1e-9
        assert sorted(proposal.order) == list(range(n))


def test_eight_stops_against_brute_force():
    rng = random.Random(99)
    stops = random_stops(rng, 8)
    start = (31.2, 121.4)
    assert propose_order(stops, start).after_km <= brute_force_km(start, stops) * 1.05


def test_two_opt_never_lengthens_a_tour():
    rng = random.Random(7)
    for _ in range(60):
        n = rng.randint(2, 40)
        points = [(rng.uniform(20, 45), rng.uniform(100, 125)) for _ in range(n)]
        dist = distance_matrix(points)
        seq = list(range(n))
        rng.shuffle(seq)
        before = path_length(seq, dist)
        after_two_opt = two_opt(seq, dist)
        assert path_length(after_two_opt, dist) <= before + 1e-9
        assert after_two_opt[0] == seq[0]
        assert sorted(after_two_opt) == sorted(seq)
        assert path_length(improve(seq, dist), dist) <= before + 1e-9


def test_two_opt_untangles_a_crossing():
    # A square visited corner to corner crosses itself; 2-opt walks around it instead.
    points = [(31.0, 121.0), (31.1, 121.1), (31.1, 121.0), (31.0, 121.1)]
    dist = distance_matrix(points)
    result = two_opt([0, 1, 2, 3], dist)
    assert path_length(result, dist) < path_length([0, 1, 2, 3], dist)


def test_proposal_never_longer_than_the_current_order():
    rng = random.Random(3)
    for _ in range(30):
        stops = random_stops(rng, rng.randint(1, 25))
        proposal = propose_order(stops, (31.2, 121.4))
        assert proposal.after_km <= proposal.before_km + 1e-9


def test_an_already_optimal_order_is_kept():
    stops = [Stop(i, 31.0 + i * 0.01, 121.0) for i in range(6)]
    proposal = propose_order(stops, (30.99, 121.0))
    assert proposal.order == [0, 1, 2, 3, 4, 5]
    assert not proposal.changed


def test_stops_without_coordinates_stay_in_place_and_are_named():
    stops = [
        Stop("far", 31.5, 121.5),
        Stop("no-coords", None, None),
        Stop("near", 31.01, 121.01),
        Stop("zero", 0.0, 0.0),
        Stop("middle", 31.2, 121.2),
    ]
    proposal = propose_order(stops, (31.0, 121.0))
    assert proposal.order == ["near", "no-coords", "middle", "zero", "far"]
    assert proposal.unplaced == ["no-coords", "zero"]
    assert proposal.after_km < proposal.before_km
    assert proposal.saving_km == pytest.approx(proposal.before_km - proposal.after_km)


def test_without_a_start_point_the_first_located_stop_stays_first():
    stops = [Stop("a", 31.3, 121.3), Stop("b", 31.0, 121.0), Stop("c", 31.31, 121.31)]
    proposal = propose_order(stops, None)
    assert proposal.order[0] == "a"
    assert proposal.order == ["a", "c", "b"]


def test_nothing_to_order():
    assert propose_order([], (31.0, 121.0)).order == []
    only_blank = propose_order([Stop(1), Stop(2)], (31.0, 121.0))
    assert only_blank.order == [1, 2]
    assert only_blank.unplaced == [1, 2]
    assert only_blank.after_km == 0


def test_usable_point_rejects_bad_values():
    assert usable_point(None, 121) is None
    assert usable_point(math.nan, 121) is None
    assert usable_point(91, 121) is None
    assert usable_point("31.2", "121.4") == (31.2, 121.4)


def test_two_hundred_stops_are_ordered_and_improved():
    rng = random.Random(11)
    stops = random_stops(rng, 200)
    proposal = propose_order(stops, (31.2, 121.4))
    assert sorted(proposal.order) == list(range(200))
    assert proposal.after_km < proposal.before_km / 3  # a random order is far from economical
    dist = distance_matrix([(31.2, 121.4)] + [s.point for s in stops])
    nn = nearest_neighbour(dist, 0)
    assert proposal.after_km <= path_length(nn, dist) + 1e-9
