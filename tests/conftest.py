"""Shared fixtures: where the project and the shared gold data live."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_b53da4b4a8ff433b.txt"
DEMO = ROOT / "data" / "demo"

# Shared, noisy machines: no per-example deadline (speed lives in bench/, not in tests).
settings.register_profile("project", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("project")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is only beside the project in development and CI)")
    return path


@pytest.fixture
def seed_path() -> Path:
    return shared_path("seed", "000_b53da4b4a8ff433b.txt")
