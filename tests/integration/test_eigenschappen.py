"""Properties: every saldo the read models give equals the reference fold, on both time axes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents.documenten import document_uit
from events.errors import LedgerError
from ledger.application import BegrotingApp
from ledger.bootstrap import bootstrap
from projections.reader import Reader
from projections.zicht import Zicht
from tests import referentie
from tests.referentie import Handeling

G = "GM1680"
POSTEN = {"p.a": "baten", "p.b": "lasten", "p.c": "lasten", "algemene_uitkering": "baten", "buig": "baten"}
POSTEN |= {"iu.x": "baten", "iu.y": "baten"}
JAREN = st.sampled_from([2020, 2021, 2022])
BEGIN = date(2020, 1, 1)
DAGEN = st.integers(0, 45).map(lambda d: BEGIN + timedelta(days=d))
BEDRAG = st.integers(-(10**7), 10**7).map(lambda c: Decimal(c) / 100)
BEDRAGEN = st.dictionaries(JAREN, BEDRAG, min_size=1, max_size=3)
VERWERKING = st.sampled_from(["verwerkt", "verwerkt", "pm"])
INSTELLINGEN = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _posten(draw: st.DrawFn) -> list[dict]:
    namen = draw(st.lists(st.sampled_from(sorted(POSTEN)), min_size=1, max_size=3, unique=True))
    posten = [
        {"post": n, "richting": POSTEN[n], "bedragen": draw(BEDRAGEN), "incidenteel": draw(st.booleans())}
        for n in namen
    ]
    pm = draw(st.sampled_from([None, None, "p.a", "p.c"]))  # a line named without amounts
    return posten + ([{"post": pm, "richting": POSTEN[pm], "pm": True}] if pm and pm not in namen else [])


@st.composite
def uitkering(draw: st.DrawFn) -> dict:
    """An integratie-uitkering passed on in all its years, some, or none."""
    uit = {"naam": draw(st.sampled_from(["x", "y"])), **draw(reeks())}
    jaren = sorted({*uit.get("bedragen", {}), *uit.get("mutaties", {})})
    return uit | {"budgetneutraal": draw(st.sampled_from([True, False, jaren[:1]]))}


@st.composite
def reeks(draw: st.DrawFn) -> dict:
    """Amounts given absolute, as changes, or some years each way."""
    bedragen = draw(BEDRAGEN)
    als_mutatie = draw(st.sets(st.sampled_from(sorted(bedragen))))
    uit = {"bedragen": {j: b for j, b in bedragen.items() if j not in als_mutatie}}
    uit["mutaties"] = {j: b for j, b in bedragen.items() if j in als_mutatie}
    return {k: v for k, v in uit.items() if v}


@st.composite
def feit(draw: st.DrawFn, soort: str | None = None) -> dict:
    soorten = ["begroting", "begrotingswijziging", "prognose", "circulaire", "circulaire", "buig", "corona", "corona"]
    soort = soort or draw(st.sampled_from(soorten))
    basis = {"bekend_op": draw(DAGEN)}
    if soort == "begroting":
        saldo = draw(st.dictionaries(JAREN, BEDRAG, max_size=2))
        incidenteel = draw(st.dictionaries(JAREN, BEDRAG, max_size=1))
        posten = _posten(draw)
        return basis | {
            "type": "begroting",
            "naam": "B",
            "saldo": saldo,
            "incidenteel_saldo": incidenteel,
            "posten": posten,
        }
    if soort == "begrotingswijziging":
        return basis | {"type": "begrotingswijziging", "naam": "BW", "posten": _posten(draw)}
    if soort == "prognose":
        post = draw(st.sampled_from(sorted(POSTEN)))
        if draw(st.integers(0, 5)) == 0:
            return basis | {"type": "prognose", "post": post, "richting": POSTEN[post], "pm": True}
        return basis | {
            "type": "prognose",
            "post": post,
            "richting": POSTEN[post],
            "verwerking": draw(VERWERKING),
            "incidenteel": draw(st.booleans()),
            **draw(reeks()),
        }
    if soort == "circulaire":
        return basis | {
            "type": "circulaire",
            "soort": "mei",
            "jaar": 2020,
            **{f"algemene_uitkering{'_mutatie' * (k == 'mutaties')}": v for k, v in draw(reeks()).items()},
            "integratie_uitkeringen": draw(st.lists(uitkering(), max_size=2, unique_by=lambda u: u["naam"])),
            "verwerking": draw(VERWERKING),
        }
    if soort == "corona":
        return basis | {
            "type": "corona_compensatie",
            "maatregel": draw(st.sampled_from(["a", "b"])),
            "route": "algemene_uitkering",
            "bedragen": draw(st.dictionaries(JAREN, BEDRAG.filter(bool), min_size=1, max_size=2)),
            "incidenteel": draw(st.booleans()),
        }
    return basis | {
        "type": "buig_beschikking",
        "fase": "voorlopig",
        "jaar": draw(JAREN),
        "bedrag": draw(BEDRAG),
        "verwerking": draw(VERWERKING),
    }


def document(nummer: int, gegevens: dict) -> dict:
    return {"gemeente": G, "bron": {"id": f"b{nummer}"}, "events": [gegevens]}


def nummer(event_id: str) -> int:
    return int(event_id.split("-")[1])


def als_dict(s) -> dict:
    return {
        "posten": {
            (p.post, p.jaar): {"raming": p.raming, "prognose": p.prognose, "effect": p.effect} for p in s.posten
        },
        "jaren": {
            j: {"begroot_saldo": js.begroot_saldo, "effect": js.effect, "incidenteel_saldo": js.incidenteel_saldo}
            for j, js in s.jaren.items()
        },
        "pm": {(p.post, p.jaar): p.bedrag for p in s.pm},
        "pm_zonder_bedrag": sorted(p.post for p in s.pm_zonder_bedrag),
    }


class Verloop:
    """Runs drawn commands against the application and keeps what the reference fold needs."""

    def __init__(self, app: BegrotingApp) -> None:
        self.app, self.handelingen, self.momenten = app, [], []
        self.keten_van: dict[int, int] = {}
        self.soort_van: dict[int, str] = {}

    def noteer(self, handeling: Handeling) -> None:
        self.handelingen.append(handeling)
        self.keten_van[handeling.versie] = handeling.keten
        self.momenten.append(datetime.now(UTC))

    def boek(self, gegevens: dict) -> None:
        (eid,) = self.app.boek([document_uit(document(len(self.handelingen), gegevens))], "t")[0].event_ids
        versie = nummer(eid)
        self.soort_van[versie] = gegevens["type"]
        self.noteer(
            Handeling(len(self.handelingen), "boek", versie, versie, document_uit(document(0, gegevens)).feiten[0])
        )

    def corrigeer(self, doel: int, gegevens: dict) -> None:
        doc = document_uit(document(len(self.handelingen), gegevens))
        try:
            uitkomst = self.app.corrigeer(f"{G}-{doel:04d}", doc, "correctie", "t")
        except LedgerError:
            return
        if uitkomst.nieuw:
            versie = nummer(uitkomst.event_ids[0])
            self.noteer(Handeling(len(self.handelingen), "corrigeer", versie, self.keten_van[doel], doc.feiten[0]))

    def trek_in(self, doel: int) -> None:
        try:
            (eid,) = self.app.trek_in(f"{G}-{doel:04d}", "weg", "t").event_ids
        except LedgerError:
            return
        self.noteer(Handeling(len(self.handelingen), "trek_in", nummer(eid), self.keten_van[doel], doel=doel))


def speel(data: st.DataObject, verloop: Verloop) -> None:
    for _ in range(data.draw(st.integers(1, 10), label="stappen")):
        versies = sorted(verloop.keten_van)
        keuze = data.draw(st.sampled_from(["boek", "boek", "corrigeer", "trek_in"] if versies else ["boek"]))
        if keuze == "boek":
            verloop.boek(data.draw(feit()))
        elif keuze == "corrigeer":
            doel = data.draw(st.sampled_from(versies))
            soort = verloop.soort_van.get(verloop.keten_van[doel])
            soort = {"buig_beschikking": "buig", "corona_compensatie": "corona"}.get(soort, soort)
            verloop.corrigeer(doel, data.draw(feit(soort)))
        else:
            verloop.trek_in(data.draw(st.sampled_from(versies)))


@INSTELLINGEN
@given(st.data())
def test_every_saldo_equals_the_reference_fold_on_both_axes(data: st.DataObject) -> None:
    app = bootstrap("sqlite:///:memory:")
    verloop = Verloop(app)
    speel(data, verloop)
    reader = Reader(app)
    dagen = sorted(
        {BEGIN - timedelta(days=1), BEGIN + timedelta(days=60)}
        | {h.feit.bekend_op for h in verloop.handelingen if h.feit}
    )
    laatste = len(verloop.handelingen) - 1
    for as_of in dagen:
        assert als_dict(reader.saldo(Zicht(G, as_of))) == referentie.saldo(verloop.handelingen, as_of, laatste)
        for tot, moment in list(enumerate(verloop.momenten))[:-1]:
            verwacht = referentie.saldo(verloop.handelingen, as_of, tot)
            assert als_dict(reader.saldo(Zicht(G, as_of, moment))) == verwacht, (as_of, tot)


@INSTELLINGEN
@given(st.lists(feit(), min_size=1, max_size=8), st.randoms(use_true_random=False))
def test_recording_order_does_not_change_what_was_known(feiten: list[dict], toeval) -> None:
    for i, gegevens in enumerate(feiten):
        gegevens["bekend_op"] = BEGIN + timedelta(days=3 * i)  # distinct dates: no ties left to recording order
    documenten = [document_uit(document(i, f)) for i, f in enumerate(feiten)]
    anders = documenten[:]
    toeval.shuffle(anders)
    uitkomsten = []
    for volgorde in (documenten, anders):
        app = bootstrap("sqlite:///:memory:")
        for doc in volgorde:
            app.boek([doc], "t")
        reader = Reader(app)
        uitkomsten.append(
            [als_dict(reader.saldo(Zicht(G, BEGIN + timedelta(days=d)))) for d in range(-1, 3 * len(feiten))]
        )
    assert uitkomsten[0] == uitkomsten[1]
