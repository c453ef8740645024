"""Route records and errors: what the route services return and raise."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from kehu.core import route_calendar
from kehu.core.i18n import N_, UserError, is_chinese, translate
from kehu.core.rights import Action
from kehu.core.route_order import Proposal, usable_point
from kehu.db.models import Route, RouteStop, User
from kehu.services import access

logger = logging.getLogger(__name__)


REGION_SCHEME = "region"
_EDITABLE = (
    "name",
    "region_id",
    "salesperson_id",
    "start_address",
    "start_latitude",
    "start_longitude",
    "weekdays",
    "frequency",
    "notes",
)


class RouteError(UserError):
    """A route change that cannot be made."""


@dataclass(frozen=True)
class Membership:
    """A customer's current route."""

    customer_id: int
    customer_name: str
    route_id: int
    route_name: str


class AlreadyOnRouteError(RouteError):
    """Some customers are on another route; nothing was written. Ask, then `move=True`."""

    SHOWN = 5  # customers named in the message

    def __init__(self, memberships: list[Membership]) -> None:
        self.memberships = memberships
        if len(memberships) > self.SHOWN:
            text = N_("Already on another route: {names} and others, {count} in all")
        else:
            text = N_("Already on another route: {names}")
        super().__init__(text, names=self._names("en"), count=len(memberships))

    def message(self, lang: str) -> str:
        return translate(self.text, lang, names=self._names(lang), count=len(self.memberships))

    def _names(self, lang: str) -> str:
        shown = self.memberships[: self.SHOWN]
        if is_chinese(lang):
            return "、".join(f"{m.customer_name}（{m.route_name}）" for m in shown)
        return ", ".join(f"{m.customer_name} ({m.route_name})" for m in shown)


@dataclass(frozen=True)
class RouteInfo:
    id: int
    name: str
    region_id: int | None
    region_name: str | None
    salesperson_id: int | None
    salesperson_name: str | None
    start_address: str | None
    start_latitude: float | None
    start_longitude: float | None
    weekdays: tuple[int, ...]
    frequency: str
    notes: str | None
    stop_count: int
    version: int

    def describe_calendar(self, lang: str) -> str:
        return route_calendar.describe(self.frequency, self.weekdays, lang)

    def is_due(self, day: dt.date) -> bool:
        return route_calendar.is_due(self.frequency, self.weekdays, day)


@dataclass(frozen=True)
class StopRow:
    number: int  # 1-based stop number
    customer_id: int
    code: str
    name: str
    address: str | None
    phone: str | None
    key_person: str | None
    last_visit: dt.date | None
    next_visit: dt.date | None
    latitude: float | None
    longitude: float | None
    status: str
    visible: bool = True

    @property
    def has_coordinates(self) -> bool:
        return usable_point(self.latitude, self.longitude) is not None


@dataclass(frozen=True)
class RouteProposal:
    route_id: int
    proposal: Proposal
    names: dict[int, str] = field(default_factory=dict)  # customer id → name

    @property
    def unplaced_names(self) -> list[str]:
        return [self.names.get(cid, str(cid)) for cid in self.proposal.unplaced]


# Readers the other modules share, inside their transactions.


def route_or_error(route_id: int) -> Route:
    route = Route.get_or_none(Route.id == route_id)
    if route is None:
        raise RouteError(
            N_("This route was deleted (perhaps by another user)."),
        )
    return route


def route_for(route_id: int, user: User) -> Route:
    """The route, when `user` may manage it (their own, their team's, or any: by the matrix);
    raises `RouteError` (deleted) or `rights.Refused`."""
    route = route_or_error(route_id)
    access.require(user, Action.MANAGE_ROUTES, route.salesperson_id, route=route.name)
    return route


def stop_ids(route_id: int) -> list[int]:
    """Customer ids of a route's stops, in stop order (read inside the transaction)."""
    query = (
        RouteStop.select(RouteStop.customer)
        .where(RouteStop.route == route_id)
        .order_by(RouteStop.position, RouteStop.id)
        .tuples()
    )
    return [cid for (cid,) in query]
