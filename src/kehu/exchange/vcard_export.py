"""Key persons as vCard 3.0 (RFC 2426), one card each, for a phone's address book: name,
company, title, mobile and phone, email, birthday, the customer's address. Values arrive
already masked; text is escaped as the RFC says and lines are folded at 75 octets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Contact:
    name: str
    company: str = ""
    title: str = ""
    mobile: str = ""
    phone: str = ""
    email: str = ""
    birthday: dt.date | None = None
    address: str = ""
    note: str = ""


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on lines that start with a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, current = [], ""
    for char in line:
        limit = 75 if not parts else 74
        if len((current + char).encode("utf-8")) > limit:
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return "\r\n ".join(parts)


def card(contact: Contact) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(contact.name)}",
             f"N:{_escape(contact.name)};;;;"]  # fmt: skip
    if contact.company:
        lines.append(f"ORG:{_escape(contact.company)}")
    if contact.title:
        lines.append(f"TITLE:{_escape(contact.title)}")
    if contact.mobile:
        lines.append(f"TEL;TYPE=CELL:{_escape(contact.mobile)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_escape(contact.phone)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_escape(contact.email)}")
    if contact.birthday:
        lines.append(f"BDAY:{contact.birthday.isoformat()}")
    if contact.address:
        lines.append(f"ADR;TYPE=WORK:;;{_escape(contact.address)};;;;")
    if contact.note:
        lines.append(f"NOTE:{_escape(contact.note)}")
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def write_vcards(path: Path, contacts: Iterable[Contact]) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for contact in contacts:
            handle.write(card(contact))
            count += 1
    return count
