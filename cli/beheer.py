"""Commands that look after the ledger as a whole: verify, demo."""
from __future__ import annotations

from cli.app import app  # noqa: F401
