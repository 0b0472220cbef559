"""The `begroting` console script: the commands register themselves on the typer app."""

from __future__ import annotations

from cli import au, beheer, buig, controller, gebruikers, schrijven, serve, snapshot, verify, vragen, werkboek
from cli.app import app

__all__ = [
    "app",
    "au",
    "beheer",
    "buig",
    "controller",
    "gebruikers",
    "schrijven",
    "serve",
    "snapshot",
    "verify",
    "vragen",
    "werkboek",
]


def run() -> None:
    schrijven.EIGEN_PROCES = True
    app(prog_name="begroting")


if __name__ == "__main__":
    run()
