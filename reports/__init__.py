"""Answers as data: each question's answer as neutral reports, rendered by one set of renderers.

Layering: events <- ledger <- projections <- reports <- cli. Nothing here imports cli/.
"""
