"""Signing in again when the server ends a session (token revoked or expired).

The session's window, wall, store and outbox stay as they are: only the password is asked
for, with the server and user name fixed, and the new token goes to the session's client.
Delivery waits meanwhile (``OutboxDelivery`` pauses on a 401) and carries on afterwards, so
nothing queued is lost. An operator who puts the prompt aside is asked again a little later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from console.gui.login_dialog import LoginDialog, SignIn, explain_sign_in_error
from console.gui.session import Session
from console.tasks import NET

logger = logging.getLogger(__name__)

# How long a prompt the operator closed stays away while the session still needs it.
ASK_AGAIN_MS = 120_000

KeepToken = Callable[[str, str, str], object]
"""``keep_token(server_url, username, token)``: store the new token (network lane; the
keyring may ask D-Bus), so the next start resumes with it."""


def close_client(signed_in: Any) -> None:
    """The sign-in's own client is not needed: only its token moves to the session's."""
    signed_in.client.close()


class ReauthPrompt(QObject):
    """Asks the signed-in user for their password again; see the module docstring.

    ``sign_in(server_url, username, password)`` runs on the network lane and returns an
    object with ``token``, ``user`` and ``client`` (``console.app.sign_in``); ``keep_token``
    (optional) stores the new token in place of the refused one.

    Signals:
        signed_in_again(str): the new token (connect it to ``LiveSync.resume_after_sign_in``).
        prompt_shown(object): the password dialog (a LoginDialog) is up.
    """

    signed_in_again = Signal(str)
    prompt_shown = Signal(object)

    def __init__(
        self,
        session: Session,
        sign_in: SignIn,
        server_url: str,
        *,
        ask_again_ms: int = ASK_AGAIN_MS,
        keep_token: KeepToken | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._sign_in = sign_in
        self._keep_token = keep_token
        self._server_url = server_url
        self._needed = False
        self.dialog: LoginDialog | None = None
        self._ask_again = QTimer(self)
        self._ask_again.setSingleShot(True)
        self._ask_again.setInterval(ask_again_ms)
        self._ask_again.timeout.connect(self._on_ask_again_timeout)

    def set_ask_again_ms(self, milliseconds: int) -> None:
        """How long a prompt the operator closed stays away."""
        self._ask_again.setInterval(milliseconds)

    @property
    def needed(self) -> bool:
        """Whether the session waits for a new sign-in."""
        return self._needed

    def ask(self) -> None:
        """The server refused the token: ask for the password (once, however often told)."""
        if self._session.closed:
            return
        self._needed = True
        if self.dialog is not None:
            return
        self._ask_again.stop()
        dialog = LoginDialog(
            self._session.runner,
            self._sign_in,
            explain=explain_sign_in_error,
            server_url=self._server_url,
            username=self._session.user.username,
            parent=self._session.window,
        )
        dialog.setObjectName("reauth_dialog")
        dialog.setWindowTitle(self.tr("Sign in again"))
        dialog.fix_identity(
            self.tr(
                "The server ended this session. Enter your password to carry on; the wall "
                "and the actions waiting to be sent are kept."
            )
        )
        dialog.signed_in.connect(self._on_dialog_signed_in)
        dialog.rejected.connect(self._on_dialog_rejected)
        self.dialog = dialog
        logger.info("Asking %s to sign in again", self._session.user.username)
        dialog.show()
        self.prompt_shown.emit(dialog)

    def close(self) -> None:
        self._ask_again.stop()
        self._needed = False
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.rejected.disconnect(self._on_dialog_rejected)
            dialog.reject()
            dialog.deleteLater()

    def _on_dialog_signed_in(self, signed_in: Any) -> None:
        dialog, self.dialog = self.dialog, None
        self._session.runner.run(NET, close_client, signed_in)
        if dialog is not None:
            dialog.accept()
            dialog.deleteLater()
        if self._session.closed:
            return
        self._needed = False
        logger.info("%s signed in again; delivery resumes", self._session.user.username)
        if self._keep_token is not None:
            self._session.runner.run(
                NET,
                self._keep_token,
                self._server_url,
                self._session.user.username,
                signed_in.token,
            )
        self.signed_in_again.emit(signed_in.token)

    def _on_dialog_rejected(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if self._needed and not self._session.closed:
            self._ask_again.start()

    def _on_ask_again_timeout(self) -> None:
        if self._needed:
            self.ask()
