"""The typer application, its error handling and the shared environment of the commands."""

from __future__ import annotations

import os
import sys
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from cli.klik import vertaal_bibliotheken
from taal import N_, _, kies

if TYPE_CHECKING:
    from ledger.application import BegrotingApp
    from projections.reader import Reader


def afsluitcode(fout: Exception) -> int | None:
    """The exit code of a refusal: 2 invalid input, 3 conflict; None when it is no refusal."""
    from events.errors import BronConflict, LedgerError, SchrijfConflict

    if isinstance(fout, (BronConflict, SchrijfConflict)):
        return 3
    if isinstance(fout, LedgerError):
        return 2
    return None


def vertaal_hulp(opdracht: Any) -> None:
    """Every help text of the command tree in the chosen language: typer read them (Dutch) at import, when no
    language was chosen yet; the Dutch text stays kept beside it for the next choice."""
    for ding in [opdracht, *opdracht.params]:
        for veld in ("help", "short_help"):
            bron = ding.__dict__.setdefault(f"_nl_{veld}", getattr(ding, veld, None))
            if bron:
                setattr(ding, veld, _(bron))
    for sub in getattr(opdracht, "commands", {}).values():
        vertaal_hulp(sub)


class Opdrachten(TyperGroup):
    """Turns refusals into a message and an exit code, and unexpected errors into exit 1."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kies(None)  # BEGROTING_TAAL or the locale; --taal (eager) may choose again before any help is shown
        vertaal_hulp(self)
        return super().main(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except BrokenPipeError:  # `begroting events | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as fout:
            code = afsluitcode(fout)
            if code is None and os.environ.get("BEGROTING_TRACEBACK"):
                raise
            if isinstance(ctx.obj, Omgeving):
                ctx.obj.ruim_op_na_weigering()
            voorvoegsel = _("fout") if code is not None else _("onverwachte fout")
            typer.echo(f"{voorvoegsel}: {fout}", err=True)
            raise typer.Exit(code or 1) from None


class Omgeving:
    """What every command shares: the database and the seal key, opened only when a command needs them."""

    def __init__(self, db: str | None, zegelsleutel_pad: Path | None = None) -> None:
        self.db, self.zegelsleutel_pad = db, zegelsleutel_pad
        self.schrijft = False
        """Set by a command that may make the database; a read never does (SQLite would make an empty file)."""
        self.nieuw_bestand: Path | None = None
        """The SQLite file this command made by opening the ledger: a refused write leaves none behind."""

    def check_grootboek(self) -> None:
        """A read of an SQLite file that is not there is refused, and no file is made."""
        from events.errors import GeenGrootboek
        from storage.adres import gekozen_url, sqlite_bestand

        bestand = sqlite_bestand(gekozen_url(self.db))
        if not self.schrijft and bestand is not None and not Path(bestand).exists():
            raise GeenGrootboek(
                _("geen grootboek in {bestand}: nog niets geboekt (begroting record, of begroting demo)").format(
                    bestand=bestand
                )
            )

    @cached_property
    def zegelsleutel(self) -> bytes | None:
        from ledger.zegelsleutel import lees_sleutel

        return None if self.zegelsleutel_pad is None else lees_sleutel(self.zegelsleutel_pad)

    @cached_property
    def app(self) -> BegrotingApp:
        from ledger.bootstrap import bootstrap

        sleutel = self.zegelsleutel  # a bad key file is named before a missing ledger
        self.check_grootboek()
        return bootstrap(self.db, sleutel)

    def mag_maken(self) -> None:
        """This command may make the database; an SQLite file not there yet is noted, to remove after a refusal."""
        from storage.adres import gekozen_url, sqlite_bestand

        bestand = sqlite_bestand(gekozen_url(self.db))
        if not self.schrijft and bestand is not None and not Path(bestand).exists():
            self.nieuw_bestand = Path(bestand)
        self.schrijft = True

    def ruim_op_na_weigering(self) -> None:
        """After a refusal: the SQLite file this command made is removed when it holds no event (nothing was
        written: the write is one transaction), so refused input leaves nothing behind."""
        from storage.adres import ruim_leeg_bestand_op

        if self.nieuw_bestand is None:
            return
        if "app" in self.__dict__:
            self.app.factory.datastore.engine.dispose()
        ruim_leeg_bestand_op(self.nieuw_bestand)

    @cached_property
    def reader(self) -> Reader:
        """On the application when it is open already; else on the URL, opening it only to catch up."""
        from projections.reader import Reader

        self.check_grootboek()
        if "app" in self.__dict__:
            return Reader(self.app)
        return Reader(db=self.db, opstart=lambda: self.app)


vertaal_bibliotheken()
app = typer.Typer(
    cls=Opdrachten,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    help=N_(
        "begroting: een event-sourced, bitemporeel begrotingsgrootboek voor gemeenten.\n\nVoorbeeld: begroting demo"
    ),
)


class Taal(str, Enum):
    nl = "nl"
    en = "en"


def kies_taal(ctx: typer.Context, taal: Taal | None) -> Taal | None:
    if taal is not None:
        kies(taal.value)
        vertaal_hulp(ctx.find_root().command)
    return taal


@app.callback()
def hoofd(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", envvar="BEGROTING_DB", help=N_("SQLAlchemy-URL (standaard sqlite:///begroting.db).")),
    ] = None,
    seal_key: Annotated[
        Path | None,
        typer.Option(
            "--seal-key",
            envvar="BEGROTING_SEAL_KEY_FILE",
            help=N_("Bestand met de zegelsleutel: geboekte events worden verzegeld, verify controleert de zegels."),
        ),
    ] = None,
    taal: Annotated[
        Taal | None,
        typer.Option(
            "--taal",
            is_eager=True,
            callback=kies_taal,
            help=N_("Taal van teksten en meldingen: nl (standaard) of en; ook BEGROTING_TAAL of LANG=en_*."),
        ),
    ] = None,
) -> None:
    del taal  # chosen by its eager callback, before the other options and any help
    ctx.obj = Omgeving(db, seal_key)


def omgeving(ctx: typer.Context, schrijft: bool = False) -> Omgeving:
    """The shared environment; `schrijft` for a command that may make the database (record, correct, ...)."""
    omg: Omgeving = ctx.find_object(Omgeving)  # type: ignore[assignment]
    if schrijft:
        omg.mag_maken()
    return omg
