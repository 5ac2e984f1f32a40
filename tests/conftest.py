"""Shared fixtures and test settings (paths live in ``project_paths``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from project_paths import shared_path

# Shared, noisy machines: no per-example deadline (speed lives in bench/, not in tests).
settings.register_profile("project", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("project")


@pytest.fixture
def seed_path() -> Path:
    return shared_path("seed", "000_b53da4b4a8ff433b.txt")
