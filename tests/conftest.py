"""Shared fixtures. Append only: several areas add fixtures here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.extract.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def _examples_db_master(tmp_path_factory) -> Path:
    from newsgraph import KnowledgeGraph

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    with KnowledgeGraph.open(path) as kg:
        summary = kg.ingest([EXAMPLES])
    assert summary.documents_failed == 0, summary.failures
    return path


@pytest.fixture
def examples_db(_examples_db_master, tmp_path) -> Path:
    """A private copy of a store with the bundled examples ingested."""
    path = tmp_path / "ng.db"
    shutil.copy(_examples_db_master, path)
    return path
