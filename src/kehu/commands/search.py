"""`kehu search TEXT [--limit N]`: the search box on the command line."""

from __future__ import annotations

import argparse

from peewee import JOIN

from kehu.commands._context import acting_user, language, workspace
from kehu.core.i18n import N_, translate
from kehu.db.models import Customer, KeyPerson, User


def register(subparsers: argparse._SubParsersAction) -> None:

    parser = subparsers.add_parser(
        "search", help=N_("find customers (name, pinyin, code, phone, key person)")
    )
    parser.add_argument("text", nargs="+", help=N_("search text"))
    parser.add_argument("--limit", type=int, default=20, help=N_("at most N (20)"))
    parser.add_argument("--archived", action="store_true", help=N_("include archived customers"))
    parser.set_defaults(func=cmd_search)


def _rows(ids: list[int]) -> list[tuple[str, str, str, str]]:
    """(code, name, phone, owner) in the order of `ids`; a key person's mobile if no phone."""
    query = (
        Customer.select(
            Customer.id, Customer.code, Customer.name, Customer.phone, User.display_name
        )
        .join(User, on=(Customer.owner == User.id), join_type=JOIN.LEFT_OUTER)
        .where(Customer.id.in_(ids))
        .tuples()
    )
    found = {cid: (code, name, phone, owner or "") for cid, code, name, phone, owner in query}
    mobiles = dict(
        KeyPerson.select(KeyPerson.customer, KeyPerson.mobile)
        .where(KeyPerson.customer.in_(ids), KeyPerson.mobile.is_null(False))
        .order_by(KeyPerson.customer, KeyPerson.position.desc())
        .tuples()
    )
    rows = []
    for cid in ids:
        if cid in found:
            code, name, phone, owner = found[cid]
            rows.append((code, name, phone or mobiles.get(cid) or "", owner))
    return rows


def cmd_search(args: argparse.Namespace) -> int:
    from kehu.db.search import search

    lang = language(args)
    ws = workspace(args)
    text = " ".join(args.text)
    ids = search(text, acting_user(ws), include_archived=args.archived, limit=max(args.limit, 1))
    if not ids:
        print(translate(N_("Nothing found for '{text}'"), lang, text=text))
        return 1
    headers = [translate(h, lang) for h in (N_("code"), N_("name"), N_("phone"), N_("owner"))]
    print("\t".join(headers))
    for row in _rows(ids):
        print("\t".join(row))
    return 0
