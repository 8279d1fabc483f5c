"""Composition root of the console: builds the services, signs in, opens the main window.

Three layers of lifetime, each built by its own function or object:

* ``Services`` (``build_services``) live as long as the process: settings, logging, the
  translator, the task runner, the lateness probe and the credential store.
* ``Console`` runs sign-in, one signed-in session at a time, sign-out and quit.
* ``SessionWiring`` is one signed-in session: the user's local store, the main window, the
  ``Session`` its features share (``console.gui.session``), the features themselves (live
  sync, wall and patrol, kept actions, camera tree, incidents, diagnostics) and the
  ``connect`` calls between them.

Nothing here blocks the GUI thread: HTTP runs on the task runner's network lane, SQLite and
files on its store lane; results come back as callbacks on the GUI thread.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QWidget

from console import heap, paths, scrub
from console.catalog import CameraCatalog
from console.client import (
    BackendClient,
    BackendError,
    ErrorKind,
    EventStream,
    OutboxDelivery,
)
from console.credentials import CredentialStore
from console.diagnostics import LatenessProbe
from console.domain.model import User
from console.gui.alerts.feature import AlertsFeature
from console.gui.camera_tree import CameraTreePanel
from console.gui.camera_tree.feature import CameraTreeFeature
from console.gui.crash_dialog import show_crash_dialog
from console.gui.diagnostics_dialog import DiagnosticsDialog
from console.gui.diagnostics_feature import DiagnosticsFeature
from console.gui.first_view import FirstView
from console.gui.incidents import RaiseEventDialog
from console.gui.incidents.feature import IncidentsFeature
from console.gui.kept_actions import KeptActionsReview, kept_notes
from console.gui.live import LiveSync
from console.gui.login_dialog import LoginDialog, explain_sign_in_error
from console.gui.main_window import MainWindow
from console.gui.map.feature import MapFeature
from console.gui.reauth import ReauthPrompt
from console.gui.review.feature import ReviewFeature
from console.gui.session import Session, SessionSignals
from console.gui.settings_dialog import open_settings_dialog
from console.gui.status_bar import ConnectionState
from console.gui.verification.feature import VerificationFeature
from console.gui.wall.feature import WallFeature
from console.gui.window_state import SavedLayout, layout_file, read_layout, write_layout
from console.i18n import install_translator
from console.logs import install_excepthook, setup_logging, teardown_logging
from console.settings import Settings, atomic_write
from console.store import Store, open_store
from console.tasks import NET, STORE, TaskRunner
from console.text import fill
from console.video.engine import set_live_buffer_ms
from console.video.worker import set_video_nice
from console.wall.layout import LayoutLibrary
from console.wall.model import Wall
from console.wall.workspace import FILE_NAME as WORKSPACE_FILE_NAME
from console.wall.workspace import Workspace, read_workspace

logger = logging.getLogger(__name__)

_LAST_USER_KEY = "session/last_user"


# ---------------------------------------------------------------------- process services


@dataclass
class Services:
    """What every session shares; lives as long as the process."""

    settings: Settings
    runner: TaskRunner
    probe: LatenessProbe
    log_file: Path | None
    _credentials: CredentialStore | None = field(default=None, repr=False)
    _credentials_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def credentials(self) -> CredentialStore:
        """The credential store, made on first use (from a worker: it may ask D-Bus)."""
        with self._credentials_lock:
            if self._credentials is None:
                self._credentials = CredentialStore()
            return self._credentials

    def shutdown(self) -> None:
        self.probe.stop()
        self.runner.shutdown()


def build_services(app: QApplication, *, log_to_file: bool = True) -> Services:
    """Settings, logging, translator, task runner and lateness probe, in that order."""
    runner = TaskRunner(parent=app)
    settings = Settings(write=lambda path, data: _write_later(runner, path, data))
    log_file = setup_logging(settings.get("log.level")) if log_to_file else None
    install_translator(app, settings.get("language"))

    def on_language_changed(_key: str, value: Any) -> None:
        install_translator(app, value)

    def on_log_level_changed(_key: str, value: Any) -> None:
        setup_logging(value)

    settings.on_change(on_language_changed, key="language")
    settings.on_change(on_log_level_changed, key="log.level")
    # Video threads below the GUI thread (players made from now on).
    set_video_nice(settings.get("video.thread_nice"))
    settings.on_change(lambda _key, value: set_video_nice(value), key="video.thread_nice")
    # The live buffer of streams opened from now on.
    set_live_buffer_ms(settings.get("video.network_caching_ms"))
    settings.on_change(
        lambda _key, value: set_live_buffer_ms(value), key="video.network_caching_ms"
    )
    probe = LatenessProbe(parent=app)
    probe.start()
    runner.task_failed.connect(show_crash_dialog)
    return Services(settings=settings, runner=runner, probe=probe, log_file=log_file)


def _write_later(runner: TaskRunner, path: Path, data: bytes) -> None:
    runner.run(
        STORE,
        atomic_write,
        path,
        data,
        title=QCoreApplication.translate("Console", "Saving the settings"),
    )


# ---------------------------------------------------------------------- the backend
#
# Plain functions for the network lane: they take and return plain data (and the client,
# which is safe to share between threads).


@dataclass(frozen=True)
class SignedIn:
    """A signed-in user on a server, with the client that carries their token.

    Neither the token nor the client appears in a repr (and so in no log line).
    """

    server_url: str
    user: User
    token: str = field(repr=False)
    client: BackendClient = field(repr=False, compare=False)
    resumed: bool = False


def sign_in(server_url: str, username: str, password: str) -> SignedIn:
    """Sign in; raises BackendError (UNAUTHORIZED for a wrong user name or password)."""
    client = BackendClient(server_url)
    scrub.register_secret(password)
    try:
        answer = client.login(username, password)
    except BaseException:
        client.close()
        raise
    finally:
        scrub.unregister_secret(password)
    return SignedIn(server_url, answer.user.to_domain(), answer.token, client)


def resume(services: Services, server_url: str, username: str) -> SignedIn | None:
    """The session kept in the keyring, if the server still honours its token."""
    credentials = services.credentials()
    token = credentials.load_token(server_url, username)
    if not token:
        return None
    client = BackendClient(server_url, token=token)
    try:
        user = client.me().to_domain()
    except BackendError as error:
        client.close()
        if error.kind is ErrorKind.UNAUTHORIZED:
            credentials.forget_token(server_url, username)
            scrub.unregister_secret(token)
            return None
        raise
    if user.username != username:
        client.close()
        return None
    return SignedIn(server_url, user, token, client, resumed=True)


def sign_out(services: Services, signed_in: SignedIn) -> None:
    services.credentials().forget_token(signed_in.server_url, signed_in.user.username)
    try:
        signed_in.client.logout()
    except BackendError as error:
        # The token runs out on the server anyway, and the keyring no longer holds it.
        logger.info("Sign-out could not reach the server: %s", error)
    finally:
        signed_in.client.close()


# ---------------------------------------------------------------------- local files


def store_directory(server_url: str, username: str) -> Path:
    """One local store per server and user: queued actions go out under their author's name."""
    server = server_url.split("://", 1)[-1].rstrip("/")
    return paths.data_dir() / "stores" / _file_name(server) / _file_name(username)


