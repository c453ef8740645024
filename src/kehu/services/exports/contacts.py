"""Key persons of the chosen customers (a route's, a selection's) as vCards for a phone:
visibility, masking and audit as for every export; `exchange.vcard_export` writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kehu.core.fields import PERSON_FIELDS, customer_field
from kehu.core.jobs import Job
from kehu.db import export_rows
from kehu.exchange.vcard_export import Contact, write_vcards
from kehu.services.exports.registry import Request
from kehu.services.exports.tables import CHUNK, converter

_NAMES = ("name", "title", "mobile", "phone", "email", "birthday")


def write_contacts(request: Request, ids: list[int], path: Path, job: Job) -> tuple[int, int]:
    return write_vcards(path, _contacts(request, ids, job)), 0


def _contacts(request: Request, ids: list[int], job: Job) -> Iterator[Contact]:
    fields = [f for f in PERSON_FIELDS if f.name in _NAMES]
    converters = [converter(f, request.lang, request.reveal) for f in fields]
    address = converter(customer_field("address"), request.lang, request.reveal)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        job.check()
        names = export_rows.codes_and_names(chunk)
        addresses = export_rows.customer_columns(chunk, ["address"])
        for record in export_rows.person_rows(chunk, [f.name for f in fields]):
            cid, raw = record[0], record[1:]
            values = {
                f.name: conv(v) if v is not None else None
                for f, conv, v in zip(fields, converters, raw, strict=True)
            }
            if not values.get("name"):
                continue
            where = addresses.get(cid, (None,))[0]
            yield Contact(
                name=str(values["name"]),
                company=names[cid][1],
                title=str(values.get("title") or ""),
                mobile=str(values.get("mobile") or ""),
                phone=str(values.get("phone") or ""),
                email=str(values.get("email") or ""),
                birthday=values.get("birthday")
                if hasattr(values.get("birthday"), "isoformat")
                else None,
                address=str(address(where) or "") if where else "",
                note=names[cid][0],
            )
