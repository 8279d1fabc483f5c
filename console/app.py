"""Composition root of the console: builds the services, signs in, opens the main window.

Three layers of lifetime, each built by its own function or object:

* ``Services`` (``build_services``) live as long as the process: settings, logging, the
  translator, the task runner, the lateness probe and the credential store.
* ``Console`` runs sign-in, one signed-in session at a time, sign-out and quit.
* ``SessionWiring`` is one signed-in session: the user's local store, the main window, the
  video wall and patrol (``SessionWall``) and the connections between them and the backend.

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

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from console import paths, scrub
from console.client import (
    BackendClient,
    BackendError,
    ErrorKind,
    EventStream,
    OutboxDelivery,
    RefreshReason,
    StoreUpdate,
    StreamState,
    StreamStatus,
    WorkingSet,
    apply_update,
    apply_working_set,
    fetch_working_set,
    resolve_events,
)
from console.client.sync import forget_full_refresh
from console.credentials import CredentialStore
from console.diagnostics import LatenessProbe
from console.domain.incident import IncidentSource
from console.domain.model import Camera, CameraStatus, PatrolPlan, Region, User
from console.gui.camera_tree import CameraCatalog, CameraTreePanel
from console.gui.camera_tree.loading import CatalogueRetry, CatalogueStatusPanel
from console.gui.crash_dialog import show_crash_dialog
from console.gui.diagnostics_dialog import DiagnosticsDialog
from console.gui.docks import DockId
from console.gui.incidents import RaiseEventDialog, raise_event_from_camera
from console.gui.kept_actions import KeptActionsReview, kept_notes
from console.gui.login_dialog import LoginDialog, explain_sign_in_error
from console.gui.main_window import MainWindow
from console.gui.session_wall import Availability, CameraUnavailable, SessionWall
from console.gui.settings_dialog import SettingsDialog
from console.gui.status_bar import ConnectionState
from console.gui.text import fill
from console.gui.window_state import SavedLayout, layout_file, read_layout, write_layout
from console.i18n import install_translator
from console.logs import install_excepthook, setup_logging, teardown_logging
from console.settings import Settings, atomic_write
from console.store import Store, open_store
from console.store.outbox import OutboxChange
from console.tasks import NET, STORE, Coalescer, Debouncer, TaskRunner
from console.video.output import set_preferred_output
from console.video.schemes import factory_for
from console.wall.layout import LayoutLibrary
from console.wall.model import Wall
from console.wall.workspace import FILE_NAME as WORKSPACE_FILE_NAME
from console.wall.workspace import Workspace, read_workspace
from console.wire import EventOut
from console.wire.patrol import PatrolPlanIn

logger = logging.getLogger(__name__)

LATENESS_REFRESH_MS = 1000
PENDING_DEBOUNCE_MS = 200
# Live events are applied in batches: a burst of alerts costs one fetch and one write.
EVENT_BATCH_MS = 100
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


def camera_stream_urls(client: BackendClient, camera_id: str) -> tuple[str | None, str | None]:
    """(sub, main) stream URLs for the wall; a camera the server will not stream raises
    ``CameraUnavailable`` (offline, or not shared with this operator)."""
    try:
        streams = client.camera_streams(camera_id)
    except BackendError as error:
        if error.code == "camera_offline":
            raise CameraUnavailable(camera_id, Availability.OFFLINE) from error
        if error.kind in (ErrorKind.NOT_FOUND, ErrorKind.FORBIDDEN):
            raise CameraUnavailable(camera_id, Availability.NOT_SHARED) from error
        raise
    # HTTP MPEG-TS plays in libvlc everywhere; RTSP needs live555 (see console.video.schemes).
    urls = (streams.sub.http or streams.sub.rtsp, streams.main.http or streams.main.rtsp)
    for url in urls:
        if url:
            # Loads (once) what plays the scheme here, so the tile's first stream does not
            # import libvlc or PyAV on the GUI thread.
            factory_for(url)
    return urls


def load_patrol_plans(client: BackendClient) -> list[PatrolPlan]:
    return [plan.to_domain() for plan in client.patrol_plans()]


def save_patrol_plan(client: BackendClient, plan: PatrolPlan) -> PatrolPlan:
    body = PatrolPlanIn(name=plan.name, camera_ids=list(plan.camera_ids), dwell_s=plan.dwell_s)
    if plan.id:
        return client.update_patrol_plan(plan.id, body).to_domain()
    return client.create_patrol_plan(body).to_domain()


def fetch_camera(client: BackendClient, camera_id: str) -> Camera:
    return client.camera(camera_id).to_domain()


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


def load_catalogue(store: Store) -> tuple[list[Region], list[Camera]]:
    return store.regions.all(), store.cameras.query()


def apply_working_set_and_reload(
    store: Store, working_set: WorkingSet, reset: bool
) -> tuple[list[Region], list[Camera]]:
    apply_working_set(store, working_set, reset=reset)
    return working_set.regions, working_set.cameras


def apply_update_and_report(store: Store, update: StoreUpdate) -> StoreUpdate:
    apply_update(store, update)
    return update


def build_catalog(
    regions: list[Region], cameras: list[Camera], favourites: list[str], shown_key: int | None
) -> tuple[int, CameraCatalog] | None:
    """Index the catalogue off the GUI thread; None when it is what the tree already shows."""
    key = hash(
        (
            tuple(sorted((r.id, r.name, r.parent_id or "") for r in regions)),
            tuple(sorted((c.id, c.name, c.region_id, c.status.value) for c in cameras)),
        )
    )
    if key == shown_key:
        return None
    return key, CameraCatalog(regions, cameras, favourites=favourites)


# ---------------------------------------------------------------------- one session


class _WorkerRelay(QObject):
    """Carries callbacks from the client's and the store's worker threads to the GUI thread.

    It lives on the GUI thread, so a signal emitted from a worker is queued to it. The
    workers stop some time after the session closes (on the store lane), while the relay is
    deleted with the session: ``close()`` makes every later callback a no-op, and an emit
    already under way finishes before ``close()`` returns.
    """

    stream_state_changed = Signal(object)  # StreamState
    event_arrived = Signal(object)  # EventOut
    refresh_needed = Signal(object)  # RefreshReason
    pending_changed = Signal(int)
    outbox_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._open = True

    def close(self) -> None:
        with self._lock:
            self._open = False

    def _emit(self, signal: Any, *args: Any) -> None:
        with self._lock:
            if self._open:
                signal.emit(*args)

    def on_stream_state(self, state: StreamState) -> None:
        self._emit(self.stream_state_changed, state)

    def on_event(self, event: EventOut) -> None:
        self._emit(self.event_arrived, event)

    def on_refresh_needed(self, reason: RefreshReason) -> None:
        self._emit(self.refresh_needed, reason)

    def on_pending(self, count: int) -> None:
        self._emit(self.pending_changed, count)

    def on_outbox_change(self, change: OutboxChange) -> None:
        self._emit(self.outbox_changed)


_CONNECTION_OF_STREAM = {
    StreamStatus.CONNECTING: ConnectionState.CONNECTING,
    StreamStatus.CONNECTED: ConnectionState.CONNECTED,
    StreamStatus.RECONNECTING: ConnectionState.RECONNECTING,
    StreamStatus.OFFLINE: ConnectionState.OFFLINE,
    StreamStatus.LOGIN_NEEDED: ConnectionState.LOGIN_NEEDED,
}


@dataclass(frozen=True)
class OpenedStore:
    """What the store lane hands over when a session starts."""

    store: Store
    layout: SavedLayout | None
    last_event_id: int | None
    workspace: Workspace = field(default_factory=lambda: Workspace(Wall(), LayoutLibrary()))
    workspace_path: Path | None = None


def workspace_file(server_url: str, username: str) -> Path:
    """The user's wall workspace on this server (pages, layouts, cameras, screens)."""
    return store_directory(server_url, username) / WORKSPACE_FILE_NAME


