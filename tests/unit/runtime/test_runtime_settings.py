"""The settings schema, its TOML file and its validation."""

from __future__ import annotations

import logging
import re
import threading
import tomllib
from pathlib import Path
from typing import Any

import pytest

from console import paths, settings
from console.settings import SCHEMA, Setting, SettingError, Settings, atomic_write

CHANGED_VALUES: dict[str, Any] = {
    "server_url": "https://tianmu.qh.example:8443",
    "language": "zh_CN",
    "video.network_caching_ms": 800,
    "video.max_main_streams": 2,
    "video.stale_after_s": 5.5,
    "video.thread_nice": 10,
    "patrol.step_mode": "own_dwell",
    "patrol.preroll_s": 5.0,
    "video.output": "native",
    "alerts.sound": False,
    "ui.remember_layout": False,
    "log.level": "DEBUG",
    "map.tiles": "tianditu",
    "map.mbtiles_path": "/srv/maps/qionghai.mbtiles",
    "map.tianditu_key": "0123456789abcdef0123456789abcdef",
    "map.xyz_template": "https://tiles.example.cn/{z}/{x}/{y}.png",
    "map.xyz_coordinates": "gcj02",
    "review.cache_limit_mb": 512,
}


@pytest.fixture
def settings_path(tianmu_home: Path) -> Path:
    return paths.settings_file()


def test_every_initial_setting_has_a_changed_value_here() -> None:
    assert set(CHANGED_VALUES) == {s.key for s in SCHEMA}
    for definition in SCHEMA:
        assert CHANGED_VALUES[definition.key] != definition.default
        assert definition.validate(definition.default) == definition.default


def test_defaults_without_a_file(settings_path: Path) -> None:
    current = Settings()
    assert current.path == settings_path
    assert current.get("server_url") == "http://127.0.0.1:8000"
    assert current.get("language") == "system"
    assert current.get("video.network_caching_ms") == 300
    assert current.get("video.max_main_streams") == 4
    assert current.get("video.stale_after_s") == 2.5
    assert current.get("video.output") == "painted"
    assert current.get("ui.remember_layout") is True
    assert current.get("log.level") == "INFO"
    assert not settings_path.exists()


def test_values_round_trip_through_the_file(settings_path: Path) -> None:
    Settings().set_many(CHANGED_VALUES)
    reread = Settings()
    assert reread.values() == CHANGED_VALUES
    document = tomllib.loads(settings_path.read_text(encoding="utf-8"))
    assert document["video"]["max_main_streams"] == 2
    assert document["ui"]["remember_layout"] is False


def test_reset_returns_to_the_default_and_leaves_the_file(settings_path: Path) -> None:
    current = Settings()
    current.set("video.max_main_streams", 9)
    current.reset("video.max_main_streams")
    assert Settings().get("video.max_main_streams") == 4
    document = tomllib.loads(settings_path.read_text(encoding="utf-8"))
    assert "max_main_streams" not in document.get("video", {})


def test_unknown_keys_are_preserved(settings_path: Path) -> None:
    settings_path.write_text(
        'future_option = "kept"\n'
        "[video]\nnetwork_caching_ms = 500\nhardware_decoding = true\n"
        '[plugins.heatmap]\nopacity = 0.4\nname = "热力图"\n',
        encoding="utf-8",
    )
    current = Settings()
    assert current.get("video.network_caching_ms") == 500
    assert current.unknown() == {
        "future_option": "kept",
        "video.hardware_decoding": True,
        "plugins": {"heatmap": {"opacity": 0.4, "name": "热力图"}},
    }
    current.set("video.max_main_streams", 6)
    document = tomllib.loads(settings_path.read_text(encoding="utf-8"))
    assert document["future_option"] == "kept"
    assert document["video"] == {
        "network_caching_ms": 500,
        "hardware_decoding": True,
        "max_main_streams": 6,
    }
    assert document["plugins"]["heatmap"]["name"] == "热力图"


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("video.max_main_streams", "four", "must be a whole number; got 'four'"),
        ("video.max_main_streams", True, "must be a whole number; got True"),
        ("video.max_main_streams", 2.5, "must be a whole number; got 2.5"),
        ("video.max_main_streams", 65, "must be at most 64; got 65"),
        ("video.network_caching_ms", -1, "must be at least 0; got -1"),
        ("video.stale_after_s", 0.1, "must be at least 0.5; got 0.1"),
        ("ui.remember_layout", 1, "must be true or false; got 1"),
        ("language", "fr", "must be one of: system, zh_CN, en; got 'fr'"),
        ("log.level", "verbose", "must be one of: DEBUG, INFO, WARNING, ERROR; got 'verbose'"),
        ("server_url", "ftp://server", "must be an http:// or https:// address with a host name"),
        ("server_url", "127.0.0.1:8000", "must be an http:// or https:// address with a host name"),
    ],
)
def test_invalid_values_are_rejected_with_a_clear_error(
    settings_path: Path, key: str, value: Any, reason: str
) -> None:
    current = Settings()
    with pytest.raises(SettingError) as caught:
        current.set(key, value)
    assert caught.value.key == key
    assert caught.value.reason == reason
    assert str(caught.value) == f"{key}: {reason}"
    assert current.get(key) == current.definition(key).default
    assert not settings_path.exists()


def test_one_invalid_value_stops_the_whole_batch(settings_path: Path) -> None:
    current = Settings()
    current.set("video.max_main_streams", 8)
    before = settings_path.read_bytes()
    with pytest.raises(SettingError, match="video.stale_after_s"):
        current.set_many({"video.max_main_streams": 3, "video.stale_after_s": "soon"})
    assert current.get("video.max_main_streams") == 8
    assert settings_path.read_bytes() == before


