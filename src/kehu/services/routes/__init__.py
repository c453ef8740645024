"""Routes (客户路序): regions → routes → ordered stops.

A route belongs to a region (a category of the scheme with key "region"), has a salesperson,
a start point, visit weekdays and a frequency code (see `kehu.core.route_calendar`), and an
ordered list of stops. A customer is on at most one route (a unique index says so).

Every change to the stops is one short write transaction that reads the stops as they are
*now* and renumbers them densely: when another user edited the same route in between, their
additions are kept and their removals respected, so no stop is ever duplicated or lost.
Orders are given as customer ids, never as row numbers, for the same reason.
"""

from kehu.services.routes.definitions import (
    create_route,
    delete_route,
    due_routes,
    get_route,
    list_routes,
    move_route,
    rename_route,
    routes_for,
    salespeople,
    update_route,
)
from kehu.services.routes.records import (
    REGION_SCHEME,
    AlreadyOnRouteError,
    Membership,
    RouteError,
    RouteInfo,
    RouteProposal,
    StopRow,
)
from kehu.services.routes.regions import (
    add_region,
    delete_region,
    region_routes,
    region_scheme,
    regions,
)
from kehu.services.routes.stops import (
    add_stops,
    merge_order,
    move_stops,
    moved_before,
    propose,
    remove_stops,
    reorder,
    routes_of,
    stop_order,
    stops,
)

__all__ = [
    "REGION_SCHEME",
    "AlreadyOnRouteError",
    "Membership",
    "RouteError",
    "RouteInfo",
    "RouteProposal",
    "StopRow",
    "add_region",
    "delete_region",
    "region_routes",
    "add_stops",
    "create_route",
    "delete_route",
    "due_routes",
    "get_route",
    "list_routes",
    "merge_order",
    "move_route",
    "move_stops",
    "moved_before",
    "propose",
    "region_scheme",
    "regions",
    "remove_stops",
    "rename_route",
    "reorder",
    "routes_for",
    "routes_of",
    "salespeople",
    "stop_order",
    "stops",
    "update_route",
]
