"""What `kehu check` reports about an open database: integrity, schema version, row counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import Database

from kehu.core.fields import ARCHIVED
from kehu.db import migrations
from kehu.db.dialect import dialect
from kehu.db.models import (
    AuditEntry,
    Category,
    Customer,
    KeyPerson,
    Route,
    RouteStop,
    SaleLine,
    Scheme,
    User,
    Visit,
)


@dataclass
class Health:
    journal_mode: str
    schema_version: int
    latest_schema_version: int
    integrity: str  # "ok" or the first problem
    foreign_key_problems: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        return self.integrity == "ok" and not self.foreign_key_problems


def row_counts() -> dict[str, int]:
    """Rows of the main tables, by a name a user understands."""
    return {
        "customers": Customer.select().count(),
        "archived": Customer.select().where(Customer.status == ARCHIVED).count(),
        "key_persons": KeyPerson.select().count(),
        "schemes": Scheme.select().count(),
        "categories": Category.select().count(),
        "routes": Route.select().count(),
        "route_stops": RouteStop.select().count(),
        "visits": Visit.select().count(),
        "sale_lines": SaleLine.select().count(),
        "users": User.select().count(),
        "audit_entries": AuditEntry.select().count(),
    }


def check(db: Database) -> Health:
    """A full integrity and foreign-key check (reads the whole file) and the row counts."""
    sql = dialect(db)
    return Health(
        journal_mode=sql.journal_mode(db),
        schema_version=migrations.schema_version(db),
        latest_schema_version=migrations.latest_version(),
        integrity=sql.integrity(db),
        foreign_key_problems=len(sql.foreign_key_problems(db)),
        counts=row_counts(),
    )