def open_session_store(signed_in: SignedIn) -> OpenedStore:
    """Open the user's store, read their saved layout and wall workspace (store lane)."""
    username = signed_in.user.username
    store = open_store(store_directory(signed_in.server_url, username))
    path = workspace_file(signed_in.server_url, username)
    workspace = read_workspace(path) or Workspace(Wall(), LayoutLibrary())
    return OpenedStore(store, read_layout(username), store.meta.last_event_id, workspace, path)


def stop_session_workers(stream: EventStream, delivery: OutboxDelivery) -> None:
    """Stop the threads that read the server and write the store (they join: not on the
    GUI thread)."""
    stream.stop()
    delivery.stop()


class SessionWiring(QObject):
    """One signed-in session: the user's store, the main window and what connects them.

    The event stream and the outbox delivery run in their own threads (``console.client``);
    their callbacks come here through a relay. Fetching runs on the network lane, writing to
    the store on the store lane, and the views follow on the GUI thread.

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
        self.pending: int | None = None
        self.catalog: CameraCatalog | None = None
        self.camera_panel: CameraTreePanel | None = None
        self._catalogue_key: int | None = None
        self._fresh_shown = False
        self._closed = False
        self._refreshing = False
        self._refresh_owed: RefreshReason | None = None
        self._events_in_flight = False
        self._waiting_events: list[EventOut] = []
        self._diagnostics: DiagnosticsDialog | None = None
        self.raise_dialog: RaiseEventDialog | None = None

        self.window = MainWindow()
        user = signed_in.user
        self.window.status.set_user(user.display_name, user.username, user.role)
        self.window.set_connection(ConnectionState.CONNECTING)
        if services.settings.get("ui.remember_layout"):
            self.window.apply_layout(opened.layout)
        self.window.settings_requested.connect(self._on_window_settings_requested)
        self.window.diagnostics_requested.connect(self._on_window_diagnostics_requested)
        self.wall = self._build_wall(opened)
        # Actions rescued from an outbox that could not be opened wait for the operator.
        self.kept_actions = KeptActionsReview(
            services.runner,
            self.store.outbox,
            self.window,
            notes=kept_notes(self.store.problems, self.store.kept),
            parent=self,
        )
        self.window.status.add_field(self.kept_actions.field)
        # A failed refresh of the working set is tried again (1 s doubling to 30 s, or at once
        # from "Retry now"): until it lands, the store lacks what happened before the event
        # stream's position. Until a catalogue shows, the cameras' dock says why it is missing.
        self._catalogue_retry = CatalogueRetry(self)
        self._catalogue_retry.retry_due.connect(self._start_refresh)
        self.window.set_dock_widget(DockId.CAMERAS, CatalogueStatusPanel(self._catalogue_retry))

        self._relay = _WorkerRelay(self)
        self._relay.stream_state_changed.connect(self._on_stream_state_changed)
        self._relay.refresh_needed.connect(self._on_refresh_needed)
        self._relay.pending_changed.connect(self._on_pending_counted)
        self._event_batcher: Coalescer[EventOut] = Coalescer(
            EVENT_BATCH_MS, self._on_event_batch, parent=self
        )
        self._relay.event_arrived.connect(self._event_batcher.add)
        self._pending_debouncer = Debouncer(PENDING_DEBOUNCE_MS, self.count_pending, self)
        self._relay.outbox_changed.connect(self._pending_debouncer.trigger)
        self.store.outbox.add_listener(self._relay.on_outbox_change)

        client = signed_in.client
        self.stream = EventStream(
            client,
            on_event=self._relay.on_event,
            on_state=self._relay.on_stream_state,
            on_refresh_needed=self._relay.on_refresh_needed,
            last_event_id=opened.last_event_id,
            min_backoff_s=stream_backoff_s[0],
            max_backoff_s=stream_backoff_s[1],
        )
        self.delivery = OutboxDelivery(client, self.store.outbox, on_pending=self._relay.on_pending)

        self._lateness_timer = QTimer(self)
        self._lateness_timer.setInterval(LATENESS_REFRESH_MS)
        self._lateness_timer.timeout.connect(self._on_lateness_timer_timeout)

    # ------------------------------------------------------------------ lifecycle

    def _build_wall(self, opened: OpenedStore) -> SessionWall:
        settings = self.services.settings
        client = self.signed_in.client
        store = self.store
        path = opened.workspace_path or workspace_file(
            self.signed_in.server_url, self.signed_in.user.username
        )

        def queue_patrol_record(body: dict[str, Any], summary: str) -> object:
            return store.outbox.enqueue(
                "patrol.record", "POST", "/patrol-records", body, summary=summary
            )

        wall = SessionWall(
            opened.workspace,
            path,
            self.services.runner,
            lambda camera_id: camera_stream_urls(client, camera_id),
            known=self._camera_availability,
            camera_name=self._camera_name,
            load_plans=lambda: load_patrol_plans(client),
            save_plan=lambda plan: save_patrol_plan(client, plan),
            submit_patrol_record=queue_patrol_record,
            max_main_streams=settings.get("video.max_main_streams"),
            stale_after_s=settings.get("video.stale_after_s"),
            parent=self,
        )
        self.window.set_dock_widget(DockId.WALL, wall.view)
        self.window.set_dock_widget(DockId.PATROL, wall.patrol_widget)
        # The patrol panel shares the cameras' column: make it wide enough for its buttons.
        scroll_bar = wall.patrol_widget.verticalScrollBar().sizeHint().width()
        self.window.widen_dock(
            DockId.PATROL, wall.patrol_panel.minimumSizeHint().width() + scroll_bar
        )
        self.window.add_feature_menu(wall.menu)
        self.window.status.add_field(wall.budget_label)
        wall.raise_event_requested.connect(self._on_wall_raise_event_requested)
        wall.message_posted.connect(self._on_wall_message_posted)
        wall.patrol_started.connect(self._on_wall_patrol_started)
        self._settings_unsubscribe = [
            settings.on_change(
                lambda _key, value: wall.set_max_main_streams(value),
                key="video.max_main_streams",
            ),
            settings.on_change(
                lambda _key, value: wall.set_stale_after(value), key="video.stale_after_s"
            ),
            settings.on_change(lambda _key, value: set_preferred_output(value), key="video.output"),
        ]
        set_preferred_output(settings.get("video.output"))
        return wall

    def start(self) -> None:
        self.window.show()
        self.wall.load_plans()
        self._lateness_timer.start()
        self._on_lateness_timer_timeout()
        self.count_pending()
        self.services.runner.run(
            STORE,
            load_catalogue,
            self.store,
            on_done=self._on_cached_catalogue_loaded,
            title=QCoreApplication.translate("Console", "Reading the camera catalogue"),
        )
        self.stream.start()
        self.delivery.start()
        self.kept_actions.start()

    def close(self) -> None:
        """Save the layout, stop the workers and close the store (all on the store lane)."""
        if self._closed:
            return
        self._closed = True
        self._lateness_timer.stop()
        self._catalogue_retry.stop()
        self._pending_debouncer.cancel()
        for unsubscribe in self._settings_unsubscribe:
            unsubscribe()
        # Before the store closes: a running patrol's record goes into the outbox, and the
        # wall workspace is written, both on the store lane ahead of the close.
        self.wall.dispose()
        self.window.remove_feature_menu(self.wall.menu)
        self.store.outbox.remove_listener(self._relay.on_outbox_change)
        self._relay.close()
        runner = self.services.runner
        runner.run(STORE, stop_session_workers, self.stream, self.delivery)
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
        if self._diagnostics is not None:
            self._diagnostics.close()

    # ------------------------------------------------------------------ outbox

    def count_pending(self) -> None:
        if not self._closed:
            self.services.runner.run(
                STORE, self.store.outbox.pending_count, on_done=self._on_pending_counted
            )

    def _on_pending_counted(self, count: int) -> None:
        if self._closed:
            return
        self.pending = count
        self.window.set_pending(count)
        self.pending_counted.emit(count)

    # ------------------------------------------------------------------ connection

    def _on_stream_state_changed(self, state: StreamState) -> None:
        if self._closed or state.status is StreamStatus.STOPPED:
            return
        connection = _CONNECTION_OF_STREAM[state.status]
        self.window.set_connection(connection, state.attempt)
        self.connection_changed.emit(connection.value, state.attempt)
        if state.status is StreamStatus.CONNECTED:
            self.delivery.server_reachable()

    def connection_text(self) -> str:
        return self.window.status.connection_label.text()

    # ------------------------------------------------------------------ live data

    def _on_refresh_needed(self, reason: RefreshReason) -> None:
        # A request that arrives while a refresh runs is kept, not dropped: the running one
        # may have read the server before the position that asked for this one.
        if reason is RefreshReason.RESET and not self._closed:
            self.services.runner.run(STORE, forget_full_refresh, self.store)
        if self._refresh_owed is not RefreshReason.RESET:
            self._refresh_owed = reason
        self._start_refresh()

    def _start_refresh(self) -> None:
        reason = self._refresh_owed
        if self._closed or self._refreshing or reason is None:
            return
        self._refresh_owed = None
        self._refreshing = True
        reset = reason is RefreshReason.RESET
        self.services.runner.run(
            NET,
            fetch_working_set,
            self.signed_in.client,
            on_done=lambda working_set: self._on_working_set_fetched(working_set, reset),
            on_error=lambda error: self._on_working_set_failed(error, reason),
        )

    def _on_working_set_fetched(self, working_set: WorkingSet, reset: bool) -> None:
        if self._closed:
            return
        reason = RefreshReason.RESET if reset else RefreshReason.START
        self.services.runner.run(
            STORE,
            apply_working_set_and_reload,
            self.store,
            working_set,
            reset,
            on_done=self._on_working_set_stored,
            on_error=lambda error: self._on_working_set_failed(error, reason),
        )

    def _on_working_set_stored(self, catalogue: tuple[list[Region], list[Camera]]) -> None:
        self._refreshing = False
        if not self._closed:
            self._catalogue_retry.succeeded()
            self._prepare_catalogue(*catalogue, fresh=True)
            self._start_refresh()

    def _on_working_set_failed(self, error: BaseException, reason: RefreshReason) -> None:
        self._refreshing = False
        logger.warning("Could not refresh the working set (will try again): %s", error)
        if self._refresh_owed is not RefreshReason.RESET:
            self._refresh_owed = reason
        if not self._closed:
            self._catalogue_retry.failed(error)

    def _on_event_batch(self, events: list[EventOut]) -> None:
        # One batch at a time, so the store sees events in the order the server sent them.
        self._waiting_events.extend(events)
        if self._events_in_flight or self._closed or not self._waiting_events:
            return
        batch, self._waiting_events = self._waiting_events, []
        self._events_in_flight = True
        self.services.runner.run(
            NET,
            resolve_events,
            self.signed_in.client,
            batch,
            on_done=self._on_events_resolved,
            on_error=self._on_events_failed,
        )

    def _on_events_resolved(self, update: StoreUpdate) -> None:
        if self._closed:
            return
        self.services.runner.run(
            STORE,
            apply_update_and_report,
            self.store,
            update,
            on_done=self._on_events_stored,
            on_error=self._on_events_failed,
        )

    def _on_events_stored(self, update: StoreUpdate) -> None:
        self._events_in_flight = False
        if self._closed:
            return
        if update.camera_status and self.catalog is not None:
            self.catalog.set_statuses(dict(update.camera_status))
        if update.camera_status:
            self.wall.set_camera_statuses(list(update.camera_status))
        self.events_applied.emit(update)
        self._on_event_batch([])

    def _on_events_failed(self, error: BaseException) -> None:
        self._events_in_flight = False
        logger.warning("Could not apply live events: %s", error)
        # The stream has moved past these events; only a full refresh brings them back.
        self._on_refresh_needed(RefreshReason.RESET)
        self._on_event_batch([])

    # ------------------------------------------------------------------ catalogue

    def _on_cached_catalogue_loaded(self, data: tuple[list[Region], list[Camera]]) -> None:
        regions, cameras = data
        if cameras and self._catalogue_key is None:
            self._prepare_catalogue(regions, cameras, fresh=False)

    def _prepare_catalogue(
        self, regions: list[Region], cameras: list[Camera], *, fresh: bool
    ) -> None:
        favourites = self.catalog.favourites() if self.catalog is not None else []
        self.services.runner.run(
            NET,
            build_catalog,
            regions,
            cameras,
            favourites,
            self._catalogue_key,
            on_done=lambda built: self._on_catalog_built(built, fresh),
            title=QCoreApplication.translate("Console", "Indexing the camera catalogue"),
        )

    def _on_catalog_built(self, built: tuple[int, CameraCatalog] | None, fresh: bool) -> None:
        if built is None or self._closed or built[0] == self._catalogue_key:
            return
        if not fresh and self._fresh_shown:
            return  # the server's copy arrived first; the cached one is older
        self._fresh_shown = self._fresh_shown or fresh
        self._catalogue_key, self.catalog = built
        self.camera_panel = CameraTreePanel(self.catalog, retry=self._catalogue_retry)
        self.camera_panel.camera_open_requested.connect(self.wall.open_camera)
        self.window.set_dock_widget(DockId.CAMERAS, self.camera_panel)
        self.wall.catalogue_replaced()
        self.catalogue_shown.emit(len(self.catalog))

    # ------------------------------------------------------------------ the wall

    def _camera_name(self, camera_id: str) -> str:
        catalog = self.catalog
        if catalog is None or camera_id not in catalog:
            return camera_id
        return catalog.camera(camera_id).name

    def _camera_availability(self, camera_id: str) -> Availability | None:
        """What the catalogue says about a camera's video (None: it should play)."""
        catalog = self.catalog
        if catalog is None:
            return None
        # The catalogue holds every camera this operator may see.
        if camera_id not in catalog or not catalog.is_shared(camera_id):
            return Availability.NOT_SHARED
        if catalog.camera(camera_id).status is not CameraStatus.ONLINE:
            return Availability.OFFLINE
        return None

    def _on_wall_message_posted(self, text: str) -> None:
        self.window.status.showMessage(text, 8000)

    def _on_wall_patrol_started(self) -> None:
        self.window.show_dock(DockId.PATROL)

    def _on_wall_raise_event_requested(
        self, camera_id: str, snapshot_path: str, source: str
    ) -> None:
        if self._closed:
            return
        catalog = self.catalog
        if catalog is not None and camera_id in catalog:
            self._open_raise_dialog(catalog.camera(camera_id), snapshot_path, source)
            return
        self.services.runner.run(
            NET,
            fetch_camera,
            self.signed_in.client,
            camera_id,
            on_done=lambda camera: self._open_raise_dialog(camera, snapshot_path, source),
            title=QCoreApplication.translate("Console", "Reading the camera"),
        )

    def _open_raise_dialog(self, camera: Camera, snapshot_path: str, source: str) -> None:
        if self._closed:
            return
        dialog = raise_event_from_camera(
            self.window,
            camera,
            snapshot_path or None,
            self._queue_event,
            source=IncidentSource(source),
            runner=self.services.runner,
        )
        dialog.setObjectName("raise_event_dialog")
        self.raise_dialog = dialog
        self.raise_dialog_opened.emit(dialog)

    def _queue_event(self, kind: str, method: str, path: str, body: Any, **options: Any) -> None:
        """The raise-event dialog's outbox hand-over: the write happens on the store lane
        (files copied and synced), never on the GUI thread."""
        if self._closed:
            raise RuntimeError("the session has ended")
        outbox = self.store.outbox

        def enqueue() -> object:
            return outbox.enqueue(kind, method, path, body, **options)

        self.services.runner.run(
            STORE,
            enqueue,
            title=QCoreApplication.translate("Console", "Queuing the event for the server"),
        )

    # ------------------------------------------------------------------ dialogs

    def _on_lateness_timer_timeout(self) -> None:
        self.window.status.set_lateness(self.services.probe.snapshot()["p99_ms"])

    def _on_window_settings_requested(self) -> None:
        dialog = SettingsDialog(self.services.settings, self.window)
        dialog.setObjectName("settings_dialog")
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_window_diagnostics_requested(self) -> None:
        self.open_diagnostics()

    def open_diagnostics(self) -> DiagnosticsDialog:
        if self._diagnostics is None:
            self._diagnostics = DiagnosticsDialog(
                self.services.probe,
                self.services.runner,
                connection=self.connection_text,
                pending=lambda: self.pending,
                log_file=self.services.log_file,
                wall=self.wall.view,
                parent=self.window,
            )
        if self._diagnostics.isVisible():
            self._diagnostics.raise_()
            self._diagnostics.activateWindow()
        else:
            self._diagnostics.show()
        return self._diagnostics


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
        self.login_dialog = dialog
        dialog.show()
        return dialog

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
        self.session_ended.emit()


# ---------------------------------------------------------------------- entry point


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tianmu", description="Tianmu operator console")
    parser.add_argument("--server", help="backend URL, e.g. http://127.0.0.1:8000")
    parser.add_argument("--self-test", action="store_true", help="print what this machine can play")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = _parse(argv)
    if args.self_test:
        from console.video.selftest import print_report

        return print_report()
    # QtWebEngine refuses to start as root without this; the console never runs untrusted pages.
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
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