def _file_name(text: str) -> str:
    # Only characters that mean nothing to a file system or to an SQLite URL ("%" does).
    return re.sub(r"[^A-Za-z0-9._-]", "_", text) or "_"


def _session_settings() -> QSettings:
    return QSettings(str(layout_file()), QSettings.Format.IniFormat)


def read_last_user() -> str:
    value = _session_settings().value(_LAST_USER_KEY, "")
    return value if isinstance(value, str) else ""


def write_last_user(username: str) -> None:
    settings = _session_settings()
    settings.setValue(_LAST_USER_KEY, username)
    settings.sync()


# ---------------------------------------------------------------------- one session


@dataclass(frozen=True)
class OpenedStore:
    """What the store lane hands over when a session starts."""

    store: Store
    layout: SavedLayout | None
    last_event_id: int | None
    workspace: Workspace = field(default_factory=lambda: Workspace(Wall(), LayoutLibrary()))
    workspace_path: Path | None = None
    # Neither a window layout nor a wall workspace saved yet: the first view is arranged.
    first_sign_in: bool = False


def workspace_file(server_url: str, username: str) -> Path:
    """The user's wall workspace on this server (pages, layouts, cameras, screens)."""
    return store_directory(server_url, username) / WORKSPACE_FILE_NAME


def open_session_store(signed_in: SignedIn) -> OpenedStore:
    """Open the user's store, read their saved layout and wall workspace (store lane)."""
    username = signed_in.user.username
    store = open_store(store_directory(signed_in.server_url, username))
    path = workspace_file(signed_in.server_url, username)
    saved = read_workspace(path)
    workspace = saved or Workspace(Wall(), LayoutLibrary())
    layout = read_layout(username)
    first = saved is None and layout is None
    return OpenedStore(store, layout, store.meta.last_event_id, workspace, path, first)


