"""The review window's Bookmarks tab: the bookmarks inside the open clips, in time order,
with whether each is on the server yet. A double click goes to the bookmark's moment."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.gui.plain_text import plain_label, plain_tooltip, set_plain_text
from console.gui.review.wall_time import wall_text
from console.store.bookmarks import LocalBookmark
from console.text import fill

_DATA = Qt.ItemDataRole.UserRole


class BookmarksPanel(QWidget):
    """See the module docstring.

    Signals:
        add_requested(): the operator wants a bookmark at the playhead.
        remove_requested(object): the operator wants this LocalBookmark removed.
        bookmark_chosen(object): the operator wants to go to this LocalBookmark.
    """

    add_requested = Signal()
    remove_requested = Signal(object)
    bookmark_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("review_bookmarks_panel")
        self.list = QTreeWidget()
        self.list.setObjectName("review_bookmarks")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Time"), self.tr("Camera"), self.tr("Note")])
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.list.itemDoubleClicked.connect(self._on_list_item_double_clicked)
        self.add_button = QPushButton(self.tr("Add at playhead…"))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.message = plain_label(QLabel())
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        column.addWidget(self.message)

    def show_bookmarks(self, marks: list[LocalBookmark], names: Mapping[str, str]) -> None:
        """Show ``marks``; ``names`` maps camera ids and file paths to what the clip is called."""
        self.list.clear()
        for mark in marks:
            key = mark.camera_id or mark.file_path or ""
            note = mark.note if not mark.incident_id else f"{mark.note} · {mark.incident_id}"
            if mark.camera_id is not None and not mark.synced:
                note = fill(self.tr("(waiting to be sent) %1"), note)
            item = QTreeWidgetItem([wall_text(mark.at)[11:], names.get(key, key), note])
            item.setData(0, _DATA, mark)
            item.setToolTip(2, plain_tooltip(mark.note))
            self.list.addTopLevelItem(item)

    def say(self, text: str) -> None:
        set_plain_text(self.message, text)

    def _on_list_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.bookmark_chosen.emit(item.data(0, _DATA))

    def _on_remove_button_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.remove_requested.emit(item.data(0, _DATA))
