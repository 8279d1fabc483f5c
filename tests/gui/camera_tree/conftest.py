"""Fixtures for the camera-tree tests: synthetic worlds and a catalog built from them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from console.catalog.cameras import CameraCatalog


def _load_factory() -> ModuleType:
    # tests/ is not a package and is never put on sys.path; load the shared factory by path.
    name = "tianmu_tests_catalog_factory"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parents[2] / "support" / "catalog_factory.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


catalog_factory = _load_factory()


@pytest.fixture(scope="session")
def world_7500():
    return catalog_factory.make_world(7_500)


@pytest.fixture(scope="session")
def small_world():
    return catalog_factory.make_world(400, villages=30, seed=11)


@pytest.fixture
def small_catalog(small_world) -> CameraCatalog:
    return CameraCatalog(
        small_world.regions, small_world.cameras, not_shared=small_world.not_shared
    )


@pytest.fixture
def catalog_7500(world_7500) -> CameraCatalog:
    return CameraCatalog(world_7500.regions, world_7500.cameras, not_shared=world_7500.not_shared)
