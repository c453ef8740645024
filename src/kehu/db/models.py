"""peewee models of the whole domain (DESIGN §1).

The customer and key-person tables take their editable columns from the field catalogue in
`kehu.core.fields`; nothing here repeats a field list. Money columns hold integer cents.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    SQL,
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    CompositeKey,
    DatabaseProxy,
    DateField,
    DateTimeField,
    DecimalField,
    Field,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelIndex,
    TextField,
)

from kehu.core import fields
from kehu.core.fields import CUSTOMER_FIELDS, PERSON_FIELDS, FieldDef, Kind
from kehu.core.rights import ROLES  # noqa: F401 - re-exported; declared with the rights matrix

database_proxy = DatabaseProxy()


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


def catalogue_column(field: FieldDef) -> Field:
    """The database column of a catalogue field."""
    null = not field.required
    if field.flag_value is not None:
        return IntegerField(default=0)  # 0/1 (core.values.to_db)
    if field.kind is Kind.LONGTEXT:
        return TextField(null=null)
    if field.kind is Kind.DATE:
        return DateField(null=null)
    if field.kind in (Kind.MONEY, Kind.INTEGER):
        return IntegerField(null=null)  # money: integer cents
    if field.kind is Kind.COORD:
        return FloatField(null=null)
    return CharField(max_length=field.max_length or 255, null=null)


def _catalogue_columns(catalogue: tuple[FieldDef, ...], skip: set[str]) -> dict[str, Field]:
    return {f.name: catalogue_column(f) for f in catalogue if f.name not in skip}


class Setting(BaseModel):
    """Key/value facts about the file itself: mode (local/shared), created with, language."""

    key = CharField(primary_key=True, max_length=64)
    value = TextField()


class User(BaseModel):
    id = AutoField()
    username = CharField(max_length=64, unique=True)
    display_name = CharField(max_length=100)
    role = CharField(max_length=16, default="salesperson")  # one of ROLES
    manager = ForeignKeyField("self", null=True, backref="subordinates", on_delete="SET NULL")
    password_hash = TextField(null=True)  # scrypt with parameters; NULL: local user, no login
    active = BooleanField(default=True)
    created_at = DateTimeField(default=now)


class ImportBatch(BaseModel):
    id = AutoField()
    kind = CharField(max_length=16)  # customers, sales, forms
    filename = TextField()
    file_sha256 = CharField(max_length=64, null=True)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    started_at = DateTimeField(default=now)
    finished_at = DateTimeField(null=True)
    status = CharField(max_length=16, default="running")  # running, done, undone, failed
    rows_total = IntegerField(default=0)
    rows_created = IntegerField(default=0)
    rows_updated = IntegerField(default=0)
    rows_rejected = IntegerField(default=0)
    mapping = TextField(default="{}")  # JSON: column → field
    summary = TextField(default="{}")  # JSON


_CUSTOMER_SYSTEM = {"code"}

CustomerBase = type(
    "CustomerBase",
    (BaseModel,),
    {"__module__": __name__, **_catalogue_columns(CUSTOMER_FIELDS, _CUSTOMER_SYSTEM)},
)


# The columns a new customer row carries besides the catalogue's fields, in the order bulk
# inserts (import, demo) write them.
CUSTOMER_RECORD_COLUMNS = (
    "owner_id",
    "status",
    "version",
    "created_by_id",
    "created_at",
    "updated_by_id",
    "updated_at",
    "custom_fields",
)


class Customer(CustomerBase):  # type: ignore[misc, valid-type]
    id = AutoField()
    code = CharField(max_length=32, unique=True)
    # Single-column indexes that a composite index already leads with are left out (index=False).
    owner = ForeignKeyField(User, null=True, backref="customers", on_delete="SET NULL", index=False)
    status = CharField(max_length=16, default="active", index=True)  # active, archived
    archived_at = DateTimeField(null=True)
    version = IntegerField(default=1)
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+", index=False)
    created_at = DateTimeField(default=now)
    updated_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+", index=False)
    updated_at = DateTimeField(default=now)
    custom_fields = TextField(default="{}")  # JSON object of user-defined fields
    import_batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")
    completeness = IntegerField(null=True, index=True)  # 档案健全度 in %, migration 6
    # Pinyin sort keys of the name and short name (`kehu.core.search_keys.sort_key`), kept
    # with the search keys by `kehu.db.search_index`; a list sorted by name walks their
    # index (migration 13). '' until computed.
    name_sort = CharField(max_length=255, default="", index=True)
    short_name_sort = CharField(max_length=255, default="", index=True)

    class Meta:
        table_name = "customer"
        # (owner, …): a salesperson's list sorted by code or name walks its index
        indexes = (
            (("owner", "status"), False),
            (("owner", "code"), False),
            (("owner", "name_sort"), False),
            (("owner", "short_name_sort"), False),
        )


PersonBase = type(
    "PersonBase",
    (BaseModel,),
    {"__module__": __name__, **_catalogue_columns(PERSON_FIELDS, set())},
)


class KeyPerson(PersonBase):  # type: ignore[misc, valid-type]
    """A key person (联系人/关键人物); part of the dossier, versioned with its customer."""

    id = AutoField()
    customer = ForeignKeyField(Customer, backref="persons", on_delete="CASCADE")
    position = IntegerField(default=0)
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)

    class Meta:
        table_name = "key_person"
        indexes = ((("name",), False),)  # search reaches persons by name (migration 2)


class Scheme(BaseModel):
    """A classification scheme (维度): nature, grade, region…"""

    id = AutoField()
    key = CharField(max_length=32, null=True, unique=True)  # built-in schemes only
    name = CharField(max_length=60)
    position = IntegerField(default=0)
    # Shown with its label in the reader's language while set; a rename clears it (mig. 9).
    builtin_key = CharField(max_length=40, null=True)


class Category(BaseModel):
    id = AutoField()
    scheme = ForeignKeyField(Scheme, backref="categories", on_delete="CASCADE")
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="CASCADE")
    name = CharField(max_length=60)
    position = IntegerField(default=0)
    visit_days = IntegerField(null=True)  # visit cadence of its customers (None: none), mig. 6
    # "grade.A": shown with its label in the reader's language while set; a rename clears it
    # (core/schemes.py, migration 9).
    builtin_key = CharField(max_length=40, null=True)

    class Meta:
        indexes = ((("scheme", "parent", "name"), True),)


class CustomerCategory(BaseModel):
    """At most one category per scheme per customer (the primary key says so)."""

    customer = ForeignKeyField(Customer, on_delete="CASCADE", index=False)
    scheme = ForeignKeyField(Scheme, on_delete="CASCADE", index=False)
    category = ForeignKeyField(Category, index=True, on_delete="CASCADE")

    class Meta:
        table_name = "customer_category"
        primary_key = CompositeKey("customer", "scheme")
        without_rowid = True  # the primary key is the table: one B-tree, not two


class Route(BaseModel):
    """A visiting round (路序) inside a region."""

    id = AutoField()
    region = ForeignKeyField(Category, null=True, backref="routes", on_delete="SET NULL")
    name = CharField(max_length=60)
    salesperson = ForeignKeyField(User, null=True, on_delete="SET NULL")
    start_address = TextField(null=True)
    start_latitude = FloatField(null=True)
    start_longitude = FloatField(null=True)
    weekdays = CharField(max_length=20, default="")  # ISO weekdays, e.g. "1,4"
    frequency = CharField(max_length=16, default="weekly")  # weekly, weeks13, weeks24, monthN
    position = IntegerField(default=0)
    notes = TextField(null=True)
    version = IntegerField(default=1)


class RouteStop(BaseModel):
    id = AutoField()
    route = ForeignKeyField(Route, backref="stops", on_delete="CASCADE", index=False)
    customer = ForeignKeyField(Customer, unique=True, on_delete="CASCADE")  # one route each
    position = IntegerField()

    class Meta:
        table_name = "route_stop"
        indexes = ((("route", "position"), False),)


VISIT_KINDS = tuple(kind.value for kind in fields.VISIT_KINDS)  # declared in core.fields


class Visit(BaseModel):
    id = AutoField()
    customer = ForeignKeyField(Customer, backref="visits", on_delete="CASCADE", index=False)
    salesperson = ForeignKeyField(User, null=True, on_delete="SET NULL", index=False)
    visit_date = DateField()
    kind = CharField(max_length=16, default="routine")
    content = TextField(null=True)
    findings = TextField(null=True)
    next_step = TextField(null=True)
    next_visit_on = DateField(null=True, index=True)
    created_at = DateTimeField(default=now)

    class Meta:
        indexes = (
            (("customer", "visit_date"), False),
            (("salesperson", "visit_date"), False),
        )


class Product(BaseModel):
    id = AutoField()
    code = CharField(max_length=32, null=True, unique=True)
    name = CharField(max_length=120)
    category = CharField(max_length=60, index=True)
    unit = CharField(max_length=16, null=True)


class SaleLine(BaseModel):
    id = AutoField()
    sale_date = DateField(index=True)
    customer = ForeignKeyField(Customer, backref="sales", on_delete="CASCADE", index=False)
    # No index on product and import batch: both are only used for rare whole-table work.
    product = ForeignKeyField(Product, null=True, on_delete="SET NULL", index=False)
    product_category = CharField(max_length=60)
    quantity = DecimalField(max_digits=14, decimal_places=3, auto_round=True)
    amount = IntegerField()  # cents
    import_batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL", index=False)

    class Meta:
        table_name = "sale_line"
        indexes = ((("customer", "sale_date"), False),)


class FieldChange(BaseModel):
    """Field-level history of a dossier: who changed what, when, from what to what."""

    id = AutoField()
    customer = ForeignKeyField(Customer, backref="changes", on_delete="CASCADE", index=False)
    version = IntegerField()  # the customer's version this change produced
    person_id = IntegerField(null=True)  # set for key-person fields
    field = CharField(max_length=64)
    old_value = TextField(null=True)
    new_value = TextField(null=True)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    changed_at = DateTimeField(default=now)
    import_batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")

    class Meta:
        table_name = "field_change"
        indexes = ((("customer", "version"), False),)


class AuditEntry(BaseModel):
    """Append-only: triggers refuse UPDATE and DELETE on this table."""

    id = AutoField()
    at = DateTimeField(default=now, index=True)
    user = ForeignKeyField(User, null=True, on_delete="SET NULL")
    user_name = CharField(max_length=100, null=True)  # kept when the user row goes
    action = CharField(max_length=32, index=True)
    entity = CharField(max_length=32, null=True)
    entity_id = IntegerField(null=True)
    summary = TextField(null=True)
    details = TextField(default="{}")  # JSON

    class Meta:
        table_name = "audit_entry"
        indexes = ((("entity", "entity_id"), False),)  # the trail of one record (migration 5)


class CustomerShare(BaseModel):
    """A customer shared with a colleague (一键共享客户): to read, or to read and edit."""

    customer = ForeignKeyField(Customer, on_delete="CASCADE", index=False)
    user = ForeignKeyField(User, on_delete="CASCADE", backref="+")
    can_edit = BooleanField()
    shared_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+", index=False)
    shared_at = DateTimeField(default=now)

    class Meta:
        table_name = "customer_share"
        primary_key = CompositeKey("customer", "user")
        without_rowid = True


class SearchKey(BaseModel):
    """Normalised search keys of a customer (name, pinyin, codes, phones, key persons).

    Prefix search is a range query on (kind, key), which uses the index in SQLite and
    PostgreSQL alike. `id` = customer id * 256 + slot: a customer's keys are one id range
    (no second index, no foreign key: `kehu.db.search_index` removes them). The
    trigram table `search_text` (FTS5, migration 2) is not a model.
    """

    id = IntegerField(primary_key=True)
    kind = IntegerField()  # kehu.core.search_keys.KINDS (ranked: lower is better)
    key = CharField(max_length=255)

    class Meta:
        table_name = "search_key"
        indexes = ((("kind", "key"), False),)


class DuplicateKey(BaseModel):
    """What the duplicate scan compares of a customer (`kehu.core.duplicate_keys.StoredKeys`):
    the name's and short name's cores as text, the identifiers as stable hashes (0: none).

    `id` is the customer's id (no foreign key: `kehu.db.search_index` keeps these rows with
    the search keys). The indexes on `core` and `core_reversed` find the customers whose core
    starts or ends with the core being typed (migration 10)."""

    id = IntegerField(primary_key=True)
    core = CharField(max_length=255, index=True)
    short = CharField(max_length=255, null=True)
    core_hash = BigIntegerField()
    uscc = BigIntegerField()
    phone = BigIntegerField()
    local = BigIntegerField()
    short_phone = IntegerField()
    address = BigIntegerField()
    core_reversed = CharField(max_length=255, index=True)

    class Meta:
        table_name = "duplicate_key"


class SearchName(BaseModel):
    """Keys of key persons' names (normalised, pinyin, initials) → the name as stored.

    Names recur (张伟), so this stays small; the search joins key_person on its name index.
    """

    key = CharField(max_length=255)
    name = CharField(max_length=60)

    class Meta:
        table_name = "search_name"
        primary_key = CompositeKey("key", "name")
        without_rowid = True
        indexes = ((("name", "key"), False),)


class ImportChange(BaseModel):
    """What an import changed in an existing record, kept so that the import can be undone
    exactly: `before` is the raw row (JSON) with its key persons and categories."""

    id = AutoField()
    batch = ForeignKeyField(ImportBatch, backref="changes", on_delete="CASCADE")
    entity = CharField(max_length=16)  # customer, product
    entity_id = IntegerField()
    action = CharField(max_length=16)  # updated, created
    before = TextField(null=True)
    after_version = IntegerField(null=True)

    class Meta:
        table_name = "import_change"
        indexes = ((("entity", "entity_id"), False),)


class PendingReview(BaseModel):
    """Changes proposed from outside (a customer-filled form) waiting for a person's review."""

    id = AutoField()
    customer = ForeignKeyField(Customer, null=True, on_delete="CASCADE")  # NULL: a new customer
    batch = ForeignKeyField(ImportBatch, null=True, on_delete="SET NULL")
    source = CharField(max_length=16, default="customer_form")
    status = CharField(max_length=16, default="pending", index=True)  # pending, applied, rejected
    base_version = IntegerField(null=True)
    label = TextField(null=True)  # where it came from: file and sheet
    created_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+", index=False)
    created_at = DateTimeField(default=now)
    decided_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+")
    decided_at = DateTimeField(null=True)

    class Meta:
        table_name = "pending_review"


