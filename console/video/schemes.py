"""Which video source plays which URL scheme on this machine.

libvlc is preferred wherever it can open a scheme; FFmpeg (PyAV) takes the rest. What libvlc
can open depends on how it was built: Debian's VLC 3 has no live555, so no ``rtsp://``. That
is read from the plugin folder of the libvlc actually loaded (cached for the process).
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from console.video.source import VideoSource

logger = logging.getLogger(__name__)

SCHEMES = ("rtsp", "http", "https", "udp", "rtp", "file")

# The libvlc modules that open each scheme (any one of them suffices).
_VLC_MODULES: dict[str, tuple[str, ...]] = {
    "rtsp": ("live555",),
    "rtsps": ("live555",),
    "http": ("http",),
    "https": ("https",),
    "udp": ("udp",),
    "rtp": ("rtp",),
    "file": ("filesystem",),
}
# FFmpeg demuxers/protocols that open each scheme.
_FFMPEG_FORMATS: dict[str, str] = {
    "rtsp": "rtsp",
    "rtsps": "rtsp",
    "http": "mpegts",
    "https": "mpegts",
    "udp": "mpegts",
    "rtp": "rtp",
    "file": "mov",
}


@dataclass(frozen=True)
class SchemeSupport:
    """Whether each engine can open a scheme, and why not when it cannot."""

    scheme: str
    libvlc: bool
    ffmpeg: bool
    detail: str

    @property
    def source_kind(self) -> str | None:
        if self.libvlc:
            return "libvlc"
        if self.ffmpeg:
            return "ffmpeg"
        return None


def _plugin_dirs() -> list[Path]:
    candidates: list[Path] = []
    for variable in ("VLC_PLUGIN_PATH", "PYTHON_VLC_MODULE_PATH"):
        if os.environ.get(variable):
            candidates.append(Path(os.environ[variable]))
    try:
        import vlc

        if getattr(vlc, "plugin_path", None):
            candidates.append(Path(vlc.plugin_path))
        library = getattr(vlc.dll, "_name", None)
        if library:
            resolved = Path(library)
            if not resolved.is_absolute():
                resolved = _loaded_library_path(library) or resolved
            candidates += [resolved.parent / "vlc" / "plugins", resolved.parent / "plugins"]
    except (ImportError, OSError):
        return []
    return [path for path in candidates if path.is_dir()]


def _loaded_library_path(name: str) -> Path | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            for line in maps:
                if name.split(".so")[0] in line and "/" in line:
                    return Path(line[line.index("/") :].strip())
    except OSError:
        return None
    return None


@functools.cache
def _vlc_modules() -> frozenset[str] | None:
    """Module names in libvlc's plugin folders (``libhttp_plugin.so`` -> ``http``), or None
    when libvlc is missing or its plugins cannot be found."""
    try:
        import vlc  # noqa: F401
    except (ImportError, OSError):
        return None
    names: set[str] = set()
    for folder in _plugin_dirs():
        for plugin in folder.rglob("*_plugin.*"):
            stem = plugin.name.split("_plugin.")[0]
            names.add(stem.removeprefix("lib"))
    return frozenset(names) if names else None


@functools.cache
def _ffmpeg_formats() -> frozenset[str] | None:
    try:
        import av
    except ImportError:
        return None
    return frozenset(av.formats_available)


@functools.cache
def scheme_support(scheme: str) -> SchemeSupport:
    """What can open ``scheme`` here (cached for the process)."""
    scheme = scheme.lower()
    modules = _vlc_modules()
    formats = _ffmpeg_formats()
    wanted = _VLC_MODULES.get(scheme, ())
    if modules is None:
        libvlc, vlc_note = False, "libvlc not found"
    elif not wanted:
        libvlc, vlc_note = False, f"libvlc: {scheme} not supported"
    else:
        libvlc = any(module in modules for module in wanted)
        vlc_note = "" if libvlc else f"libvlc lacks the {'/'.join(wanted)} module"
    if formats is None:
        ffmpeg, ffmpeg_note = False, "PyAV not installed"
    else:
        ffmpeg = _FFMPEG_FORMATS.get(scheme, "") in formats
        ffmpeg_note = "" if ffmpeg else f"FFmpeg: {scheme} not supported"
    detail = "; ".join(note for note in (vlc_note, ffmpeg_note) if note)
    return SchemeSupport(scheme=scheme, libvlc=libvlc, ffmpeg=ffmpeg, detail=detail)


def scheme_of(url: str) -> str:
    return (urlsplit(url).scheme or "file").lower()


SourceFactory = Callable[[str], VideoSource]


def factory_for(url: str) -> SourceFactory | None:
    """A constructor (taking a tile name) for the source that plays ``url``, or None."""
    kind = scheme_support(scheme_of(url)).source_kind
    if kind == "libvlc":
        from console.video.vlc_source import VlcSource

        return VlcSource
    if kind == "ffmpeg":
        from console.video.av_source import PyAvSource

        return PyAvSource
    return None
