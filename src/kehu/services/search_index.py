"""Transitional shim: the search keys moved to `kehu.db.search_index`.

Only `services/dossiers.py` and `services/imports.py` (the import branch) still import it from
here; this file goes when the import branch lands and their import lines point to db/.
"""

from kehu.db.search_index import *  # noqa: F403
from kehu.db.search_index import __all__  # noqa: F401