class PendingReviewItem(BaseModel):
    id = AutoField()
    review = ForeignKeyField(PendingReview, backref="items", on_delete="CASCADE")
    field = CharField(max_length=64)  # catalogue name, or person.<id|newN>.<field>
    proposed_value = TextField(null=True)
    original_value = TextField(null=True)  # the value printed on the form
    problem = TextField(null=True)  # why it cannot be accepted as written
    decision = CharField(max_length=16, null=True)  # accepted, rejected

    class Meta:
        table_name = "pending_review_item"


class CustomerMerge(BaseModel):
    """A merge of a duplicate (`merged`, archived) into the customer kept; `before` (JSON)
    holds what the merge moved and overwrote, so that it can be undone as a whole."""

    id = AutoField()
    kept = ForeignKeyField(Customer, on_delete="CASCADE", backref="+")
    merged = ForeignKeyField(Customer, on_delete="CASCADE", backref="+")
    user = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+", index=False)
    merged_at = DateTimeField(default=now)
    undone_at = DateTimeField(null=True)
    undone_by = ForeignKeyField(User, null=True, on_delete="SET NULL", backref="+", index=False)
    before = TextField()

    class Meta:
        table_name = "customer_merge"


class CareKey(BaseModel):
    """What the Today panel reads of a customer, stored (schema 12, kept by triggers on
    customer, customer_category and visit; see kehu.db.care_keys)."""

    customer_id = IntegerField(primary_key=True)
    code = CharField(max_length=32)
    owner_id = IntegerField(null=True)
    status = CharField(max_length=16)
    grade_id = IntegerField(null=True)  # the category in the 'grade' scheme
    visit_id = IntegerField(null=True)  # the latest visit (by date, then entry order)
    last_visit_on = DateField(null=True)
    next_visit_on = DateField(null=True)  # the latest visit's plan

    class Meta:
        table_name = "care_key"


