"""Fixtures for the runtime foundation tests."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from console import paths, scrub


@pytest.fixture
def tianmu_home(_isolated_home: Path) -> Path:
    """The private TIANMU_HOME the suite's conftest gives every test."""
    return _isolated_home


@pytest.fixture(autouse=True)
def _no_registered_secrets() -> Iterator[None]:
    scrub.clear_secrets()
    yield
    scrub.clear_secrets()


def load_build_script() -> ModuleType:
    """scripts/build_translations.py, loaded under a private name (scripts/ is not a package)."""
    name = "_tianmu_build_translations"
    if name in sys.modules:
        return sys.modules[name]
    path = paths.resources_dir().parent / "scripts" / "build_translations.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    return load_build_script()


@pytest.fixture(scope="session")
def catalogues(build_script: ModuleType) -> None:
    """The .qm files are build output; build them from the .ts sources once per run."""
    assert build_script.main(["--release"]) == 0
