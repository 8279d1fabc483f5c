"""Designer forms compiled by ``pyside6-uic`` from ``ui/*.ui``; never edit these by hand.

Regenerate after changing a form (tests/gui/shell/test_forms_fresh.py checks they match)::

    for ui in ui/*.ui; do
        .venv/bin/pyside6-uic --no-autoconnection "$ui" -o "console/gui/forms/ui_$(basename "$ui" .ui).py"
    done
"""

from typing import Any

from PySide6.QtWidgets import QWidget


def setup_form(form: Any, widget: QWidget) -> None:
    """``form.setupUi(widget)``; generated code carries no type hints, so it is called here."""
    form.setupUi(widget)


def retranslate_form(form: Any, widget: QWidget) -> None:
    """``form.retranslateUi(widget)``, after the application's language changed."""
    form.retranslateUi(widget)
