"""Deterministic, realistic demo data, fast enough for a million customers.

Rows are generated in chunks of customers by a worker process (pure Python, no database) while
this process writes the previous chunk through `kehu.db.bulk_load`. A chunk's content depends
only on the seed and its number, so the data is the same however it is run. On an empty
database the indexes of the big tables are dropped during the load and rebuilt.

Ids come from the database: the generator numbers the customers from where the database will
most likely continue (`bulk_load.first_customer_number`), the customers are inserted without
an id and their ids read back by code; a chunk whose ids differ is renumbered before its other
rows are written. The whole load is one write transaction, so a cancelled (`job`) or failed
load leaves the database as it was.

Modules: `plan` (what a chunk is made from, and of), `reference` (the team, products and
region tree the rows refer to), `customers` (customers, key persons, classifications),
`activity` (visits, sale lines), `rows` (one chunk), `workers` (chunks generated ahead in
worker processes; `CHUNK` is its size), `routes` (visiting routes), `load` (`generate`: the
load through `kehu.db.bulk_load`, in one transaction).
"""

from kehu.core.jobs import Cancelled

from .load import CUSTOMERS_STAGE, INDEXES_STAGE, ROUTES_STAGE, DemoResult, generate

__all__ = [
    "CUSTOMERS_STAGE",
    "INDEXES_STAGE",
    "ROUTES_STAGE",
    "Cancelled",
    "DemoResult",
    "generate",
]