class BirthdayKey(BaseModel):
    """A key person's solar birthday by month-day with the customer's owner and status (schema
    12, kept by triggers on key_person and customer; see kehu.db.care_keys)."""

    person_id = IntegerField(primary_key=True)
    customer_id = IntegerField()
    month_day = CharField(max_length=5)  # MM-DD
    owner_id = IntegerField(null=True)
    status = CharField(max_length=16)

    class Meta:
        table_name = "birthday_key"


class SalesMonth(BaseModel):
    """Sales of one customer in one month (schema 7, kept by triggers on sale_line)."""

    customer_id = IntegerField()
    month = IntegerField()  # year * 12 + month - 1
    owner_id = IntegerField()  # 0: no owner
    amount = IntegerField()  # cents
    lines = IntegerField()

    class Meta:
        table_name = "sales_month"
        primary_key = CompositeKey("customer_id", "month")
        without_rowid = True


class SalesSummary(BaseModel):
    """Sales per category of a customer, month, owner and product category (schema 7, kept by
    triggers). category_id 0 holds all sales, classified or not."""

    category_id = IntegerField()
    month = IntegerField()
    owner_id = IntegerField()
    product_category = CharField(max_length=60)
    amount = IntegerField()
    lines = IntegerField()

    class Meta:
        table_name = "sales_summary"
        primary_key = CompositeKey("category_id", "month", "owner_id", "product_category")
        without_rowid = True


