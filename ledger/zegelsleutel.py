"""The seal key: 32 random bytes in a file of its own, kept outside the database."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from events.errors import LedgerError
from taal import _

LENGTE = 32


class OngeldigeSleutel(LedgerError):
    """A seal key file that cannot be made or read."""


def nieuwe_sleutel(pad: Path) -> None:
    """Write a new key as hex, readable by its owner only; an existing file is never overwritten."""
    try:
        fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise OngeldigeSleutel(
            _("{pad}: bestaat al; een zegelsleutel wordt nooit overschreven").format(pad=pad)
        ) from None
    except OSError as fout:
        raise OngeldigeSleutel(_("{pad}: niet te schrijven ({reden})").format(pad=pad, reden=fout.strerror)) from None
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secrets.token_hex(LENGTE) + "\n")


def lees_sleutel(pad: Path) -> bytes:
    """The key in a file: hex (as `seal-key new` writes it) or at least 32 raw bytes."""
    try:
        inhoud = pad.read_bytes()
    except OSError as fout:
        raise OngeldigeSleutel(
            _("zegelsleutel {pad}: niet te lezen ({reden})").format(pad=pad, reden=fout.strerror)
        ) from None
    try:
        sleutel = bytes.fromhex(inhoud.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        sleutel = inhoud
    if len(sleutel) < LENGTE:
        raise OngeldigeSleutel(
            _("zegelsleutel {pad}: bevat {n} bytes, een sleutel heeft er minstens {minstens} nodig").format(
                pad=pad, n=len(sleutel), minstens=LENGTE
            )
        )
    return sleutel
