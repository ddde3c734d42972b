"""Shared fixtures: the real spaCy pipeline, real DuckDB files in tmp_path, the gold folder."""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "gold"


@pytest.fixture(scope="session")
def nlp():
    from wardrums.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD_DIR.is_dir():
        pytest.skip(f"gold data folder {GOLD_DIR} is absent")
    return GOLD_DIR


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture(autouse=True)
def _no_user_actors(monkeypatch):
    """A developer's own actors file must not change what the tests see."""
    monkeypatch.setenv("WARDRUMS_ACTORS", "")
