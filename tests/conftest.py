"""Shared fixtures: where the project and the shared gold data live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_b53da4b4a8ff433b.txt"
DEMO = ROOT / "data" / "demo"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is only beside the project in development and CI)")
    return path


@pytest.fixture
def seed_path() -> Path:
    return shared_path("seed", "000_b53da4b4a8ff433b.txt")
