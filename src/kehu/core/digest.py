"""File digests: the one hash the audit log and import batches record for a file."""

from __future__ import annotations

import hashlib
from pathlib import Path

AUDIT_KEY = "file_sha256"  # the key of a file's digest in audit entries and batch rows


def file_sha256(path: str | Path, chunk: int = 1 << 20) -> str:
    """The SHA-256 of the file at `path`, hex, read in chunks (bounded memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()
