"""The video wall and patrol as a feature of the session.

Contributes the Wall and Patrol docks, the Wall menu and the stream-budget status field;
builds ``SessionWall`` from the session's client (stream URLs, patrol plans), its outbox
(patrol records) and its camera lookup, and follows the video settings while it lives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from console.client import BackendClient, BackendError, ErrorKind, StoreUpdate
from console.domain.model import PatrolPlan
from console.gui.docks import DockId
from console.gui.session import Session
from console.gui.wall.session_wall import Availability, CameraUnavailable, SessionWall
from console.video.output import set_preferred_output
from console.video.schemes import factory_for
from console.wall.workspace import Workspace
from console.wire.patrol import PatrolPlanIn

# How long a message from the wall stays in the status bar.
MESSAGE_MS = 8000


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


class WallFeature(QObject):
    """Contributes the wall (``self.wall``, a SessionWall) and patrol to the main window.

    It has no signals of its own: ``wall.raise_event_requested`` is for whoever raises
    events. ``open_camera`` answers the session's ``camera_play_requested``.
    """

    def __init__(
        self,
        session: Session,
        workspace: Workspace,
        workspace_path: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        settings = session.settings
        client = session.client
        outbox = session.store.outbox

        def queue_patrol_record(body: dict[str, Any], summary: str) -> object:
            return outbox.enqueue("patrol.record", "POST", "/patrol-records", body, summary=summary)

        wall = self.wall = SessionWall(
            workspace,
            workspace_path,
            session.runner,
            lambda camera_id: camera_stream_urls(client, camera_id),
            known=session.cameras.availability,
            camera_name=session.cameras.name,
            load_plans=lambda: load_patrol_plans(client),
            save_plan=lambda plan: save_patrol_plan(client, plan),
            submit_patrol_record=queue_patrol_record,
            max_main_streams=settings.get("video.max_main_streams"),
            stale_after_s=settings.get("video.stale_after_s"),
            parent=self,
        )
        window = session.window
        window.set_dock_widget(DockId.WALL, wall.view)
        window.set_dock_widget(DockId.PATROL, wall.patrol_widget)
        # The patrol panel shares the cameras' column: make it wide enough for its buttons.
        scroll_bar = wall.patrol_widget.verticalScrollBar().sizeHint().width()
        window.widen_dock(DockId.PATROL, wall.patrol_panel.minimumSizeHint().width() + scroll_bar)
        window.add_feature_menu(wall.menu)
        window.status.add_field(wall.budget_label)
        wall.message_posted.connect(self._on_wall_message_posted)
        wall.patrol_started.connect(self._on_wall_patrol_started)
        wall.patrol_panel.set_step_mode(settings.get("patrol.step_mode"))
        wall.patrol.preroll_s = settings.get("patrol.preroll_s")
        wall.patrol_panel.step_mode_chosen.connect(
            lambda mode: settings.set("patrol.step_mode", mode)
        )
        self._settings_unsubscribe = [
            settings.on_change(
                lambda _key, value: wall.set_max_main_streams(value),
                key="video.max_main_streams",
            ),
            settings.on_change(
                lambda _key, value: wall.set_stale_after(value), key="video.stale_after_s"
            ),
            settings.on_change(lambda _key, value: set_preferred_output(value), key="video.output"),
            settings.on_change(
                lambda _key, value: wall.patrol_panel.set_step_mode(value),
                key="patrol.step_mode",
            ),
            settings.on_change(
                lambda _key, value: setattr(wall.patrol, "preroll_s", value),
                key="patrol.preroll_s",
            ),
        ]
        set_preferred_output(settings.get("video.output"))

    def start(self) -> None:
        self.wall.load_plans()

    def close(self) -> None:
        """Stop following the settings and dispose of the wall: a running patrol's record
        goes into the outbox and the workspace is written, both on the store lane."""
        for unsubscribe in self._settings_unsubscribe:
            unsubscribe()
        self.wall.dispose()
        self._session.window.remove_feature_menu(self.wall.menu)

    def open_camera(self, camera_id: str) -> None:
        self.wall.open_camera(camera_id)

    def catalogue_replaced(self, _count: int = 0) -> None:
        """A new catalogue shows: tiles take its names, refused cameras are asked again."""
        self.wall.catalogue_replaced()

    def apply_update(self, update: StoreUpdate) -> None:
        """Tiles of cameras whose status changed try again (or say why they cannot)."""
        if update.camera_status:
            self.wall.set_camera_statuses(list(update.camera_status))

    def _on_wall_message_posted(self, text: str) -> None:
        self._session.window.status.showMessage(text, MESSAGE_MS)

    def _on_wall_patrol_started(self) -> None:
        self._session.window.show_dock(DockId.PATROL)
