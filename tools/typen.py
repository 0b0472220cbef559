"""Writes events/index.py from the registry: each type's journal line and the post groups, loadable without pydantic.

    python -m tools.typen

A test checks the file is current; rerun this after adding a type or changing a `samenvatting` or `groepen`.
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

from events.registry import GROEPEN, typen
from events.samenvatting import HULP

DOEL = Path(__file__).resolve().parents[1] / "events" / "index.py"

KOP = '''"""Generated from the registry by `python -m tools.typen`; do not edit (a test checks it is current).

Each type's journal line and the post groups, for a listing or diff that loads no model: the
functions are the types' own `samenvatting`, copied from their modules (events/<type>.py).
"""

from __future__ import annotations

from events.samenvatting import Decimal, Json, bedrag, date, euro, jaren, jaren_tekst
'''


def tekst() -> str:
    """The index as the registry has it now."""
    functies: dict[str, str] = {}
    namen: dict[str, str] = {}
    for naam, model in typen().items():
        functie = model.journaalregel
        kort = f"_{functie.__module__.removeprefix('events.')}_{functie.__name__}"
        bron = inspect.getsource(functie)
        functies[kort] = re.sub(r"^def \w+\(", f"def {kort}(", bron, count=1)
        namen[naam] = kort
    assert set(HULP) <= set(KOP.split("import ")[-1].replace(",", " ").split())
    delen = [KOP, "GROEPEN: dict[str, str] = {"]
    delen += [f"    {json.dumps(post)}: {json.dumps(groep)}," for post, groep in sorted(GROEPEN.items())]
    delen += ["}", *(f"\n\n{bron.rstrip()}" for bron in functies.values()), "\n", "SAMENVATTINGEN = {"]
    delen += [f"    {json.dumps(naam)}: {kort}," for naam, kort in namen.items()]
    delen += ["}"]
    return "\n".join(delen) + "\n"


if __name__ == "__main__":
    DOEL.write_text(tekst(), encoding="utf-8")
    print(f"{DOEL.relative_to(DOEL.parents[1])}: {len(typen())} typen")
