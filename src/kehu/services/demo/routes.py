"""Visiting routes for the demo customers on a route, written through `kehu.db.bulk_load`."""

from __future__ import annotations

import random

from kehu.core import demo_vocabulary as vocab
from kehu.db import bulk_load

from .plan import Plan


def write_routes(members: list[tuple[int, int, int, float, float]], plan: Plan) -> tuple[int, int]:
    """Routes of up to 30 stops per salesperson and city, stops in a rough sweep order."""
    rng = random.Random(plan.seed)
    groups: dict[tuple[int, int], list[tuple]] = {}
    for member in members:
        groups.setdefault((member[1], member[2]), []).append(member)
    frequencies = ("weekly", "weekly", "weeks13", "weeks24", "month1", "month3")
    position = bulk_load.route_count()
    routes = stops_written = 0
    per_city: dict[int, int] = {}
    for (ci, owner), stops in sorted(groups.items()):
        city = vocab.CITIES[ci]
        stops.sort(key=lambda m: (round(m[3], 1), m[4]))
        for part in range(0, len(stops), 30):
            position += 1
            per_city[ci] = number = per_city.get(ci, 0) + 1
            route = {
                "region": plan.city_regions[ci],
                "name": f"{city[1]}{number}号线",
                "salesperson": owner,
                "start_address": f"{city[1]}市公司仓库",
                "start_latitude": city[5],
                "start_longitude": city[6],
                "weekdays": str(rng.randrange(1, 6)),
                "frequency": frequencies[position % 6],
                "position": position,
                "version": 1,
            }
            members_here = [m[0] for m in stops[part : part + 30]]
            bulk_load.insert_route(route, members_here)
            routes += 1
            stops_written += len(members_here)
    return routes, stops_written
