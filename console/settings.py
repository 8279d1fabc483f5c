"""The console's settings: one declarative schema, persisted as TOML in the config folder.

``SCHEMA`` lists every setting with its type, default, choices and a translatable label and
description; the settings dialog is generated from it. ``Settings`` reads and writes the file,
validates every value against the schema, keeps keys it does not know (a newer version's, or
a plugin's) and tells subscribers about changes.

Secrets never live here: tokens and passwords belong in the OS keyring.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import tomli_w
from PySide6.QtCore import QCoreApplication

from console import paths
from console.map import tiles
from console.text import fill
from console.video.worker import DEFAULT_VIDEO_NICE

logger = logging.getLogger(__name__)

ChangeCallback = Callable[[str, Any], None]
Validator = Callable[[Any], str | None]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks ``text`` for translation in ``context`` without translating it yet.

    Same as Qt's, but typed as returning ``str`` (PySide6's stub says ``object``).
    """
    return text


class SettingError(ValueError):
    """A value that the schema does not allow, or a key it does not know. The message says why
    in words an operator can act on."""

    def __init__(self, key: str, reason: str):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


@dataclass(frozen=True)
class Setting:
    """One setting: its dotted key (``video.max_main_streams`` is ``[video] max_main_streams``
    in the file), value type, default, and what the dialog shows. ``label``, ``description``,
    ``group`` and the choice labels are source strings marked with QT_TRANSLATE_NOOP."""

    key: str
    type: type
    default: Any
    label: str
    description: str
    group: str
    choices: tuple[Any, ...] | None = None
    choice_labels: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    validator: Validator | None = None

    def validate(self, value: Any) -> Any:
        """Return ``value`` in the setting's type, or raise SettingError saying what is wrong."""
        value = self._coerce(value)
        if self.choices is not None and value not in self.choices:
            allowed = ", ".join(str(c) for c in self.choices)
            raise SettingError(
                self.key,
                fill(
                    QCoreApplication.translate("Settings", "must be one of: %1; got %2"),
                    allowed,
                    repr(value),
                ),
            )
        if self.minimum is not None and value < self.minimum:
            raise SettingError(
                self.key,
                fill(
                    QCoreApplication.translate("Settings", "must be at least %1; got %2"),
                    _number(self.minimum),
                    _number(value),
                ),
            )
        if self.maximum is not None and value > self.maximum:
            raise SettingError(
                self.key,
                fill(
                    QCoreApplication.translate("Settings", "must be at most %1; got %2"),
                    _number(self.maximum),
                    _number(value),
                ),
            )
        if self.validator is not None:
            problem = self.validator(value)
            if problem:
                raise SettingError(self.key, problem)
        return value

    def _coerce(self, value: Any) -> Any:
        wanted = self.type
        # bool is an int in Python, but "true" is never a sensible stream count.
        if wanted is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if wanted is float and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if wanted in (bool, str) and isinstance(value, wanted):
            return value
        raise SettingError(
            self.key,
            fill(
                QCoreApplication.translate("Settings", "must be %1; got %2"),
                _type_name(wanted),
                repr(value),
            ),
        )


def _number(value: float) -> str:
    return f"{value:g}"


def _type_name(kind: type) -> str:
    names = {
        bool: QT_TRANSLATE_NOOP("Settings", "true or false"),
        int: QT_TRANSLATE_NOOP("Settings", "a whole number"),
        float: QT_TRANSLATE_NOOP("Settings", "a number"),
        str: QT_TRANSLATE_NOOP("Settings", "text"),
    }
    return QCoreApplication.translate("Settings", names.get(kind, kind.__name__))


