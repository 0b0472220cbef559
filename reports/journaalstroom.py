"""The journal written as it is read: `begroting events` for the whole store in bounded memory.

The journal of 1,000 gemeenten (141,000 events) held as one answer took 1.5 GB as a table and
2.9 GB as JSON. Here each format takes the events one at a time: JSON and CSV come out byte for
byte as the answer's renderers write them, a workbook through openpyxl's write-only mode, and a
table per block of BLOK events (the first with the journal's title; a journal of at most BLOK
events is the one table it always was).
"""

from __future__ import annotations

import csv
from itertools import islice
from pathlib import Path
from typing import TextIO

from projections.als_json import als_tekst, journaalpost_json
from projections.journaal import Journaalstroom
from reports.journaal import alle_velden, tabel, veldenrij
from reports.model import Answer
from taal import ngettext

BLOK = 1000


def schrijf_tabel(stroom: Journaalstroom, uit: TextIO) -> None:
    from reports.render import table

    blok = list(islice(stroom.posten, BLOK))
    aantal = len(blok) if len(blok) < BLOK else stroom.aantal()
    titel = ngettext("Journaal ({n} event)", "Journaal ({n} events)", aantal).format(n=aantal)
    while True:
        table.schrijf(Answer("journaal", (tabel(blok, titel),), None), uit)
        blok, titel = list(islice(stroom.posten, BLOK)), ""
        if not blok:
            return


def schrijf_json(stroom: Journaalstroom, uit: TextIO) -> None:
    """As `als_tekst` writes the whole list: `[`, each event indented by two, `]`."""
    scheiding = "[\n  "
    for post in stroom.posten:
        uit.write(scheiding + als_tekst(journaalpost_json(post)).replace("\n", "\n  "))
        scheiding = ",\n  "
    uit.write("[]\n" if scheiding.startswith("[") else "\n]\n")


def schrijf_csv(stroom: Journaalstroom, uit: TextIO, excel_nl: bool = False) -> None:
    """excel_nl: `;` between fields and decimal commas, as the other read commands' --excel-nl."""
    from reports.render.csv import waarden

    kop = alle_velden([])
    schrijver = csv.writer(uit, lineterminator="\n", delimiter=";" if excel_nl else ",")
    schrijver.writerow([k.label for k in kop.columns])
    for post in stroom.posten:
        schrijver.writerow(waarden(kop, veldenrij(post), excel_nl=excel_nl))


def schrijf_xlsx(stroom: Journaalstroom, pad: Path) -> int:
    """Every field of every event, one sheet; returns how many events."""
    from reports.render.xlsx import schrijf_stroom

    return schrijf_stroom(alle_velden([]), map(veldenrij, stroom.posten), pad)
