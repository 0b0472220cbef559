"""The checks `record` runs before it writes, which ask the ledger as the read side holds it.

What a type warns of against the ledger (its `waarschuwer` hook), the documents' amounts without a raming
in force, and the dry run of a document's own `controle`: all on the record's own connection, inside its
transaction, writing nothing that stays. A room of its own above `projections/` (whose queries they use),
so the read side holds only answers to questions.
"""
