"""click and typer speak the chosen language too: their help layout ("Usage:", "Options") and parse errors.

typer's own texts ("Options", "[required]", "[default: …]") go through the standard library's `gettext`,
bound by name in its modules at import: we rebind those names to our catalogue of their English texts,
`taal/po/nl/click.po`. The click that typer carries inside it (`typer._click`) writes its few phrases
("Usage:", "Error:", "Invalid value for", …) as plain English: its usage line, help option and error output
are passed through the same catalogue. In English everything stays as the libraries wrote it.
"""

from __future__ import annotations

import gettext
import re
import sys
from functools import wraps
from typing import Any

from taal import huidige, vertaling

ZINNEN = (
    "Error:",
    "Usage:",
    "Invalid value for",
    "Invalid value:",
    "Missing option",
    "Missing argument",
    "Missing parameter",
    "No such option:",
    "No such command",
    "Possible options:",
    "Got unexpected extra argument(s)",
    "Aborted!",
    "Did you mean",
    "is not one of",
    "is not a valid",
    "is not in the range",
    "does not take a value",
    "requires an argument",
)
"""The phrases of typer's own click, translated wherever they stand in what it writes."""
HULP = re.compile(r"Try '(.+) (\S+)' for help\.")


def klik(bericht: str) -> str:
    return bericht if huidige() == "en" else vertaling(huidige(), "click").gettext(bericht)


def klik_n(enkel: str, meer: str, n: int) -> str:
    return (enkel if n == 1 else meer) if huidige() == "en" else vertaling(huidige(), "click").ngettext(enkel, meer, n)


def vertaal_tekst(tekst: str) -> str:
    """What typer's click writes, its phrases in the current language."""
    if huidige() == "en":
        return tekst
    tekst = HULP.sub(lambda m: klik("Try '{command} {option}' for help.").format(command=m[1], option=m[2]), tekst)
    for zin in ZINNEN:
        tekst = tekst.replace(zin, klik(zin))
    return tekst


def vertaal_bibliotheken() -> None:
    """Rebinds the gettext of typer's modules, and wraps the output of the click inside typer."""
    for naam, module in list(sys.modules.items()):
        if naam.startswith(("click.", "typer.")):
            if getattr(module, "_", None) is gettext.gettext:
                module._ = klik  # type: ignore[attr-defined]
            if getattr(module, "ngettext", None) is gettext.ngettext:
                module.ngettext = klik_n  # type: ignore[attr-defined]
    from typer._click import core, exceptions, formatting

    if getattr(exceptions.echo, "vertaald", False):
        return
    echo = exceptions.echo

    def vertaalde_echo(message: Any = None, *args: Any, **kwargs: Any) -> None:
        echo(vertaal_tekst(message) if isinstance(message, str) else message, *args, **kwargs)

    vertaalde_echo.vertaald = True  # type: ignore[attr-defined]
    exceptions.echo = vertaalde_echo  # type: ignore[assignment]
    schrijf_gebruik = formatting.HelpFormatter.write_usage

    @wraps(schrijf_gebruik)
    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        schrijf_gebruik(self, prog, args, klik("Usage:") + " " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    hulpoptie = core.Command.get_help_option

    @wraps(hulpoptie)
    def get_help_option(self: Any, ctx: Any) -> Any:
        optie = hulpoptie(self, ctx)
        if optie is not None:
            optie.help = klik("Show this message and exit.")
        return optie

    core.Command.get_help_option = get_help_option  # type: ignore[method-assign]