class SessionWiring(QObject):
    """One signed-in session: builds the ``Session`` and its features and connects them.

    The features, each in its own module under ``console.gui``: the live link to the backend
    (``live``), the wall and patrol (``wall_feature``), kept outbox actions (``kept_actions``),
    the camera tree (``cameras``), raising events (``incidents``), the situation map (``map``)
    and diagnostics (``diagnostics``). This object owns the main window and the store's lifetime, nothing else.

    Signals:
        catalogue_shown(int): the camera tree now shows this many cameras.
        pending_counted(int): this many operator actions wait to be sent.
        connection_changed(str, int): a ConnectionState value and the failed attempts.
        events_applied(object): a StoreUpdate from the live stream is in the store.
        raise_dialog_opened(object): a RaiseEventDialog is shown.
    """

    catalogue_shown = Signal(int)
    pending_counted = Signal(int)
    connection_changed = Signal(str, int)
    events_applied = Signal(object)
    raise_dialog_opened = Signal(object)

    def __init__(
        self,
        services: Services,
        signed_in: SignedIn,
        opened: OpenedStore,
        *,
        stream_backoff_s: tuple[float, float] = (1.0, 30.0),
    ) -> None:
        super().__init__()
        self.services = services
        self.signed_in = signed_in
        self.store = opened.store

        self.window = MainWindow()
        user = signed_in.user
        self.window.status.set_user(user.display_name, user.username, user.role)
        self.window.set_connection(ConnectionState.CONNECTING)
        if services.settings.get("ui.remember_layout"):
            self.window.apply_layout(opened.layout)
        self.window.settings_requested.connect(self._on_window_settings_requested)
        session = self.session = Session(
            services.settings,
            services.runner,
            signed_in.client,
            user,
            self.store,
            self.window,
            SessionSignals(self),
        )

        path = opened.workspace_path or workspace_file(signed_in.server_url, user.username)
        self.wall_feature = WallFeature(session, opened.workspace, path, parent=self)
        self.wall = self.wall_feature.wall
        # Actions rescued from an outbox that could not be opened wait for the operator.
        self.kept_actions = KeptActionsReview(
            services.runner,
            self.store.outbox,
            self.window,
            notes=kept_notes(self.store.problems, self.store.kept),
            parent=self,
        )
        self.window.status.add_field(self.kept_actions.field)
        self.cameras = CameraTreeFeature(session, parent=self)
        self.live = LiveSync(
            session, opened.last_event_id, stream_backoff_s=stream_backoff_s, parent=self
        )
        self.incidents = IncidentsFeature(session, parent=self)
        self.alerts = AlertsFeature(session, parent=self)
        self.map = MapFeature(session, parent=self)
        self.verification = VerificationFeature(session, parent=self)
        self.review = ReviewFeature(session, parent=self)
        self.reauth = ReauthPrompt(
            session,
            sign_in,
            signed_in.server_url,
            keep_token=lambda url, name, token: services.credentials().save_token(url, name, token),
            parent=self,
        )
        self.diagnostics = DiagnosticsFeature(
            session,
            services.probe,
            services.log_file,
            wall=self.wall.view,
            pending=lambda: self.live.pending,
            parent=self,
        )
        self.first_view = (
            FirstView(session, self.wall.wall, parent=self) if opened.first_sign_in else None
        )
        self._connect_features()

    def _connect_features(self) -> None:
        signals = self.session.signals
        signals.camera_play_requested.connect(self.wall_feature.open_camera)
        # Statuses reach the catalogue before the wall asks it again about its tiles.
        signals.store_updated.connect(self.cameras.apply_update)
        signals.store_updated.connect(self.wall_feature.apply_update)
        signals.store_updated.connect(self.alerts.apply_update)
        self.live.working_set_stored.connect(self.alerts.reload)
        self.cameras.catalogue_shown.connect(self.alerts.catalogue_replaced)
        signals.store_updated.connect(self.events_applied)
        signals.pending_counted.connect(self.pending_counted)
        signals.connection_changed.connect(self.connection_changed)
        # Until a refresh of the working set lands, the store lacks what happened before the
        # event stream's position: the camera tree's retry paces the next attempt.
        self.live.working_set_stored.connect(self.cameras.show_stored)
        self.live.working_set_stored.connect(self.incidents.reload)
        self.live.local_incident_created.connect(self.incidents.incident_renamed)
        self.live.refresh_failed.connect(self.cameras.refresh_failed)
        self.cameras.retry.retry_due.connect(self.live.start_refresh)
        self.cameras.catalogue_shown.connect(self.wall_feature.catalogue_replaced)
        self.cameras.catalogue_shown.connect(self.catalogue_shown)
        self.wall.raise_event_requested.connect(self.incidents.raise_from_camera)
        self.incidents.raise_dialog_opened.connect(self.raise_dialog_opened)
        self.incidents.raise_dialog_opened.connect(self.wall.place_raise_dialog)
        signals.verification_requested.connect(self.verification.open)
        signals.store_updated.connect(self.verification.apply_update)
        signals.store_updated.connect(self.map.apply_update)
        signals.cameras_show_requested.connect(self.wall.show_cameras)
        self.live.working_set_stored.connect(self.map.reload)
        self.cameras.catalogue_shown.connect(self.map.catalogue_replaced)
        self.map.follow_patrol(self.wall.patrol)
        self.live.sign_in_needed.connect(self.reauth.ask)
        self.reauth.signed_in_again.connect(self.live.resume_after_sign_in)

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        self.window.show()
        self.wall_feature.start()
        self.diagnostics.start()
        self.cameras.start()
        self.live.start()
        self.kept_actions.start()
        self.alerts.start()
        self.map.start()
        if self.first_view is not None:
            self.first_view.start()

    def close(self) -> None:
        """Save the layout, stop the workers and close the store (all on the store lane)."""
        if self.session.closed:
            return
        self.session.closed = True
        self.reauth.close()
        self.cameras.close()
        self.alerts.close()
        self.map.close()
        # Before the store closes: a running patrol's record goes into the outbox, and the
        # wall workspace is written, both on the store lane ahead of the close.
        self.wall_feature.close()
        self.live.close()
        runner = self.services.runner
        if self.services.settings.get("ui.remember_layout"):
            runner.run(
                STORE,
                write_layout,
                self.signed_in.user.username,
                self.window.saved_layout(),
                title=QCoreApplication.translate("Console", "Saving the window layout"),
            )
        runner.run(STORE, self.store.close)
        self.kept_actions.close()
        self.verification.close()
        self.review.close()
        self.diagnostics.close()

    # ------------------------------------------------------------------ what tests and
    # benchmarks look at

    @property
    def pending(self) -> int | None:
        return self.live.pending

    @property
    def stream(self) -> EventStream:
        return self.live.stream

    @property
    def delivery(self) -> OutboxDelivery:
        return self.live.delivery

    @property
    def catalog(self) -> CameraCatalog | None:
        return self.cameras.catalog

    @property
    def camera_panel(self) -> CameraTreePanel | None:
        return self.cameras.panel

    @property
    def raise_dialog(self) -> RaiseEventDialog | None:
        return self.incidents.dialog

    def connection_text(self) -> str:
        return self.diagnostics.connection_text()

    def open_diagnostics(self) -> DiagnosticsDialog:
        return self.diagnostics.open_dialog()

    def _on_window_settings_requested(self) -> None:
        open_settings_dialog(self.services.settings, self.window)


