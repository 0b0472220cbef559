"""What `verify` found, as the lines the CLI prints and the web page shows."""

from __future__ import annotations

from projections.verify import Verificatie
from taal import N_, _, ngettext

ZONDER_SLEUTEL = N_("geen zegelsleutel: --seal-key BESTAND of BEGROTING_SEAL_KEY_FILE")


def regels(controle: Verificatie, heads: object = None) -> list[str]:
    """Every finding, then the verdict; `heads` names the receipt checked against, if any."""
    alles = [*_keten(controle), *_zegels(controle), *_rest(controle, heads)]
    return [*alles, oordeel(controle.in_orde)]


def oordeel(in_orde: bool) -> str:
    """The last line: the verdict the web page colours by."""
    return _("verify: in orde") if in_orde else _("verify: MISLUKT")


def _keten(c: Verificatie) -> list[str]:
    k = c.keten
    events = ngettext("{n} event gecontroleerd", "{n} events gecontroleerd", k.events).format(n=k.events)
    n = len(k.breuken)
    breuken = ngettext("{n} gebroken stroom", "{n} gebroken stromen", n).format(n=n)
    regels = [_("hashketen: {events}, {breuken}").format(events=events, breuken=breuken)]
    regels += [_("  GEBROKEN bij {event}: {melding}").format(event=b.event, melding=b.melding) for b in k.breuken]
    onleesbaar = _("  ONLEESBAAR {event}: {melding}")
    return regels + [onleesbaar.format(event=b.event, melding=b.melding) for b in k.onleesbaar]


def _zegels(c: Verificatie) -> list[str]:
    k = c.keten
    if c.zegel_gecontroleerd:
        kop = ngettext(
            "zegels: {n} verzegeld event gecontroleerd, {mis} ontbrekend of onjuist",
            "zegels: {n} verzegelde events gecontroleerd, {mis} ontbrekend of onjuist",
            k.verzegeld,
        ).format(n=k.verzegeld, mis=len(k.zegelbreuken))
    else:
        kop = ngettext(
            "zegels: niet gecontroleerd ({reden}); {n} event draagt een zegel",
            "zegels: niet gecontroleerd ({reden}); {n} events dragen een zegel",
            k.verzegeld,
        ).format(reden=_(ZONDER_SLEUTEL), n=k.verzegeld)
    regels = [kop] + [_("  ZEGEL {event}: {melding}").format(event=b.event, melding=b.melding) for b in k.zegelbreuken]
    for s in sorted(k.stromen.values(), key=lambda s: s.naam):
        if s.onverzegeld and c.zegel_gecontroleerd:
            regel = _("  onverzegeld, geboekt voordat het grootboek verzegeld werd: {naam}-0001..{tot:04d}")
            regels.append(regel.format(naam=s.naam, tot=s.onverzegeld))
    return regels


def _rest(c: Verificatie, heads: object) -> list[str]:
    regels = []
    if c.bonnen is not None:
        kop = ngettext(
            "heads: gecontroleerd tegen {heads}, {n} gemeente heeft hem niet meer",
            "heads: gecontroleerd tegen {heads}, {n} gemeenten hebben hem niet meer",
            len(c.bonnen),
        )
        regels.append(kop.format(heads=heads, n=len(c.bonnen)))
        regels += [_("  HEAD {event}: {melding}").format(event=b.event, melding=b.melding) for b in c.bonnen]
    staan = _("triggers: de append-only-triggers staan") if not c.triggers else _("triggers: NIET alle aanwezig")
    regels.append(staan)
    regels += [_("  TRIGGER {trigger}").format(trigger=t) for t in c.triggers]
    if c.herbouw_fout:
        return [*regels, _("read models: NIET vergeleken: {fout}").format(fout=c.herbouw_fout)]
    rijen = ", ".join(_("{naam} {n} rijen").format(naam=naam, n=n) for naam, n in c.rijen.items())
    regels.append(_("read models: {rijen}").format(rijen=rijen))
    for v in c.verschillen:
        regel = ngettext(
            "  VERSCHILT {tabel}: {live} rij alleen live, {herbouwd} alleen in de herbouw",
            "  VERSCHILT {tabel}: {live} rijen alleen live, {herbouwd} alleen in de herbouw",
            v.alleen_live,
        )
        regels.append(regel.format(tabel=v.tabel, live=v.alleen_live, herbouwd=v.alleen_herbouwd))
        regels += [f"    {voorbeeld}" for voorbeeld in v.voorbeelden]
    return regels
