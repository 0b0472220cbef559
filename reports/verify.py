"""What `verify` found, as the lines the CLI prints and the web page shows."""

from __future__ import annotations

from projections.verify import Verificatie

ZONDER_SLEUTEL = "no seal key: --seal-key FILE or BEGROTING_SEAL_KEY_FILE"


def regels(controle: Verificatie, heads: object = None) -> list[str]:
    """Every finding, then the verdict; `heads` names the receipt checked against, if any."""
    alles = [*_keten(controle), *_zegels(controle), *_rest(controle, heads)]
    return [*alles, "verify: OK" if controle.in_orde else "verify: FAILED"]


def _keten(c: Verificatie) -> list[str]:
    k = c.keten
    regels = [f"hash chain: {k.events} events checked, {len(k.breuken)} broken stream(s)"]
    regels += [f"  BROKEN at {b.event}: {b.melding}" for b in k.breuken]
    return regels + [f"  UNDECODABLE {b.event}: {b.melding}" for b in k.onleesbaar]


def _zegels(c: Verificatie) -> list[str]:
    k = c.keten
    if c.zegel_gecontroleerd:
        kop = f"seals: {k.verzegeld} sealed event(s) checked, {len(k.zegelbreuken)} missing or wrong"
    else:
        kop = f"seals: not checked ({ZONDER_SLEUTEL}); {k.verzegeld} event(s) carry a seal"
    regels = [kop] + [f"  SEAL {b.event}: {b.melding}" for b in k.zegelbreuken]
    for s in sorted(k.stromen.values(), key=lambda s: s.naam):
        if s.onverzegeld and c.zegel_gecontroleerd:
            regels.append(f"  unsealed, recorded before the ledger was sealed: {s.naam}-0001..{s.onverzegeld:04d}")
    return regels


def _rest(c: Verificatie, heads: object) -> list[str]:
    regels = []
    if c.bonnen is not None:
        regels.append(f"heads: checked against {heads}, {len(c.bonnen)} gemeente(n) no longer hold it")
        regels += [f"  HEAD {b.event}: {b.melding}" for b in c.bonnen]
    regels.append("triggers: " + ("the append-only triggers stand" if not c.triggers else "NOT all in place"))
    regels += [f"  TRIGGER {t}" for t in c.triggers]
    if c.herbouw_fout:
        return [*regels, f"read models: NOT compared: {c.herbouw_fout}"]
    regels.append("read models: " + ", ".join(f"{naam} {n} rows" for naam, n in c.rijen.items()))
    for v in c.verschillen:
        regels.append(f"  DIFFERS {v.tabel}: {v.alleen_live} row(s) only live, {v.alleen_herbouwd} only in the rebuild")
        regels += [f"    {voorbeeld}" for voorbeeld in v.voorbeelden]
    return regels