# ---------------------------------------------------------------------- the console

# Objects handed to deleteLater(), kept here until Qt has deleted them (see delete_later).
_doomed: dict[int, QObject] = {}


def delete_later(obj: QObject) -> None:
    """``obj.deleteLater()``, holding the Python wrapper until Qt has deleted the object.

    A window or a session is Python-owned and sits in reference cycles (slots that capture
    it). Dropped without this, the cyclic garbage collector may free the wrapper before the
    deferred delete runs, on whichever thread it happens to run (a worker's, often), and that
    deletes the widgets and their timers off the GUI thread.
    """
    key = id(obj)
    if key in _doomed:
        return
    _doomed[key] = obj
    obj.destroyed.connect(lambda *_args: _doomed.pop(key, None))
    obj.deleteLater()


class Console(QObject):
    """Sign-in, one session at a time, sign-out and quit.

    Signals:
        session_started(object): a SessionWiring whose main window is now shown.
        session_ended(): the session closed (sign-out or quit).
    """

    session_started = Signal(object)
    session_ended = Signal()

    def __init__(
        self,
        services: Services,
        *,
        server_url: str | None = None,
        stream_backoff_s: tuple[float, float] = (1.0, 30.0),
    ) -> None:
        super().__init__()
        self.services = services
        self._server_override = server_url
        self._stream_backoff_s = stream_backoff_s
        self.login_dialog: LoginDialog | None = None
        self.review_window: QWidget | None = None
        self.session: SessionWiring | None = None
        self._last_user = ""

    def start(self, *, try_resume: bool = True) -> None:
        """Resume the kept session if its token still works; otherwise ask to sign in."""
        server_url = self._server_url()
        # Read once, at start-up; later sign-ins keep it up to date in memory.
        username = self._last_user = read_last_user()
        if try_resume and username:
            self.services.runner.run(
                NET,
                resume,
                self.services,
                server_url,
                username,
                on_done=self._on_resume_done,
                on_error=self._on_resume_failed,
            )
        else:
            self.show_login()

    def show_login(self) -> LoginDialog:
        dialog = LoginDialog(
            self.services.runner,
            sign_in,
            explain=explain_sign_in_error,
            server_url=self._server_url(),
            username=self._last_user,
        )
        dialog.setObjectName("login_dialog")
        dialog.signed_in.connect(self._on_login_dialog_signed_in)
        dialog.rejected.connect(self._on_login_dialog_rejected)
        dialog.review_requested.connect(self.show_review)
        self.login_dialog = dialog
        dialog.show()
        return dialog

    def show_review(self) -> QWidget:
        """The offline review window (no sign-in needed), made on first use."""
        if self.review_window is None:
            from console.gui.review.window import ReviewWindow

            self.review_window = ReviewWindow(self.services.runner, settings=self.services.settings)
        if self.review_window.isVisible():
            self.review_window.raise_()
        self.review_window.show()
        return self.review_window

    def sign_out(self) -> None:
        session = self.session
        if session is None:
            return
        self.services.runner.run(NET, sign_out, self.services, session.signed_in)
        # The dialog shows before the window closes, so the application never sees its last
        # window go and quit.
        self.show_login()
        self._end_session()
        scrub.unregister_secret(session.signed_in.token)

    def shutdown(self) -> None:
        """End the session (if any), close the login dialog and stop the process services."""
        self._end_session()
        dialog, self.login_dialog = self.login_dialog, None
        if dialog is not None:
            dialog.hide()
            delete_later(dialog)
        review, self.review_window = self.review_window, None
        if review is not None:
            review.close()
            delete_later(review)
        self.services.shutdown()

    # ------------------------------------------------------------------ internals

    def _server_url(self) -> str:
        return self._server_override or str(self.services.settings.get("server_url"))

    def _on_resume_done(self, signed_in: SignedIn | None) -> None:
        if signed_in is None:
            self.show_login()
        else:
            logger.info("Resumed the session of %s", signed_in.user.username)
            self._begin_session(signed_in)

    def _on_resume_failed(self, error: BaseException) -> None:
        logger.info("Could not resume the last session: %s", error)
        self.show_login()

    def _on_login_dialog_signed_in(self, signed_in: SignedIn) -> None:
        if signed_in.server_url != self.services.settings.get("server_url"):
            self.services.settings.set("server_url", signed_in.server_url)
        self.services.runner.run(
            NET,
            self._keep_token,
            signed_in,
            on_done=self._on_token_kept,
        )
        self._begin_session(signed_in)

    def _keep_token(self, signed_in: SignedIn) -> bool:
        return self.services.credentials().save_token(
            signed_in.server_url, signed_in.user.username, signed_in.token
        )

    def _on_token_kept(self, in_keyring: bool) -> None:
        if not in_keyring:
            logger.warning("No safe keyring here: the next start asks to sign in again")

    def _on_login_dialog_rejected(self) -> None:
        if self.login_dialog is not None:
            delete_later(self.login_dialog)
            self.login_dialog = None
        if self.session is None:
            QCoreApplication.quit()

    def _begin_session(self, signed_in: SignedIn) -> None:
        self._last_user = signed_in.user.username
        self.services.runner.run(
            STORE,
            write_last_user,
            signed_in.user.username,
            title=QCoreApplication.translate("Console", "Saving the user name"),
        )
        self.services.runner.run(
            STORE,
            open_session_store,
            signed_in,
            on_done=lambda opened: self._on_session_store_opened(signed_in, opened),
            on_error=self._on_session_store_failed,
        )

    def _on_session_store_opened(self, signed_in: SignedIn, opened: OpenedStore) -> None:
        session = SessionWiring(
            self.services, signed_in, opened, stream_backoff_s=self._stream_backoff_s
        )
        session.window.sign_out_requested.connect(self.sign_out)
        session.window.close_requested.connect(self._on_window_close_requested)
        self.session = session
        session.start()
        dialog, self.login_dialog = self.login_dialog, None
        if dialog is not None:
            dialog.accept()  # only now: the main window is up
            delete_later(dialog)
        self.session_started.emit(session)
        # What start-up made lives until exit: later full collections need not walk it.
        heap.settle()

    def _on_session_store_failed(self, error: BaseException) -> None:
        logger.error(
            "Could not open the local store", exc_info=(type(error), error, error.__traceback__)
        )
        dialog = self.login_dialog or self.show_login()
        dialog.fail(
            fill(
                QCoreApplication.translate("Console", "The local store could not be opened: %1"),
                scrub.scrub(str(error)),
            )
        )

    def _on_window_close_requested(self) -> None:
        self._end_session()

    def _end_session(self) -> None:
        session = self.session
        if session is None:
            return
        self.session = None
        session.close()
        window: QWidget = session.window
        window.close()
        delete_later(window)
        delete_later(session)
        heap.thaw()  # the session's objects may be collected again, cycles and all
        self.session_ended.emit()


