"""The wall workspace on disk: every page, its layout, its cameras and its screen, as JSON.

Writes are atomic (a temporary file in the same folder, flushed to disk, then renamed over
the old one), so a crash or a power cut leaves either the previous workspace or the new one,
never half of each. A file that cannot be read is set aside (``*.corrupt``) and the console
starts with a fresh wall rather than refusing to start.

``workspace_to_dict`` is cheap and runs where the wall lives (the GUI thread);
``write_workspace`` and ``read_workspace`` touch the disk and belong on a worker.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console import paths
from console.wall.layout import Layout, LayoutError, LayoutLibrary
from console.wall.model import ScreenRef, Wall, WallPage

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
FILE_NAME = "wall-workspace.json"


class WorkspaceError(ValueError):
    """The saved workspace is not one this version can read."""


@dataclass
class Workspace:
    """A wall and the custom layouts saved with it."""

    wall: Wall
    library: LayoutLibrary


def default_path() -> Path:
    return paths.data_dir() / FILE_NAME


def workspace_to_dict(wall: Wall, library: LayoutLibrary) -> dict[str, Any]:
    """Plain data for ``write_workspace``; transient pages are left out."""
    saved: list[dict[str, Any]] = []
    current = 0
    for index, page in enumerate(wall.pages):
        if page.transient:
            continue
        if index == wall.current:
            current = len(saved)
        saved.append(
            {
                "name": page.name,
                "layout": page.layout.to_dict(),
                "cameras": list(page.cameras),
                "screen": (
                    None
                    if page.screen is None
                    else {"name": page.screen.name, "index": page.screen.index}
                ),
            }
        )
    return {
        "version": FORMAT_VERSION,
        "layouts": library.to_list(),
        "current": current,
        "pages": saved,
    }


def workspace_from_dict(data: dict[str, Any]) -> Workspace:
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise WorkspaceError(f"unsupported workspace version {data.get('version')!r}")
    try:
        library = LayoutLibrary.from_list(data.get("layouts", []))
        pages = [_page_from_dict(item) for item in data["pages"]]
        current = int(data.get("current", 0))
    except (KeyError, TypeError, ValueError, LayoutError) as exc:
        raise WorkspaceError(f"malformed workspace: {exc}") from exc
    return Workspace(Wall(pages, current), library)


def _page_from_dict(item: dict[str, Any]) -> WallPage:
    cameras = [None if c is None else str(c) for c in item.get("cameras", [])]
    screen_data = item.get("screen")
    screen = (
        None
        if screen_data is None
        else ScreenRef(str(screen_data["name"]), int(screen_data["index"]))
    )
    return WallPage(
        layout=Layout.from_dict(item["layout"]),
        cameras=cameras,
        name=str(item.get("name", "")),
        screen=screen,
    )


def write_workspace(path: Path, data: dict[str, Any]) -> None:
    """Replace ``path`` with ``data`` atomically (see the module docstring)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    encoded = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(encoded)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # The rename itself is only durable once the folder's entry is on disk (POSIX).
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_workspace(path: Path) -> Workspace | None:
    """The saved workspace, or None when there is none or it is unreadable (then set aside)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        return workspace_from_dict(json.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, ValueError) as exc:
        aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
        logger.warning("the saved wall workspace is unreadable (%s); kept it as %s", exc, aside)
        try:
            os.replace(path, aside)
        except OSError:
            logger.exception("could not set the unreadable workspace aside")
        return None
