"""Showing text from the server or an operator exactly as written, never as HTML.

Qt guesses whether a string is rich text (``Qt.mightBeRichText``: a tag in the first line)
for labels in ``AutoText`` format, tooltips and message boxes. A camera called
``<b>Gate</b>`` would then show bold, an ``<img>`` would load, a ``<script>`` would vanish.
Every widget that shows such text goes through this module:

- labels: ``plain_label`` / ``set_plain_text`` fix the format to ``PlainText``;
- tooltips: ``plain_tooltip`` returns rich text whose content is escaped, so Qt never
  guesses and the words (line breaks included) come out as written;
- message boxes: ``plain_message_box`` sets ``PlainText`` before any text goes in;
- forms: ``plain_form_labels`` makes every label of a Designer form plain;
- ``escape`` is for the rare place that builds HTML on purpose around such text.

Long single words still wrap in tooltips (``pre-wrap``), so a 200-character name cannot
make a tooltip wider than the screen.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

_TOOLTIP_OPEN = "<p style='white-space:pre-wrap'>"
_TOOLTIP_CLOSE = "</p>"


def escape(text: str) -> str:
    """``text`` made safe to put inside HTML (quotes included)."""
    return html.escape(text, quote=True)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally: explicitly rich, with the content escaped.

    An empty text stays empty, so that it still means "no tooltip".
    """
    if not text:
        return ""
    return _TOOLTIP_OPEN + escape(text) + _TOOLTIP_CLOSE


def set_plain_tooltip(widget: QWidget, text: str) -> None:
    widget.setToolTip(plain_tooltip(text))


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text as written from now on; returns it for chaining."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def set_plain_text(label: QLabel, text: str) -> None:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)


def plain_form_labels(root: QWidget) -> None:
    """Every QLabel under ``root`` (a Designer form, say) shows plain text."""
    for label in root.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_message_box(box: QMessageBox) -> QMessageBox:
    """Make ``box`` show its text and informative text as written; returns it."""
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