# ---------------------------------------------------------------------- entry point


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tianmu", description="Tianmu operator console")
    parser.add_argument("--server", help="backend URL, e.g. http://127.0.0.1:8000")
    parser.add_argument("--self-test", action="store_true", help="print what this machine can play")
    return parser.parse_args(argv)


def prepare_process() -> None:
    """What must happen before the QApplication exists in any process that shows the console
    (``main``, the benchmarks that sign in a window): QtWebEngine's settings, its module
    loaded, and the map's URL scheme declared."""
    # QtWebEngine refuses to start as root without this; the console never runs untrusted pages.
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # The map's web view hands every page frame to Qt Quick on the GUI thread. Without a GPU the
    # default (RHI/OpenGL) path renders on a software rasteriser or fails and falls back: on
    # Xvfb (bench/map.py) an idle map took 104 % of a core that way and 18 % with the software
    # backend; 200 unit moves a second, lateness p99 47 ms against 5 ms. With a GPU, set
    # QT_QUICK_BACKEND=rhi in the environment to keep the default.
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    # The map's web engine must be loaded, and its URL scheme declared, before the application.
    from PySide6 import QtWebEngineWidgets  # noqa: F401

    from console.gui.map.scheme import register_map_scheme

    register_map_scheme()


def main(argv: list[str]) -> int:
    args = _parse(argv)
    if args.self_test:
        from console.video.selftest import print_report

        return print_report()
    prepare_process()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Tianmu")
    app.setOrganizationName("Tianmu")
    services = build_services(app)
    uninstall_hook = install_excepthook(show_crash_dialog)
    console = Console(services, server_url=args.server)
    console.start()
    try:
        return app.exec()
    finally:
        console.shutdown()
        # Widgets handed to deleteLater() are deleted now, while Python is whole: left to
        # PySide's own clean-up at exit, they would be destroyed in no fixed order.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        uninstall_hook()
        teardown_logging()  # the writer thread writes what is still queued
