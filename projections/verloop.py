"""The saldo rule, once, in SQL: what every amount row leaves in force, in knowledge order.

The rows of a post and year are numbered by (bekend_op, geboekt_op of their
first event, position). The begroting in force is the last raming, and a
wijziging adds to it; the prognose is the last information; likewise per year
the begroot saldo is the last stated saldo plus the wijzigingen after it.
Numbering and running windows keep it one pass, no joins. `saldo` reads the
last row on its date; the journal export reads the last row of every day.
"""

from __future__ import annotations

POSTEN = """
zicht AS (
  SELECT id, soort, post, richting, onderdeel_van, jaar, cents, bekend_op, keten_geboekt_op, keten_positie, bron, versie
  FROM {postbedragen} WHERE {zichtbaar} AND jaar BETWEEN :j1 AND :j2
    AND soort IN ('raming', 'wijziging', 'prognose', 'pm', 'onderdeel')
),
genummerd AS (
  SELECT zicht.*, ROW_NUMBER() OVER (PARTITION BY post, jaar ORDER BY {kennisvolgorde}) AS nr FROM zicht
),
gegroepeerd AS (
  SELECT genummerd.*,
    COUNT(CASE WHEN soort = 'raming' THEN 1 END) OVER tot_hier AS begroting_nr,
    COUNT(CASE WHEN soort = 'prognose' THEN 1 END) OVER tot_hier AS informatie_nr
  FROM genummerd WINDOW tot_hier AS (PARTITION BY post, jaar ORDER BY nr ROWS UNBOUNDED PRECEDING)
),
verloop AS (
  SELECT gegroepeerd.*,
    SUM(CASE WHEN soort IN ('raming', 'wijziging') THEN cents ELSE 0 END)
      OVER (PARTITION BY post, jaar, begroting_nr ORDER BY nr ROWS UNBOUNDED PRECEDING) AS raming_na,
    MAX(CASE WHEN soort = 'prognose' THEN cents END) OVER (PARTITION BY post, jaar, informatie_nr) AS prognose_na
  FROM gegroepeerd
)"""
# A raming starts a new begroting_nr, so the running sum within it is that raming plus the wijzigingen
# after it (before any raming: the wijzigingen alone, on a begroting of 0). A prognose starts a new
# informatie_nr, and every row after it, up to the next one, sees its amount.

BEGROOT = """
zicht AS (
  SELECT id, soort, richting, jaar, cents, bekend_op, keten_geboekt_op, keten_positie, bron FROM {postbedragen}
  WHERE {zichtbaar} AND jaar BETWEEN :j1 AND :j2 AND soort IN ('saldo', 'wijziging')
),
genummerd AS (
  SELECT zicht.*, ROW_NUMBER() OVER (PARTITION BY jaar ORDER BY {kennisvolgorde}) AS nr,
    COUNT(CASE WHEN soort = 'saldo' THEN 1 END)
      OVER (PARTITION BY jaar ORDER BY {kennisvolgorde} ROWS UNBOUNDED PRECEDING) AS begroting_nr
  FROM zicht
),
verloop AS (
  SELECT genummerd.*,
    SUM(CASE WHEN soort = 'saldo' THEN cents WHEN richting = 'baten' THEN cents ELSE -cents END)
      OVER (PARTITION BY jaar, begroting_nr ORDER BY nr ROWS UNBOUNDED PRECEDING) AS begroot_na
  FROM genummerd
)"""
