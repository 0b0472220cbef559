"""`history --plot`: the known value of one post and year over time, drawn with matplotlib."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from events.gemeenten import met_naam
from taal import _

if TYPE_CHECKING:
    from projections.history import Stap
    from projections.zicht import Zicht


def teken_history(bestand: Path, zicht: Zicht, post: str, jaar: int, stappen: list[Stap]) -> None:
    if bestand.suffix.lower() not in (".png", ".svg"):
        raise typer.BadParameter(
            _("{bestand}: --plot schrijft .png of .svg").format(bestand=bestand), param_hint="--plot"
        )
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dagen = [s.bekend_op for s in stappen]
    eind = max([*dagen, zicht.as_of]) + timedelta(days=1) if dagen else zicht.as_of
    figuur, as_ = plt.subplots(figsize=(9, 4.5))
    if stappen:
        x, bekend, raming = [*dagen, eind], [float(s.prognose) for s in stappen], [float(s.raming) for s in stappen]
        as_.step(x, [*bekend, bekend[-1]], where="post", label="bekende waarde (prognose)", linewidth=2)
        as_.step(x, [*raming, raming[-1]], where="post", linestyle="--", label="raming")
        pm = [s for s in stappen if s.soort == "pm"]
        if pm:
            as_.scatter(
                [s.bekend_op for s in pm],
                [float(s.bedrag) for s in pm],
                marker="D",
                color="tab:red",
                zorder=3,
                label="pm (niet verwerkt)",
            )
    as_.set_title(f"{post} {jaar} — {met_naam(zicht.gemeente)}")
    as_.set_xlabel("bekend op")
    as_.set_ylabel("€")
    as_.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}".replace(",", ".")))
    as_.grid(True, alpha=0.3)
    as_.legend(loc="best")
    figuur.autofmt_xdate()
    figuur.tight_layout()
    figuur.savefig(bestand)
    plt.close(figuur)