def _check_server_url(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return QCoreApplication.translate(
            "Settings", "must be an http:// or https:// address with a host name"
        )
    if parts.username is not None or parts.password is not None:
        # Credentials in the address would end up in this file; they belong in the keyring.
        return QCoreApplication.translate("Settings", "must not contain a user name or password")
    return None


def _map_problem(problem: tiles.TileProblem | None) -> str | None:
    # The texts are marked in console/map/tiles.py (context "MapTiles"); translated here.
    if problem is None:
        return None
    return problem.render(lambda text: QCoreApplication.translate("MapTiles", text))


def _check_tile_template(value: str) -> str | None:
    return _map_problem(tiles.template_problem(value))


def _check_tianditu_key(value: str) -> str | None:
    # The reason never repeats the value: the key must stay out of logs.
    return _map_problem(tiles.tianditu_key_problem(value))


SCHEMA: tuple[Setting, ...] = (
    Setting(
        key="server_url",
        type=str,
        default="http://127.0.0.1:8000",
        label=QT_TRANSLATE_NOOP("Settings", "Server address"),
        description=QT_TRANSLATE_NOOP(
            "Settings", "Address of the Tianmu backend this console connects to."
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Connection"),
        validator=_check_server_url,
    ),
    Setting(
        key="language",
        type=str,
        default="system",
        label=QT_TRANSLATE_NOOP("Settings", "Language"),
        description=QT_TRANSLATE_NOOP(
            "Settings", "Language of the console. Takes effect after a restart."
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Interface"),
        choices=("system", "zh_CN", "en"),
        choice_labels=(
            QT_TRANSLATE_NOOP("Settings", "Same as the system"),
            QT_TRANSLATE_NOOP("Settings", "Simplified Chinese"),
            QT_TRANSLATE_NOOP("Settings", "English"),
        ),
    ),
    Setting(
        key="ui.remember_layout",
        type=bool,
        default=True,
        label=QT_TRANSLATE_NOOP("Settings", "Remember the window layout"),
        description=QT_TRANSLATE_NOOP(
            "Settings", "Restore window size, docks and the video wall layout at start-up."
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Interface"),
    ),
    Setting(
        key="video.network_caching_ms",
        type=int,
        default=300,
        label=QT_TRANSLATE_NOOP("Settings", "Network buffer (ms)"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "How much live video is buffered before it is shown. Lower is closer to real "
            "time; higher rides out an unsteady network. Applies to cameras opened after "
            "the change.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Video"),
        minimum=0,
        maximum=10_000,
    ),
    Setting(
        key="video.max_main_streams",
        type=int,
        default=4,
        label=QT_TRANSLATE_NOOP("Settings", "Main streams at once"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "How many tiles may play a camera's full-quality main stream at the same time; "
            "the others play the sub stream.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Video"),
        minimum=0,
        maximum=64,
    ),
    Setting(
        key="video.output",
        type=str,
        default="painted",
        label=QT_TRANSLATE_NOOP("Settings", "Video output"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "Painted: the console paints every picture, with the camera's name and state over "
            "it, the last picture kept while a camera reconnects, and digital zoom. Native: "
            "the video library draws into the tile itself, which costs less CPU; name and "
            "state sit above and below the picture and there is no zoom. Applies to cameras "
            "opened after the change.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Video"),
        choices=("painted", "native"),
        choice_labels=(
            QT_TRANSLATE_NOOP("Settings", "Painted by the console"),
            QT_TRANSLATE_NOOP("Settings", "Native window"),
        ),
    ),
    Setting(
        key="video.stale_after_s",
        type=float,
        default=2.5,
        label=QT_TRANSLATE_NOOP("Settings", "Frozen after (s)"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "A tile without a new picture for this long is marked stale and reconnected.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Video"),
        minimum=0.5,
        maximum=60.0,
    ),
    Setting(
        key="video.thread_nice",
        type=int,
        default=DEFAULT_VIDEO_NICE,
        label=QT_TRANSLATE_NOOP("Settings", "Video decoding priority (steps below)"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "How many priority steps (nice values) video decoding runs below the rest of the "
            "console, so that the interface reacts sooner while many cameras play. On a "
            "machine short of processor time, decoding below other programs may drop "
            "pictures. 0 runs it at the same priority. Linux only; applies to cameras opened "
            "after the change.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Video"),
        minimum=0,
        maximum=19,
    ),
    Setting(
        key="patrol.step_mode",
        type=str,
        default="together",
        label=QT_TRANSLATE_NOOP("Settings", "Patrol screens"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "With the wall on several screens, a patrol moves every screen to its next page "
            "at the same time, or each screen on its own when its dwell is up or its cameras "
            "are judged.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Video"),
        choices=("together", "own_dwell"),
        choice_labels=(
            QT_TRANSLATE_NOOP("Settings", "All screens step together"),
            QT_TRANSLATE_NOOP("Settings", "Each screen on its own dwell"),
        ),
    ),
    Setting(
        key="patrol.preroll_s",
        type=float,
        # A cold page of 16 tiles went live in 1.6-2.1 s on two busy cores (bench/patrol.py).
        default=3.0,
        label=QT_TRANSLATE_NOOP("Settings", "Patrol pre-roll (s)"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "The longest a patrol step's cameras play hidden before it, so that the step "
            "shows live pictures at once. The console learns how long the cameras take to "
            "start and begins that long ahead, with a margin; this is also the lead before "
            "any camera has been timed. A dwell shorter than this pre-rolls for the whole "
            "dwell.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Video"),
        minimum=0.5,
        maximum=600.0,
    ),
    Setting(
        key="alerts.sound",
        type=bool,
        default=True,
        label=QT_TRANSLATE_NOOP("Settings", "Sound for urgent alerts"),
        description=QT_TRANSLATE_NOOP(
            "Settings", "Play a sound when a new high-priority alert arrives."
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Alerts"),
    ),
    Setting(
        key="log.level",
        type=str,
        default="INFO",
        label=QT_TRANSLATE_NOOP("Settings", "Log detail"),
        description=QT_TRANSLATE_NOOP("Settings", "How much the console writes to its log file."),
        group=QT_TRANSLATE_NOOP("Settings", "Diagnostics"),
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        choice_labels=(
            QT_TRANSLATE_NOOP("Settings", "Everything (debug)"),
            QT_TRANSLATE_NOOP("Settings", "Normal"),
            QT_TRANSLATE_NOOP("Settings", "Warnings and errors"),
            QT_TRANSLATE_NOOP("Settings", "Errors only"),
        ),
    ),
    Setting(
        key="map.tiles",
        type=str,
        default="demo",
        label=QT_TRANSLATE_NOOP("Settings", "Map tiles"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "Where the map's background comes from. The offline map needs no network; the "
            "others need the tile server to be reachable. Takes effect when the map opens.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Map"),
        choices=("demo", "osm", "tianditu", "xyz"),
        choice_labels=(
            QT_TRANSLATE_NOOP("Settings", "Offline map file"),
            QT_TRANSLATE_NOOP("Settings", "OpenStreetMap"),
            QT_TRANSLATE_NOOP("Settings", "Tianditu"),
            QT_TRANSLATE_NOOP("Settings", "Other tile server"),
        ),
    ),
    Setting(
        key="map.mbtiles_path",
        type=str,
        default="",
        label=QT_TRANSLATE_NOOP("Settings", "Offline map file"),
        description=QT_TRANSLATE_NOOP(
            "Settings", "An MBTiles file to use offline; empty uses the bundled demo map."
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Map"),
    ),
    Setting(
        key="map.tianditu_key",
        type=str,
        default="",
        label=QT_TRANSLATE_NOOP("Settings", "Tianditu key"),
        description=QT_TRANSLATE_NOOP(
            "Settings", "The developer key (tk) from the Tianditu console; never written to logs."
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Map"),
        validator=_check_tianditu_key,
    ),
    Setting(
        key="map.xyz_template",
        type=str,
        default="",
        label=QT_TRANSLATE_NOOP("Settings", "Tile server address"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "Address of the tiles with {z}, {x} and {y}, e.g. "
            "https://tiles.example.cn/{z}/{x}/{y}.png; {s} or {s:1234} for subdomains.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Map"),
        validator=_check_tile_template,
    ),
    Setting(
        key="map.xyz_coordinates",
        type=str,
        default="auto",
        label=QT_TRANSLATE_NOOP("Settings", "Tile server coordinates"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "The coordinate system the tile server draws in. Gaode/AMap-style maps use "
            "GCJ-02; automatic recognises the common ones by their address.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Map"),
        choices=("auto", "wgs84", "gcj02"),
        choice_labels=(
            QT_TRANSLATE_NOOP("Settings", "Automatic"),
            QT_TRANSLATE_NOOP("Settings", "WGS-84 (GPS, OpenStreetMap, Tianditu)"),
            QT_TRANSLATE_NOOP("Settings", "GCJ-02 (Gaode/AMap, Tencent)"),
        ),
    ),
    Setting(
        key="review.cache_limit_mb",
        type=int,
        default=4096,
        label=QT_TRANSLATE_NOOP("Settings", "Recordings cache (MB)"),
        description=QT_TRANSLATE_NOOP(
            "Settings",
            "How much disk the recordings downloaded for offline review may take; the least "
            "recently used are removed first.",
        ),
        group=QT_TRANSLATE_NOOP("Settings", "Review"),
        minimum=16,
        maximum=1_000_000,
    ),
)

SCHEMA_BY_KEY: dict[str, Setting] = {s.key: s for s in SCHEMA}


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a reader (or a crash) sees the old file or the
    new one, never half of either."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _lookup(tree: Mapping[str, Any], key: str) -> Any:
    node: Any = tree
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            raise KeyError(key)
        node = node[part]
    return node


def _store(tree: dict[str, Any], key: str, value: Any) -> None:
    *parents, leaf = key.split(".")
    node = tree
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[leaf] = value


def _remove(tree: dict[str, Any], key: str) -> None:
    *parents, leaf = key.split(".")
    node: Any = tree
    for part in parents:
        node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, dict):
        node.pop(leaf, None)


class Settings:
    """The operator's settings, backed by a TOML file.

    The file holds only what was set explicitly (defaults stay in the schema, so a new
    version's better default reaches everyone who never changed it) plus any keys this
    version does not know. ``write`` performs the actual file write; the console passes one
    that runs on the task runner's store lane, tests use the synchronous default.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        schema: tuple[Setting, ...] = SCHEMA,
        write: Callable[[Path, bytes], None] = atomic_write,
    ):
        self.path = path if path is not None else paths.settings_file()
        self._schema = {s.key: s for s in schema}
        self._write = write
        self._tree: dict[str, Any] = {}
        self._callbacks: list[tuple[str | None, ChangeCallback]] = []
        self._load()

    # ------------------------------------------------------------------ reading

    @property
    def schema(self) -> tuple[Setting, ...]:
        return tuple(self._schema.values())

    def definition(self, key: str) -> Setting:
        try:
            return self._schema[key]
        except KeyError:
            raise SettingError(
                key, QCoreApplication.translate("Settings", "no such setting")
            ) from None

    def get(self, key: str) -> Any:
        definition = self.definition(key)
        try:
            raw = _lookup(self._tree, key)
        except KeyError:
            return definition.default
        try:
            return definition.validate(raw)
        except SettingError as error:
            logger.warning("Ignoring the stored value of %s (%s); using the default", key, error)
            return definition.default

    def is_default(self, key: str) -> bool:
        return bool(self.get(key) == self.definition(key).default)

    def values(self) -> dict[str, Any]:
        """Every known setting's current value, by key."""
        return {key: self.get(key) for key in self._schema}

    def unknown(self) -> dict[str, Any]:
        """The keys in the file that the schema does not define (kept as they are)."""
        found: dict[str, Any] = {}

        def walk(node: Mapping[str, Any], prefix: str) -> None:
            for name, value in node.items():
                key = f"{prefix}{name}"
                if key in self._schema:
                    continue
                if isinstance(value, Mapping) and any(
                    k.startswith(f"{key}.") for k in self._schema
                ):
                    walk(value, f"{key}.")
                else:
                    found[key] = value

        walk(self._tree, "")
        return found

    # ------------------------------------------------------------------ writing

    def set(self, key: str, value: Any) -> None:
        """Validate and store one value; raises SettingError and changes nothing if invalid."""
        self.set_many({key: value})

    def set_many(self, values: Mapping[str, Any]) -> None:
        """Validate every value first, then store them with one write."""
        checked = {key: self.definition(key).validate(value) for key, value in values.items()}
        before = {key: self.get(key) for key in checked}
        for key, value in checked.items():
            _store(self._tree, key, value)
        self._save()
        for key, value in checked.items():
            if before[key] != value:
                self._notify(key, value)

    def reset(self, key: str) -> None:
        """Go back to the schema's default (the key leaves the file)."""
        before = self.get(key)
        _remove(self._tree, key)
        self._save()
        after = self.get(key)
        if before != after:
            self._notify(key, after)

    def on_change(self, callback: ChangeCallback, key: str | None = None) -> Callable[[], None]:
        """Call ``callback(key, value)`` after a change (to ``key`` only, if given).

        Returns a function that unsubscribes.
        """
        entry = (key, callback)
        self._callbacks.append(entry)

        def unsubscribe() -> None:
            if entry in self._callbacks:
                self._callbacks.remove(entry)

        return unsubscribe

    # ------------------------------------------------------------------ internals

    def _notify(self, key: str, value: Any) -> None:
        for wanted, callback in list(self._callbacks):
            if wanted is not None and wanted != key:
                continue
            try:
                callback(key, value)
            except Exception:
                logger.exception("A settings listener failed for %s", key)

    def _load(self) -> None:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return
        try:
            self._tree = tomllib.loads(data.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            # Keep the operator's file for inspection instead of overwriting it on next save.
            backup = self.path.with_name(
                f"{self.path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}"
            )
            os.replace(self.path, backup)
            logger.warning(
                "Settings file %s is not valid TOML (%s); moved it to %s and using defaults",
                self.path,
                error,
                backup,
            )
            self._tree = {}

    def _save(self) -> None:
        self._write(self.path, tomli_w.dumps(self._tree).encode("utf-8"))

    def __iter__(self) -> Iterator[str]:
        return iter(self._schema)
