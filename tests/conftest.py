"""Shared fixtures: one spaCy model per session, a temporary data folder, a Prefect test harness."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("FACTWIRE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def nlp():
    """The English model, loaded once for the whole session."""
    from factwire.nlp import load_nlp

    return load_nlp()


@pytest.fixture
def settings(tmp_path):
    """Settings pointing at an empty data folder."""
    from factwire.settings import get_settings

    return get_settings(tmp_path / "data")


@pytest.fixture(scope="session")
def prefect_harness():
    """A throwaway Prefect API for the flows under test."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
