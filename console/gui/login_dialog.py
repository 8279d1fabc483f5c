"""The sign-in dialog: server address, user name and password."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QWidget

from console.client.errors import AnswerProblem, BackendError, ErrorKind, MalformedResponseError
from console.gui.forms import retranslate_form, setup_form
from console.gui.forms.ui_login_dialog import Ui_LoginDialog
from console.scrub import scrub
from console.settings import SCHEMA_BY_KEY, SettingError
from console.tasks import NET, Task, TaskRunner
from console.text import fill

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
        review_requested(): the operator chose to review clips offline (no sign-in).
    """

    signed_in = Signal(object)
    review_requested = Signal()

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
        self._explain = explain or explain_sign_in_error
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
        self.ui.review_button.clicked.connect(self.review_requested)
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

    def fix_identity(self, note: str) -> None:
        """Ask only for the password: the server and user name stay as given (signing in
        again after the server ended a session). ``note`` says why, above the buttons."""
        for edit in (self.ui.server_edit, self.ui.user_edit):
            edit.setReadOnly(True)
        self._show_progress(note)
        self.ui.password_edit.setFocus()

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


def explain_sign_in_error(error: BaseException) -> str:
    """One sentence for the login dialog: what happened, in the operator's words.

    A status is only quoted where it means something: an answer of 200 that is a web page
    is "not a Tianmu server", never "refused (HTTP 200)".
    """
    if not isinstance(error, BackendError):
        return fill(
            QCoreApplication.translate("Console", "Signing in failed: %1"),
            scrub(str(error)) or type(error).__name__,
        )
    kind, status = error.kind, error.status
    if kind is ErrorKind.UNAUTHORIZED:
        return QCoreApplication.translate("Console", "Wrong user name or password.")
    if kind in (ErrorKind.UNREACHABLE, ErrorKind.TIMEOUT):
        return QCoreApplication.translate(
            "Console", "The server cannot be reached. Check the address and the network."
        )
    if isinstance(error, MalformedResponseError):
        return _explain_unusable_answer(error)
    if kind in (ErrorKind.VALIDATION, ErrorKind.PROTOCOL) and status in (None, 422):
        return QCoreApplication.translate("Console", "The user name or password is not acceptable.")
    if kind is ErrorKind.FORBIDDEN:
        return QCoreApplication.translate("Console", "This account may not sign in here.")
    if status is not None and 300 <= status <= 399:
        return fill(
            QCoreApplication.translate(
                "Console",
                "The server sent the sign-in elsewhere (HTTP %1). Check the address "
                "(http or https, and the port).",
            ),
            status,
        )
    if kind is ErrorKind.SERVER_ERROR and status is not None:
        return fill(
            QCoreApplication.translate(
                "Console", "The server failed to handle the sign-in (HTTP %1). Try again later."
            ),
            status,
        )
    if (
        status is not None
        and error.code is None
        and kind in (ErrorKind.NOT_FOUND, ErrorKind.PROTOCOL)
    ):
        # A Tianmu server explains every refusal; a bare 404 or 405 is some other web server.
        return fill(
            QCoreApplication.translate(
                "Console",
                "There is no Tianmu sign-in at this address (HTTP %1). Check the server address.",
            ),
            status,
        )
    if status is not None:
        return fill(
            QCoreApplication.translate("Console", "The server refused the sign-in (HTTP %1)."),
            status,
        )
    return fill(
        QCoreApplication.translate(
            "Console", "The server answered in a way the console cannot use: %1"
        ),
        error.message,
    )


def _explain_unusable_answer(error: MalformedResponseError) -> str:
    problem = error.problem
    if problem in (AnswerProblem.NOT_JSON, AnswerProblem.INVALID_JSON):
        return QCoreApplication.translate(
            "Console",
            "This is not a Tianmu server: it answered the sign-in with a web page or other "
            "content the console cannot read. Check the server address.",
        )
    if problem is AnswerProblem.TOO_LARGE:
        return QCoreApplication.translate(
            "Console",
            "The answer to the sign-in was far too large to come from a Tianmu server, so "
            "the console stopped reading it. Check the server address.",
        )
    if problem is AnswerProblem.SCHEMA:
        return QCoreApplication.translate(
            "Console",
            "The server answered the sign-in in a form this console does not understand: it "
            "may run another version of Tianmu, or not be a Tianmu server.",
        )
    if problem in (AnswerProblem.CUT_OFF, AnswerProblem.DAMAGED):
        return QCoreApplication.translate(
            "Console",
            "The server's answer arrived cut off or damaged. Try again; if it keeps "
            "happening, check the network.",
        )
    return fill(
        QCoreApplication.translate(
            "Console", "The server answered in a way the console cannot use: %1"
        ),
        error.message,
    )
