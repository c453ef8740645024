"""Opening the user's database with everything a first start needs."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kehu.core.i18n import normalise, system_language
from kehu.db import duplicate_index, interrupted, migrations, probe, search_index, server
from kehu.db.connection import Database, open_database, write
from kehu.db.errors import DatabaseError, ServerNotAUserError
from kehu.db.models import Customer, Setting, User
from kehu.services import auth, classification, secrets

logger = logging.getLogger(__name__)

# Migration 2 replaced the search keys by a new key table and trigram text, created empty: a
# file upgraded from an older version has its keys computed again once, when it is opened.
SEARCH_KEYS_FROM = 2
# Migration 10 added the duplicate scan's keys, created empty: computed once, the same way.
DUPLICATE_KEYS_FROM = 10


@dataclass
class Workspace:
    database: Database
    user: User | None  # None until a login when the database has several users

    @property
    def is_empty(self) -> bool:
        return not Customer.select().exists()


def needs_upgrade(path: str | Path) -> int | None:
    """The schema version of an existing kehu file that opening will upgrade (after a backup
    copy), or None: a large file's upgrade takes a while, so the window shows it happening.
    A server database is no file: None (it migrates as it opens)."""
    if server.is_url(path):
        return None
    try:
        facts = probe.inspect(Path(path).expanduser().absolute(), migrations.latest_version())
    except DatabaseError:
        return None  # opening says what is wrong with it
    if facts.exists and facts.writable and 0 < facts.schema_version < migrations.latest_version():
        return facts.schema_version
    return None


def open_workspace(
    path: str | Path, mode: str | None = None, lang: str | None = None, *, create: bool = True
) -> Workspace:
    """Open or (with `create`) create a database; a new one gets the local user and the
    default schemes. The front ends create only where the user asked for a new database
    (`kehu init`, the window's first start); elsewhere a missing file is an error.

    A server URL without a password gets libpq's or the remembered one (`secrets`); the
    user is then the login's (the server checked the password: no second login)."""
    if server.is_url(path):
        path = secrets.with_password(str(path))
    database = open_database(path, mode=mode, create=create)
    if database.migrated_from is not None and database.migrated_from < SEARCH_KEYS_FROM:
        logger.info("computing the search keys of a file upgraded from v%s", database.migrated_from)
        search_index.rebuild_all()
    elif database.migrated_from is not None and database.migrated_from < DUPLICATE_KEYS_FROM:
        logger.info(
            "computing the duplicate keys of a file upgraded from v%s", database.migrated_from
        )
        duplicate_index.fill(database.db)
    if database.created:
        language = normalise(lang) if lang else system_language()

        def seed() -> None:
            auth.ensure_local_user()
            classification.create_default_schemes(language)
            Setting.replace(key="language", value=language).execute()

        write(database.db, seed)
        logger.info("created database %s (%s mode)", database.shown, database.mode)
    if not database.read_only:
        _mark_dead_imports(database)
    if database.is_server:
        try:
            return Workspace(database, _server_user(database))
        except DatabaseError:
            database.close()
            raise
    return Workspace(database, auth.automatic_user())


def check_server(url: str) -> None:
    """Whether the server database of `url` opens (login, database, pg_trgm, the login a
    user there), without opening it: raises the error opening would, with its message."""
    server.probe(secrets.with_password(url))


def _server_user(database: Database) -> User | None:
    """On a server the login is the user: the kehu user of the login role (the server
    checked its password), or, for a login above the policies that is no kehu user (an
    administrator's own role, a database without roles), the first administrator. A login
    that is no user of a database with roles is refused (`server.login_user`)."""
    uid = server.login_user(database.db, database.shown)
    user = User.get_or_none(User.id == uid) if uid is not None else None
    if user is not None and user.active:
        return user
    if uid is not None:  # a disabled user's role (its login is locked too)
        raise ServerNotAUserError(database.shown, role=str(user.username if user else uid))
    return auth.first_administrator()


def _mark_dead_imports(database: Database) -> None:
    """An import whose process was killed still says "running": it shows as interrupted."""
    dead = [batch.id for batch in interrupted.dead_batches()]
    if dead:
        logger.info("imports %s were interrupted: marked so", dead)
        write(database.db, lambda: interrupted.mark_interrupted(dead))
