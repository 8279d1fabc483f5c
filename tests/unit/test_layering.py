"""Layering rules that import-linter cannot express (it cannot name a sub-module of PySide6)."""

from __future__ import annotations

import ast
from pathlib import Path

import console

PACKAGE = Path(console.__file__).parent


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_gui_imports_qt_widgets() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "gui" or relative.name == "app.py":
            continue
        widget_imports = {m for m in _imported_modules(path) if m.startswith("PySide6.QtWidgets")}
        if widget_imports:
            offenders.append(f"{relative}: {sorted(widget_imports)}")
    assert offenders == [], "Qt widgets imported outside console.gui:\n" + "\n".join(offenders)
