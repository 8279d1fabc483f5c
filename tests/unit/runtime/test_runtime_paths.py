"""Where bundled resources and user files are found."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

import console
from console import paths

REPO = Path(console.__file__).resolve().parent.parent


def test_user_dirs_live_under_tianmu_home(tianmu_home: Path) -> None:
    found = {
        "config": paths.config_dir(),
        "data": paths.data_dir(),
        "cache": paths.cache_dir(),
        "log": paths.log_dir(),
        "evidence": paths.evidence_dir(),
    }
    for kind, path in found.items():
        assert path == tianmu_home / kind
        assert path.is_dir()
    assert paths.settings_file() == tianmu_home / "config" / "settings.toml"


def test_without_tianmu_home_the_platform_folders_are_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TIANMU_HOME")
    assert paths.tianmu_home() is None
    assert paths.config_dir(create=False) == platformdirs.user_config_path(
        "tianmu", appauthor=False
    )
    assert paths.log_dir(create=False) == platformdirs.user_log_path("tianmu", appauthor=False)


def test_resources_of_a_source_checkout_are_found() -> None:
    assert paths.resources_dir() == REPO / "resources"
    assert paths.resource("i18n").is_dir()


def test_resources_inside_an_installed_package_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "console"
    (package / "resources" / "i18n").mkdir(parents=True)
    monkeypatch.setattr(paths.importlib.resources, "files", lambda _name: package)
    assert paths.resource("i18n") == package / "resources" / "i18n"


def test_site_packages_resources_of_another_project_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "console"
    package.mkdir(parents=True)
    (tmp_path / "site-packages" / "resources").mkdir()
    monkeypatch.setattr(paths.importlib.resources, "files", lambda _name: package)
    with pytest.raises(paths.ResourcesNotFound):
        paths.resources_dir()


def test_a_frozen_build_uses_its_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "console" / "resources").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir() == tmp_path / "console" / "resources"
