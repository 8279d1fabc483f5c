"""Translations: the build script, the catalogues, and what the console shows."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from console import i18n

MY_CONTEXTS = ("Settings", "SettingsDialog", "CrashDialog", "TaskRunner")


@pytest.fixture
def build(build_script: ModuleType) -> ModuleType:
    return build_script


@pytest.fixture
def restore_language(qapp: Any) -> Iterator[None]:
    locale = QLocale()
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(locale)


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def test_chinese_comes_back_after_installing_zh_cn(
    catalogues: None, restore_language: None, qapp: Any
) -> None:
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    assert _tr("Settings", "Server address") == "服务器地址"
    assert _tr("TaskRunner", "A background task failed") == "后台任务失败"
    assert QLocale().name() == "zh_CN"
    # Qt's own catalogue comes along, so standard buttons speak Chinese too.
    assert _tr("QPlatformTheme", "Cancel") == "取消"


def test_english_and_switching_back(catalogues: None, restore_language: None, qapp: Any) -> None:
    i18n.install_translator(qapp, "zh_CN")
    assert i18n.install_translator(qapp, "en") == "en"
    assert _tr("Settings", "Server address") == "Server address"
    assert _tr("QPlatformTheme", "Cancel") == "Cancel"


@pytest.mark.parametrize(
    ("system", "expected"),
    [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("en_GB", "en"), ("fr_FR", "en")],
)
def test_system_language_is_followed(system: str, expected: str) -> None:
    assert i18n.resolve_language("system", QLocale(system)) == expected
    assert i18n.resolve_language("en", QLocale(system)) == "en"


def test_pseudo_locale_stretches_every_string(
    catalogues: None, restore_language: None, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TIANMU_PSEUDO_LOCALE", "1")
    i18n.install_translator(qapp, "zh_CN")
    shown = _tr("Settings", "Server address")
    assert shown.startswith("[服务器地址")
    assert shown.endswith("]")
    untranslated = _tr("NoSuchContext", "A string nobody translated yet")
    assert untranslated.startswith("[A string nobody translated yet")
    assert len(untranslated) >= 1.4 * len("A string nobody translated yet")


@pytest.mark.parametrize("text", ["OK", "Server address", "巡逻", "%1 of %2 cameras online"])
def test_pseudo_stretch_keeps_the_text_and_placeholders(text: str) -> None:
    stretched = i18n.PseudoTranslator.stretch(text)
    assert stretched[1 : 1 + len(text)] == text
    assert len(stretched) >= 1.4 * len(text)


def test_my_strings_are_fully_translated(build: ModuleType) -> None:
    gaps = build.gaps(build.ts_file("zh_CN"), "zh_CN")
    assert [g for g in gaps if g.context in MY_CONTEXTS] == []
    contexts = {g.context for g in gaps}
    assert contexts.isdisjoint(MY_CONTEXTS)


def test_check_finds_unfinished_missing_and_plural_gaps(build: ModuleType, tmp_path: Path) -> None:
    ts = tmp_path / "tianmu_zh_CN.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Wall</name>
    <message><source>Done</source><translation>完成</translation></message>
    <message><source>Unfinished</source><translation type="unfinished">草稿</translation></message>
    <message><source>Empty</source><translation></translation></message>
    <message><source>Gone</source><translation type="vanished">旧</translation></message>
    <message numerus="yes"><source>%n tiles</source>
        <translation><numerusform></numerusform></translation></message>
    <message numerus="yes"><source>%n units</source>
        <translation><numerusform>%n 个单位</numerusform></translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    assert [g.source for g in build.gaps(ts, "zh_CN")] == ["Unfinished", "Empty", "%n tiles"]
    assert [g.source for g in build.gaps(ts, "en", plurals_only=True)] == ["%n tiles"]


def test_check_reports_a_string_added_to_the_code(
    build: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    extra = tmp_path / "new_panel.py"
    extra.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        'TITLE = QCoreApplication.translate("PatrolPanel", "Patrol verdict pending")\n',
        encoding="utf-8",
    )
    real_sources = build.sources
    monkeypatch.setattr(build, "sources", lambda: [*real_sources(), extra])
    before = build.ts_file("zh_CN").read_bytes()
    assert build.main(["--check"]) == 1
    assert "zh_CN: [PatrolPanel] 'Patrol verdict pending'" in capsys.readouterr().err
    assert build.ts_file("zh_CN").read_bytes() == before  # --check never edits the tree


def test_the_script_runs_as_a_program(build: ModuleType) -> None:
    import subprocess

    done = subprocess.run(
        [sys.executable, str(Path(build.__file__)), "--release"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "tianmu_zh_CN.qm" in done.stdout
