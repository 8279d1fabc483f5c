"""The sign-in dialog: server address, user name and password."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QWidget

from console.gui.forms import retranslate_form, setup_form
from console.gui.forms.ui_login_dialog import Ui_LoginDialog
from console.gui.text import fill
from console.scrub import scrub
from console.settings import SCHEMA_BY_KEY, SettingError
from console.tasks import NET, Task, TaskRunner

logger = logging.getLogger(__name__)

SignIn = Callable[[str, str, str], Any]
"""``sign_in(server_url, username, password)``: runs off the GUI thread, returns the session
(plain data) or raises."""

Explain = Callable[[BaseException], str]
"""Turns a failed sign-in into one translated sentence for the operator."""

_ERROR_STYLE = "color: #c62828;"


class LoginDialog(QDialog):
    """Asks for the server, user name and password, and signs in through the task runner.

    The dialog never talks to the network itself: ``sign_in`` runs on the runner's network
    lane and its result comes back here. On success ``session`` holds what ``sign_in``
    returned, ``signed_in`` is emitted and the dialog stays up, saying it is opening the
    console, until its owner calls ``accept()`` (once the main window shows, so the
    application never runs without a window) or ``fail()``. On failure ``explain(error)`` is
    shown and the operator may try again. The password lives only in its field and is
    cleared once used.

    Signals:
        signed_in(object): the session returned by ``sign_in``.
    """

    signed_in = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        sign_in: SignIn,
        *,
        explain: Explain | None = None,
        server_url: str = "",
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        setup_form(self.ui, self)
        self._runner = runner
        self._sign_in = sign_in
        self._explain = explain or _plain_explanation
        self._pending: Task | None = None
        self.session: Any = None
        title_font = QFont(self.ui.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.ui.title_label.setFont(title_font)
        self.ui.message_label.hide()
        self.ui.server_edit.setText(server_url)
        self.ui.user_edit.setText(username)
        self.ui.sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        self.ui.cancel_button.clicked.connect(self.reject)
        first_empty = next(
            (
                edit
                for edit in (self.ui.server_edit, self.ui.user_edit, self.ui.password_edit)
                if not edit.text()
            ),
            self.ui.password_edit,
        )
        first_empty.setFocus()

    # ------------------------------------------------------------------ public API

    def is_busy(self) -> bool:
        """Whether a sign-in is on its way to the server."""
        return self._pending is not None

    def message(self) -> str:
        """The error or progress text shown under the fields (empty when none)."""
        return self.ui.message_label.text() if self.ui.message_label.isVisible() else ""

    def submit(self) -> None:
        """Start signing in with what the fields hold (the Sign in button does this)."""
        if self._pending is not None:
            return
        server_url = self.ui.server_edit.text().strip()
        username = self.ui.user_edit.text().strip()
        password = self.ui.password_edit.text()
        problem = self._check(server_url, username, password)
        if problem:
            self._show_error(problem)
            return
        self._set_busy(True)
        self._show_progress(self.tr("Signing in…"))
        self._pending = self._runner.run(
            NET,
            self._sign_in,
            server_url,
            username,
            password,
            on_done=self._on_sign_in_done,
            on_error=self._on_sign_in_failed,
        )

    def server_url(self) -> str:
        return self.ui.server_edit.text().strip()

    def username(self) -> str:
        return self.ui.user_edit.text().strip()

    # ------------------------------------------------------------------ internals

    def _check(self, server_url: str, username: str, password: str) -> str | None:
        if not server_url:
            self.ui.server_edit.setFocus()
            return self.tr("Enter the server address.")
        try:
            SCHEMA_BY_KEY["server_url"].validate(server_url)
        except SettingError as error:
            self.ui.server_edit.setFocus()
            return fill(self.tr("The server address %1"), error.reason)
        if not username:
            self.ui.user_edit.setFocus()
            return self.tr("Enter your user name.")
        if not password:
            self.ui.password_edit.setFocus()
            return self.tr("Enter your password.")
        return None

    def _set_busy(self, busy: bool) -> None:
        for widget in (
            self.ui.server_edit,
            self.ui.user_edit,
            self.ui.password_edit,
            self.ui.sign_in_button,
        ):
            widget.setEnabled(not busy)

    def _show_error(self, text: str) -> None:
        self.ui.message_label.setStyleSheet(_ERROR_STYLE)
        self.ui.message_label.setText(text)
        self.ui.message_label.show()

    def _show_progress(self, text: str) -> None:
        self.ui.message_label.setStyleSheet("")
        self.ui.message_label.setText(text)
        self.ui.message_label.show()

    def _on_sign_in_button_clicked(self) -> None:
        self.submit()

    def fail(self, text: str) -> None:
        """The session could not be opened after all: show why and let the operator retry."""
        self.session = None
        self._set_busy(False)
        self._show_error(text)

    def _on_sign_in_done(self, session: Any) -> None:
        self._pending = None
        self.ui.password_edit.clear()
        self.session = session
        self._show_progress(self.tr("Signed in. Opening the console…"))
        self.signed_in.emit(session)

    def _on_sign_in_failed(self, error: BaseException) -> None:
        self._pending = None
        self._set_busy(False)
        logger.info("Sign-in failed: %s", scrub(str(error)))
        self._show_error(self._explain(error))
        self.ui.password_edit.selectAll()
        self.ui.password_edit.setFocus()

    def reject(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        self.ui.password_edit.clear()
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            retranslate_form(self.ui, self)
        super().changeEvent(event)


def _plain_explanation(error: BaseException) -> str:
    return scrub(str(error)) or type(error).__name__
