"""`kehu privacy`: the PIPL tools of the command line — the key persons whose consent is
missing or withdrawn, the key persons of a customer, and a copy of one person's data."""

from __future__ import annotations

import argparse
from pathlib import Path

from kehu.commands._context import acting_user, language, workspace
from kehu.core.fields import person_field
from kehu.core.i18n import N_, translate
from kehu.core.values import display
from kehu.services import dossiers, privacy
from kehu.services.selection import Selection, resolve


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "privacy", help=N_("personal data: consent list, a person's copy (administrators)")
    )
    sub = parser.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    consent = sub.add_parser(
        "consent", help=N_("key persons whose consent is missing or withdrawn")
    )
    consent.set_defaults(func=cmd_consent)
    persons = sub.add_parser("persons", help=N_("the key persons of a customer, with their ids"))
    persons.add_argument("code", help=N_("customer code"))
    persons.set_defaults(func=cmd_persons)
    copy = sub.add_parser("copy", help=N_("a copy of everything stored about one key person"))
    copy.add_argument("person", type=int, metavar="PERSON_ID", help=N_("the key person's id"))
    copy.add_argument("--format", choices=privacy.FORMATS, default=None)
    copy.add_argument("-o", "--output", required=True, help=N_("the file to write"))
    copy.set_defaults(func=cmd_copy)


def cmd_consent(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    found = privacy.consent_missing(acting_user(ws))
    withdrawn = person_field("consent_withdrawn_on")
    for code, name, person in found:
        if person.consent_withdrawn_on:
            why = translate(
                N_("withdrawn on {date}"),
                lang,
                date=display(withdrawn, person.consent_withdrawn_on),
            )
        else:
            why = translate(N_("no consent recorded"), lang)
        print(f"{person.id}\t{code}\t{name}\t{person.name or ''}\t{why}")
    print(translate(N_("{n} key persons without valid consent."), lang, n=len(found)))
    return 0


def cmd_persons(args: argparse.Namespace) -> int:
    ws = workspace(args)
    by = acting_user(ws)
    ids = resolve(Selection(codes=[args.code.strip()], include_archived=True), by)
    if not ids:
        raise dossiers.NotFoundError(args.code)
    card = dossiers.load(ids[0], by)
    for person in card.persons:
        print(f"{person['id']}\t{person.get('name') or ''}\t{person.get('role') or ''}")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    lang = language(args)
    ws = workspace(args)
    out = privacy.personal_data_copy(
        args.person, acting_user(ws), Path(args.output), lang, args.format
    )
    print(translate(N_("Wrote the copy of personal data to {path}"), lang, path=out))
    return 0
