"""What `kehu check` (and the window's check) reports about an open database.

Besides SQLite's `integrity_check` and `foreign_key_check`: the schema objects against the
expected schema (a bulk load that died may have left indexes or triggers dropped), search keys
for every customer, category counts equal to the links, and import batches whose process died.
Each problem is a `Problem` with a message in plain words; those marked `repairable` are what
`kehu repair` rebuilds (`kehu.services.repair`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import Database
from peewee import DatabaseError as PeeweeDatabaseError

from kehu.core.fields import ARCHIVED
from kehu.core.i18n import N_, Message, note
from kehu.core.search_keys import SLOTS
from kehu.db import duplicate_index, interrupted, migrations, schema_check
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

# Problem codes (kept in `kehu check --json`).
DAMAGED, OLD_SCHEMA, MISSING = "damaged", "old_schema", "missing_object"
SEARCH_KEYS, NAME_INDEX, COUNTS = "search_keys", "name_index", "category_counts"
RUNNING_IMPORT, FOREIGN_KEYS = "dead_import", "foreign_keys"

_MISSING_TEXT = {
    "table": N_("The table '{name}' is missing: its data is gone. Restore the latest backup."),
    "index": N_(
        "The index '{name}' of the table '{table}' is missing (left out by an interrupted bulk "
        "load): searches and lists are slow."
    ),
    "trigger": N_(
        "The trigger '{name}' of the table '{table}' is missing (left out by an interrupted "
        "bulk load): the classification counts are no longer kept."
    ),
}


SERVER_NOTE = N_(
    "A server database: the server keeps its own files consistent (its write-ahead log, "
    "foreign keys checked at every statement; pg_amcheck on the server checks its files), so "
    "no integrity or foreign-key check and no index or trigger check runs here (DDL is rolled "
    "back with an interrupted load). kehu's own checks (search keys, counts, imports) ran."
)


@dataclass(frozen=True)
class Problem:
    code: str
    text: Message
    repairable: bool

    def message(self, lang: str) -> str:
        return self.text.message(lang)


@dataclass
class Health:
    journal_mode: str
    schema_version: int
    latest_schema_version: int
    integrity: str  # "ok" or the first problem
    foreign_key_problems: int
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)  # worth knowing, not wrong

    @property
    def healthy(self) -> bool:
        return not self.problems

    @property
    def repairable(self) -> bool:
        return any(p.repairable for p in self.problems)


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


def customers_without_keys(db: Database) -> list[int]:
    """Customers with no search key at all (every customer has at least its code's)."""
    sql = (
        'SELECT c.id FROM "customer" c WHERE NOT EXISTS (SELECT 1 FROM "search_key" k '
        f"WHERE k.id >= c.id * {SLOTS} AND k.id < c.id * {SLOTS} + {SLOTS}) ORDER BY c.id"
    )
    return [row[0] for row in db.execute_sql(sql).fetchall()]


def customers_without_sort_key(db: Database) -> list[int]:
    """Customers whose name has no pinyin sort key ('' until computed; its index finds them)."""
    sql = "SELECT id FROM \"customer\" WHERE name_sort = '' ORDER BY id"
    return [row[0] for row in db.execute_sql(sql).fetchall()]


def customers_without_name_text(db: Database) -> list[int]:
    """Customers with a name that the substring index (trigram) does not hold."""
    sql = dialect(db)
    query = (
        f"SELECT c.id FROM \"customer\" c WHERE c.name IS NOT NULL AND c.name != '' AND NOT "
        f'EXISTS (SELECT 1 FROM "{sql.TEXT_SCAN_TABLE}" t WHERE t."{sql.TEXT_SCAN_ID}" = c.id) '
        "ORDER BY c.id"
    )
    return [row[0] for row in db.execute_sql(query).fetchall()]


_TRUE_COUNTS = (
    "SELECT cc.category_id, COALESCE(c.owner_id, 0), c.status, COUNT(*) "
    'FROM "customer_category" cc JOIN "customer" c ON c.id = cc.customer_id GROUP BY 1, 2, 3'
)
_STORED_COUNTS = 'SELECT category_id, owner_id, status, n FROM "category_count" WHERE n != 0'


def count_mismatches(db: Database) -> int:
    """Rows of category_count that differ from the links (either way)."""
    one = f"SELECT COUNT(*) FROM ({_TRUE_COUNTS} EXCEPT {_STORED_COUNTS}) AS one"
    other = f"SELECT COUNT(*) FROM ({_STORED_COUNTS} EXCEPT {_TRUE_COUNTS}) AS other"
    return db.execute_sql(one).fetchone()[0] + db.execute_sql(other).fetchone()[0]


def quick_problems(db: Database) -> int:
    """What the window checks in the background after opening (cheap, no full read): missing
    indexes, triggers or tables and imports whose program died. Returns how many."""
    if migrations.schema_version(db) < migrations.latest_version():
        return 0
    return len(schema_check.missing_objects(db)) + len(interrupted.dead_batches())


def check(db: Database) -> Health:
    """A full check (reads the whole file): integrity, schema, keys, counts, batches."""
    sql = dialect(db)
    integrity = sql.integrity(db)
    foreign = sql.foreign_key_problems(db)
    found = Health(
        journal_mode=sql.journal_mode(db),
        schema_version=migrations.schema_version(db),
        latest_schema_version=migrations.latest_version(),
        integrity=integrity,
        foreign_key_problems=len(foreign),
        counts=row_counts(),
    )
    problems = found.problems
    if sql.name != "sqlite":
        found.notes.append(note(SERVER_NOTE))
    if integrity != "ok":
        problems.append(
            Problem(
                DAMAGED,
                note(
                    N_(
                        "The file is damaged (integrity check: {detail}). Stop working in it "
                        "and restore the latest good backup."
                    ),
                    detail=integrity,
                ),
                False,
            )
        )
    if foreign:
        tables = sorted({row[0] for row in foreign})
        problems.append(
            Problem(
                FOREIGN_KEYS,
                note(
                    N_("{count} rows point to rows that no longer exist (in: {tables})."),
                    count=len(foreign),
                    tables=", ".join(tables),
                ),
                False,
            )
        )
    if found.schema_version < found.latest_schema_version:
        problems.append(
            Problem(
                OLD_SCHEMA,
                note(
                    N_("The schema is version {version}: open it to upgrade."),
                    version=found.schema_version,
                ),
                False,
            )
        )
        return found
    missing = schema_check.missing_objects(db)
    for obj in missing:
        text = note(_MISSING_TEXT[obj.kind], name=obj.name, table=obj.table)
        problems.append(Problem(MISSING, text, obj.kind != "table"))
    present = {o.name for o in schema_check.expected_schema()} - {o.name for o in missing}
    _check_search(db, found, present)
    if "category_count" in present:
        wrong = count_mismatches(db)
        if wrong:
            problems.append(
                Problem(
                    COUNTS,
                    note(
                        N_(
                            "{count} classification counts differ from the customers' "
                            "categories: the trees show wrong numbers."
                        ),
                        count=wrong,
                    ),
                    True,
                )
            )
    _check_batches(found)
    not_computed = Customer.select().where(Customer.completeness.is_null()).count()
    if not_computed:  # an older file: filled in the background, or by `kehu repair`
        found.notes.append(
            note(
                N_(
                    "{count} customers have no completeness yet: the window computes it in "
                    "the background, `kehu repair` at once."
                ),
                count=not_computed,
            )
        )
    return found


def _check_search(db: Database, found: Health, present: set[str]) -> None:
    if "search_key" in present:
        without = customers_without_keys(db)
        if without:
            found.problems.append(
                Problem(
                    SEARCH_KEYS,
                    note(
                        N_(
                            "{count} of {total} customers have no search keys: searching their "
                            "name, pinyin, code or phone finds nothing."
                        ),
                        count=len(without),
                        total=found.counts["customers"],
                    ),
                    True,
                )
            )
    without_sort_key = customers_without_sort_key(db)
    if without_sort_key:
        found.problems.append(
            Problem(
                SEARCH_KEYS,
                note(
                    N_(
                        "{count} customers have no pinyin sort key: a list sorted by name "
                        "shows them first."
                    ),
                    count=len(without_sort_key),
                ),
                True,
            )
        )
    if duplicate_index.TABLE in present:
        without_duplicate_keys = duplicate_index.customers_without_keys(db)
        if without_duplicate_keys:
            found.problems.append(
                Problem(
                    SEARCH_KEYS,
                    note(
                        N_(
                            "{count} customers have no duplicate keys: the duplicate check "
                            "while typing and the duplicate scan miss them."
                        ),
                        count=len(without_duplicate_keys),
                    ),
                    True,
                )
            )
    if dialect(db).TEXT_SCAN_TABLE in present:
        try:
            without_text = customers_without_name_text(db)
        except PeeweeDatabaseError:
            without_text = []
        if without_text:
            found.problems.append(
                Problem(
                    NAME_INDEX,
                    note(
                        N_(
                            "{count} customers are missing from the name index: a search for "
                            "a part of their name misses them."
                        ),
                        count=len(without_text),
                    ),
                    True,
                )
            )


def _check_batches(found: Health) -> None:
    for batch in interrupted.dead_batches():
        found.problems.append(
            Problem(
                RUNNING_IMPORT,
                note(
                    N_(
                        'Import {batch} ({file}, started {started}) still says "running" but '
                        "its program has stopped: it was interrupted."
                    ),
                    batch=batch.id,
                    file=batch.filename,
                    started=batch.started_at,
                ),
                True,
            )
        )
    for batch in interrupted.interrupted_batches():
        found.notes.append(
            note(
                N_(
                    "Import {batch} ({file}) was interrupted: the rows of its finished parts are "
                    "kept; undo it as a whole with `kehu import --undo {batch}`."
                ),
                batch=batch.id,
                file=batch.filename,
            )
        )