def test_unknown_setting_is_an_error() -> None:
    with pytest.raises(SettingError, match="no such setting"):
        Settings().set("video.brightness", 3)


def test_whole_numbers_are_accepted_for_decimal_settings() -> None:
    current = Settings()
    current.set("video.stale_after_s", 4)
    assert current.get("video.stale_after_s") == 4.0
    assert isinstance(current.get("video.stale_after_s"), float)


def test_a_bad_value_in_the_file_falls_back_to_the_default(
    settings_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings_path.write_text('[video]\nmax_main_streams = "lots"\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="console.settings"):
        assert Settings().get("video.max_main_streams") == 4
    assert "video.max_main_streams" in caplog.text


def test_a_broken_file_is_set_aside_not_overwritten(settings_path: Path) -> None:
    settings_path.write_text("[video\nmax_main_streams = 3\n", encoding="utf-8")
    current = Settings()
    assert current.get("video.max_main_streams") == 4
    set_aside = list(settings_path.parent.glob("settings.toml.broken-*"))
    assert len(set_aside) == 1
    assert set_aside[0].read_text(encoding="utf-8").startswith("[video\n")


def test_change_callbacks(settings_path: Path) -> None:
    current = Settings()
    everything: list[tuple[str, Any]] = []
    video_only: list[tuple[str, Any]] = []
    current.on_change(lambda k, v: everything.append((k, v)))
    unsubscribe = current.on_change(
        lambda k, v: video_only.append((k, v)), key="video.max_main_streams"
    )

    def broken(_key: str, _value: Any) -> None:
        raise RuntimeError("a listener bug")

    current.on_change(broken)
    current.set("video.max_main_streams", 6)
    current.set("video.max_main_streams", 6)  # unchanged: no callback
    current.set("language", "en")
    unsubscribe()
    current.set("video.max_main_streams", 7)
    current.reset("language")
    assert everything == [
        ("video.max_main_streams", 6),
        ("language", "en"),
        ("video.max_main_streams", 7),
        ("language", "system"),
    ]
    assert video_only == [("video.max_main_streams", 6)]


def test_writes_go_through_the_given_writer(settings_path: Path) -> None:
    written: list[tuple[Path, bytes]] = []
    current = Settings(write=lambda path, data: written.append((path, data)))
    current.set("language", "zh_CN")
    assert written
    assert written[-1][0] == settings_path
    assert tomllib.loads(written[-1][1].decode())["language"] == "zh_CN"
    assert not settings_path.exists()


def test_atomic_write_leaves_the_old_file_when_replacing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    target = folder / "settings.toml"
    target.write_bytes(b"language = 'en'\n")

    def failing_replace(_src: object, _dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(settings.os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        atomic_write(target, b"language = 'zh_CN'\n")
    assert target.read_bytes() == b"language = 'en'\n"
    assert sorted(p.name for p in folder.iterdir()) == ["settings.toml"]


def test_readers_never_see_a_half_written_file(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    versions = [
        f'server_url = "http://10.0.0.{n}:8000"\n'
        + "".join(f"[plugin{i}]\nvalue = {n * 1000 + i}\n" for i in range(300))
        for n in (1, 2)
    ]
    atomic_write(target, versions[0].encode())
    expected = [tomllib.loads(v) for v in versions]
    problems: list[str] = []
    done = threading.Event()

    def read_continuously() -> None:
        while not done.is_set():
            try:
                if tomllib.loads(target.read_text(encoding="utf-8")) not in expected:
                    problems.append("a mixture of two versions")
            except (tomllib.TOMLDecodeError, FileNotFoundError) as error:
                problems.append(repr(error))

    reader = threading.Thread(target=read_continuously)
    reader.start()
    try:
        for n in range(200):
            atomic_write(target, versions[n % 2].encode())
    finally:
        done.set()
        reader.join(timeout=10)
    assert problems == []


SECRET_WORDS = re.compile(r"pass|pwd|token|secret|credential|key|auth|cookie", re.IGNORECASE)


# Tianditu's "tk" is a browser key that travels in every tile URL the map fetches: a public
# identifier of the deployment, not a credential (it is still kept out of logs).
PUBLIC_KEYS = {"map.tianditu_key"}


def test_the_schema_holds_no_secrets() -> None:
    # Tokens and passwords belong in the OS keyring; a setting that could hold one is a bug.
    for definition in SCHEMA:
        if definition.key in PUBLIC_KEYS:
            continue
        assert not SECRET_WORDS.search(definition.key), definition.key
        assert not SECRET_WORDS.search(definition.label), definition.label


@pytest.mark.parametrize(
    "url",
    ["http://duty:hunter22@127.0.0.1:8000", "https://token-abc@tianmu.example", "http://:pw@host"],
)
def test_a_server_address_with_credentials_is_refused(settings_path: Path, url: str) -> None:
    with pytest.raises(SettingError, match="must not contain a user name or password"):
        Settings().set("server_url", url)
    assert not settings_path.exists()


def test_custom_validator_and_schema() -> None:
    even = Setting(
        key="wall.columns",
        type=int,
        default=4,
        label="Columns",
        description="Tiles per row",
        group="Wall",
        validator=lambda v: None if v % 2 == 0 else "must be even",
    )
    current = Settings(schema=(even,))
    with pytest.raises(SettingError, match="wall.columns: must be even"):
        current.set("wall.columns", 3)
    current.set("wall.columns", 6)
    assert list(current) == ["wall.columns"]
