"""Designer forms compiled by ``pyside6-uic`` from ``ui/*.ui``; never edit these by hand.

Regenerate after changing a form (tests/gui/shell/test_forms_fresh.py checks they match)::

    for ui in ui/*.ui; do
        .venv/bin/pyside6-uic --no-autoconnection "$ui" -o "console/gui/forms/ui_$(basename "$ui" .ui).py"
    done
"""

from typing import Any

from PySide6.QtWidgets import QWidget

from console.gui.plain_text import plain_form_labels


def setup_form(form: Any, widget: QWidget) -> None:
    """``form.setupUi(widget)``; generated code carries no type hints, so it is called here.

    Every label of a form shows plain text: what goes into them later may come from the
    server or an operator, and must never be taken for markup.
    """
    form.setupUi(widget)
    plain_form_labels(widget)


def retranslate_form(form: Any, widget: QWidget) -> None:
    """``form.retranslateUi(widget)``, after the application's language changed."""
    form.retranslateUi(widget)
