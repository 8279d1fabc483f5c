"""The committed forms in console/gui/forms/ are what pyside6-uic makes of ui/*.ui today."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "console" / "gui" / "forms"
UIC = Path(sys.executable).parent / "pyside6-uic"


def _forms() -> list[Path]:
    return sorted(UI_DIR.glob("*.ui"))


def test_every_form_is_compiled() -> None:
    expected = {f"ui_{ui.stem}.py" for ui in _forms()}
    present = {p.name for p in FORMS_DIR.glob("ui_*.py")}
    assert expected, "no .ui forms found"
    assert present == expected, "run the uic command in console/gui/forms/__init__.py"


@pytest.mark.parametrize("ui", _forms(), ids=lambda p: p.name)
def test_compiled_form_is_fresh(ui: Path, tmp_path: Path) -> None:
    generated = tmp_path / f"ui_{ui.stem}.py"
    subprocess.run(
        [str(UIC), "--no-autoconnection", str(ui), "-o", str(generated)],
        check=True,
        timeout=60,
    )
    committed = FORMS_DIR / generated.name
    assert committed.read_text(encoding="utf-8") == generated.read_text(encoding="utf-8"), (
        f"{committed.relative_to(ROOT)} is stale; regenerate it from {ui.relative_to(ROOT)}"
    )