class ProductMonth(BaseModel):
    """Sales per product, month and owner (schema 7); product_id 0: lines without a product."""

    product_id = IntegerField()
    month = IntegerField()
    owner_id = IntegerField()
    amount = IntegerField()
    lines = IntegerField()

    class Meta:
        table_name = "product_month"
        primary_key = CompositeKey("month", "product_id", "owner_id")
        without_rowid = True


class GradeStep(BaseModel):
    """One ABC grading applied in one step (undone as a whole)."""

    id = AutoField()
    user = ForeignKeyField(User, null=True, on_delete="SET NULL", index=False)
    at = DateTimeField(default=now)
    scheme = ForeignKeyField(Scheme, on_delete="CASCADE", index=False)
    period = CharField(max_length=40)
    thresholds = CharField(max_length=40)
    customers = IntegerField()
    status = CharField(max_length=16)  # applied, undone

    class Meta:
        table_name = "grade_step"


class GradeStepChange(BaseModel):
    step = ForeignKeyField(GradeStep, on_delete="CASCADE", index=False)
    customer = ForeignKeyField(Customer, on_delete="CASCADE", index=False)
    old_category_id = IntegerField(null=True)
    new_category_id = IntegerField(null=True)

    class Meta:
        table_name = "grade_step_change"
        primary_key = CompositeKey("step", "customer")
        without_rowid = True


