"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def checkout() -> Path:
    """The checkout's top folder."""
    return CHECKOUT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (the CSL test suite, the corpus, the Farr strings); skips without it."""
    shared = CHECKOUT.parent / "shared"
    if not shared.is_dir():
        pytest.skip(f"no shared data folder at {shared} (CI and the developers' machines have one)")
    return shared
