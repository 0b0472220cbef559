"""The saldo rule, once, in SQL: what every amount row leaves in force, in knowledge order.

The rows of a post and year are numbered by (bekend_op, geboekt_op of their
first event, position). The begroting in force is the last raming, and a
wijziging adds to it. The prognose is the last absolute information plus the
changes after it; changes before any absolute information add to the raming in
force at the first of them. Likewise per year the begroot saldo is the last
stated saldo plus the wijzigingen after it, and its incidental part the
begroting's incidenteel_saldo plus the incidental wijzigingen. Numbering and
running windows keep it one pass, no joins. `saldo` reads the last row on its
date; the journal export reads the last row of every day.
"""

from __future__ import annotations

POSTEN = """
zicht AS (
  SELECT id, soort, post, richting, onderdeel_van, jaar, cents, incidenteel, bekend_op, keten_geboekt_op,
    keten_positie, bron, versie
  FROM {postbedragen} WHERE {zichtbaar} AND jaar BETWEEN :j1 AND :j2
    AND soort IN ('raming', 'wijziging', 'prognose', 'mutatie', 'pm', 'pm_mutatie', 'onderdeel', 'neutraal')
),
gegroepeerd AS (
  SELECT zicht.*, ROW_NUMBER() OVER tot_hier AS nr,
    COUNT(CASE WHEN soort = 'raming' THEN 1 END) OVER tot_hier AS begroting_nr,
    COUNT(CASE WHEN soort = 'prognose' THEN 1 END) OVER tot_hier AS informatie_nr
  FROM zicht WINDOW tot_hier AS (PARTITION BY post, jaar ORDER BY {kennisvolgorde} ROWS UNBOUNDED PRECEDING)
),
lopend AS (
  SELECT gegroepeerd.*,
    SUM(CASE WHEN soort IN ('raming', 'wijziging') THEN cents ELSE 0 END)
      OVER (PARTITION BY post, jaar, begroting_nr ORDER BY nr ROWS UNBOUNDED PRECEDING) AS raming_na,
    MAX(CASE WHEN soort = 'prognose' THEN cents END) OVER informatie_tot_hier AS absoluut,
    SUM(CASE WHEN soort = 'mutatie' THEN cents ELSE 0 END) OVER informatie_tot_hier AS mutaties_na,
    COUNT(CASE WHEN soort = 'mutatie' THEN 1 END) OVER informatie_tot_hier AS aantal_mutaties,
    MIN(CASE WHEN soort = 'mutatie' THEN nr END) OVER informatie_tot_hier AS eerste_mutatie
  FROM gegroepeerd
  WINDOW informatie_tot_hier AS (PARTITION BY post, jaar, informatie_nr ORDER BY nr ROWS UNBOUNDED PRECEDING)
),
met_basis AS (
  SELECT lopend.*,
    MAX(CASE WHEN nr = eerste_mutatie THEN raming_na END) OVER (PARTITION BY post, jaar, informatie_nr) AS basis
  FROM lopend
),
verloop AS (
  SELECT met_basis.*,
    CASE WHEN informatie_nr > 0 THEN absoluut + mutaties_na
         WHEN aantal_mutaties > 0 THEN basis + mutaties_na END AS prognose_na
  FROM met_basis
)"""
# A raming starts a new begroting_nr: the running sum within it is that raming plus the wijzigingen after
# it. An absolute prognose starts a new informatie_nr: within it, that amount plus the changes after it.
# Before any absolute prognose, the changes add to the raming in force at the first of them (`basis`).
# Running windows suffice throughout: a group's prognose is its first row, and a row needs `basis` only
# from its group's first change on; one window definition is one sort, so they are shared where they can be.

BEGROOT_VERLOOP = """
zicht AS (
  SELECT id, soort, richting, jaar, cents, incidenteel, bekend_op, keten_geboekt_op, keten_positie, bron
  FROM {postbedragen}
  WHERE {zichtbaar} AND jaar BETWEEN :j1 AND :j2 AND soort IN ('saldo', 'saldo_incidenteel', 'wijziging')
),
genummerd AS (
  SELECT zicht.*, ROW_NUMBER() OVER (PARTITION BY jaar ORDER BY {kennisvolgorde}) AS nr,
    COUNT(CASE WHEN soort = 'saldo' THEN 1 END)
      OVER (PARTITION BY jaar ORDER BY {kennisvolgorde} ROWS UNBOUNDED PRECEDING) AS begroting_nr
  FROM zicht
),
verloop AS (
  SELECT genummerd.*,
    SUM(CASE WHEN soort = 'saldo' THEN cents WHEN soort = 'saldo_incidenteel' THEN 0
             WHEN richting = 'baten' THEN cents ELSE -cents END) OVER begroting AS begroot_na,
    SUM(CASE WHEN soort = 'saldo_incidenteel' THEN cents
             WHEN soort = 'wijziging' AND incidenteel THEN CASE WHEN richting = 'baten' THEN cents ELSE -cents END
             ELSE 0 END) OVER begroting AS incidenteel_na
  FROM genummerd WINDOW begroting AS (PARTITION BY jaar, begroting_nr ORDER BY nr ROWS UNBOUNDED PRECEDING)
)"""
# The begroting's saldo row and its incidenteel_saldo row carry the same knowledge order; the saldo
# row is written first, so it starts the begroting_nr that the incidental row then belongs to.

