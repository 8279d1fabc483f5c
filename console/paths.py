"""Where Tianmu finds its bundled files and keeps the operator's files.

This is the only module that knows how the application is laid out on disk:

* bundled resources (translations, icons, styles, web assets) live in ``resources/`` at the
  top of a source checkout, in ``console/resources`` inside an installed wheel, and under
  ``sys._MEIPASS`` in a frozen build;
* user files (settings, local store, caches, logs, exported evidence) go to the platform's
  usual folders (``platformdirs``), or all under one folder when ``TIANMU_HOME`` is set.
  Tests set ``TIANMU_HOME`` to a temporary folder so nothing touches the real home.

Every function reads the environment when called, so a change to ``TIANMU_HOME`` takes effect
at once.
"""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "tianmu"
HOME_ENV = "TIANMU_HOME"


class ResourcesNotFound(RuntimeError):
    """The bundled ``resources`` folder could not be located (a broken installation)."""


def _frozen_root() -> Path | None:
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) if root else None


def _resource_candidates() -> list[Path]:
    candidates: list[Path] = []
    frozen = _frozen_root()
    if frozen is not None:
        candidates += [frozen / "console" / "resources", frozen / "resources"]
    package = importlib.resources.files("console")
    # Resources must be real files (Qt loads translations and styles by file name), so a
    # package imported from a zip archive is not supported; only a directory counts.
    if isinstance(package, Path):
        candidates.append(package / "resources")
        # A source checkout (or an editable install) keeps resources/ next to console/; the
        # pyproject check keeps an unrelated site-packages/resources from being picked up.
        if (package.parent / "pyproject.toml").is_file():
            candidates.append(package.parent / "resources")
    return candidates


def resources_dir() -> Path:
    """The folder holding the bundled resources (``i18n/``, ``icons/``, ``styles/``, ``web/``)."""
    for candidate in _resource_candidates():
        if candidate.is_dir():
            return candidate
    looked = ", ".join(str(c) for c in _resource_candidates())
    raise ResourcesNotFound(f"no resources folder found (looked in: {looked})")


def resource(*parts: str) -> Path:
    """The path of one bundled file or folder, e.g. ``resource("i18n", "tianmu_zh_CN.qm")``."""
    return resources_dir().joinpath(*parts)


def tianmu_home() -> Path | None:
    """The folder named by ``TIANMU_HOME``, or None when user files go to the platform folders."""
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def _user_dir(kind: str, platform_path: Path, *, create: bool) -> Path:
    home = tianmu_home()
    path = home / kind if home is not None else platform_path
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir(*, create: bool = True) -> Path:
    """Settings (``settings.toml``) and other small files the operator may edit."""
    return _user_dir(
        "config", platformdirs.user_config_path(APP_NAME, appauthor=False), create=create
    )


def data_dir(*, create: bool = True) -> Path:
    """The local store and other data the console must keep across runs."""
    return _user_dir("data", platformdirs.user_data_path(APP_NAME, appauthor=False), create=create)


def cache_dir(*, create: bool = True) -> Path:
    """Data that can be rebuilt at any time (map tiles, thumbnails)."""
    return _user_dir(
        "cache", platformdirs.user_cache_path(APP_NAME, appauthor=False), create=create
    )


def log_dir(*, create: bool = True) -> Path:
    """The rotating log files."""
    return _user_dir("log", platformdirs.user_log_path(APP_NAME, appauthor=False), create=create)


def evidence_dir(*, create: bool = True) -> Path:
    """Exported evidence packages; a visible folder because operators hand these on."""
    return _user_dir(
        "evidence", platformdirs.user_documents_path() / "Tianmu" / "evidence", create=create
    )


def settings_file() -> Path:
    """The TOML settings file."""
    return config_dir() / "settings.toml"