# The Today panel's indexes (schema 12): trading anniversaries are found by MM-DD (queries
# write the expression with literal 6 and 5, kehu.db.care_keys); lunar birthdays by a partial
# index.
Customer.add_index(
    ModelIndex(
        Customer,
        (
            SQL('substr("trading_since", 6, 5)'),
            Customer.status,
            Customer.owner,
            Customer.trading_since,
        ),
        name="customer_trading_day",
    )
)
KeyPerson.add_index(
    ModelIndex(
        KeyPerson, (KeyPerson.customer,), name="key_person_lunar", where=SQL('"birthday_lunar" = 1')
    )
)

ALL_MODELS: tuple[type[BaseModel], ...] = (
    Setting,
    User,
    ImportBatch,
    Customer,
    KeyPerson,
    Scheme,
    Category,
    CustomerCategory,
    Route,
    RouteStop,
    Visit,
    Product,
    SaleLine,
    FieldChange,
    AuditEntry,
    SearchKey,
    SearchName,
    DuplicateKey,
    ImportChange,
    PendingReview,
    PendingReviewItem,
    CustomerShare,
    CustomerMerge,
    SalesMonth,
    SalesSummary,
    ProductMonth,
    GradeStep,
    GradeStepChange,
)

AUDIT_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
)

__all__ = [m.__name__ for m in ALL_MODELS] + ["database_proxy", "BaseModel", "SQL", "now"]