PER_POST = (
    "WITH"
    + POSTEN
    + """,
gemarkeerd AS (
  SELECT verloop.*,
    CASE WHEN soort = 'pm' THEN cents WHEN soort = 'pm_mutatie' THEN COALESCE(prognose_na, raming_na) + cents
    END AS pm_bedrag,
    MAX(nr) OVER per_post AS laatste,
    MAX(CASE WHEN soort IN ('prognose', 'mutatie') THEN nr END) OVER per_post AS info,
    MAX(CASE WHEN soort IN ('pm', 'pm_mutatie') THEN nr END) OVER per_post AS laatste_pm,
    MAX(CASE WHEN soort = 'onderdeel' THEN nr END) OVER per_post AS laatste_deel,
    MAX(CASE WHEN soort = 'neutraal' THEN nr END) OVER per_post AS laatste_neutraal
  FROM verloop WINDOW per_post AS (PARTITION BY post, jaar)
)
SELECT post, jaar, MAX(richting) AS richting,
  MAX(CASE WHEN soort IN ('raming', 'wijziging', 'prognose', 'mutatie') THEN 1 ELSE 0 END) AS is_post,
  MAX(CASE WHEN nr = laatste THEN raming_na END) AS raming,
  MAX(CASE WHEN nr = laatste THEN prognose_na END) AS prognose,
  MAX(CASE WHEN nr = info THEN versie END) AS prognose_versie,
  MAX(CASE WHEN nr = info AND incidenteel THEN 1 ELSE 0 END) AS incidenteel,
  MAX(CASE WHEN laatste_neutraal > info THEN 1 ELSE 0 END) AS budgetneutraal,
  MAX(CASE WHEN nr = laatste_pm AND nr > COALESCE(info, 0) THEN pm_bedrag END) AS pm,
  MAX(CASE WHEN nr = laatste_pm THEN versie END) AS pm_versie,
  MAX(CASE WHEN nr = laatste_pm THEN bron END) AS pm_bron,
  MAX(CASE WHEN soort = 'onderdeel' AND nr = laatste_deel THEN cents END) AS deel,
  MAX(CASE WHEN soort = 'onderdeel' AND nr = laatste_deel THEN onderdeel_van END) AS deel_van,
  MAX(CASE WHEN soort = 'onderdeel' AND nr = laatste_deel THEN versie END) AS deel_versie,
  MAX(CASE WHEN soort = 'onderdeel' AND nr = laatste_deel THEN bron END) AS deel_bron,
  MAX(CASE WHEN soort = 'onderdeel' AND nr = laatste_deel AND incidenteel THEN 1 ELSE 0 END) AS deel_incidenteel
FROM gemarkeerd GROUP BY post, jaar ORDER BY jaar, post
"""
)
# The figure is what the last row of a post and year left in force (POSTEN above); a pm
# shows until a later information sets the post; a component is the last one stated. A pass-through
# row follows its information row in the same event: the post is budgetneutraal while that row is the
# last information (a later one is numbered after it).

BEGROOT = (
    "WITH"
    + BEGROOT_VERLOOP
    + """
SELECT jaar, MAX(CASE WHEN nr = laatste THEN begroot_na END) AS begroot,
  MAX(CASE WHEN nr = laatste THEN incidenteel_na END) AS begroot_incidenteel
FROM (SELECT verloop.*, MAX(nr) OVER (PARTITION BY jaar) AS laatste FROM verloop) laatste_per_jaar
GROUP BY jaar ORDER BY jaar
"""
)

PROGRAMMAS = """
SELECT post, programma FROM {postbedragen} WHERE {zichtbaar} AND programma IS NOT NULL
ORDER BY {kennisvolgorde}
"""
