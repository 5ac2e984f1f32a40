"""Where the project and the shared gold data live, for tests in any folder.

A module of its own (not conftest): ``tests/app`` and ``tests/e2e`` have conftests too, and a
plain ``from conftest import`` would pick whichever was imported last.
"""

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
