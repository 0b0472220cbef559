"""The event store's recorder is the library's, with only its public interface overridden."""

from __future__ import annotations

from eventsourcing.persistence import ApplicationRecorder
from eventsourcing_sqlalchemy.recorders import SQLAlchemyApplicationRecorder

from storage.recorder import BulkRecorder, Factory


def test_the_bulk_recorder_overrides_no_private_method_of_the_event_store_library() -> None:
    van_de_bibliotheek = {naam for klasse in SQLAlchemyApplicationRecorder.__mro__ for naam in vars(klasse)}
    overschreven = {n for n, w in vars(BulkRecorder).items() if callable(w)} & van_de_bibliotheek
    assert sorted(n for n in overschreven if n.startswith("_") and not n.startswith("__")) == []
    assert "insert_events" in overschreven and "insert_events" in ApplicationRecorder.__abstractmethods__


def test_the_factory_makes_the_bulk_recorder() -> None:
    assert Factory.application_recorder_class is BulkRecorder
