"""Text from the server is shown as written, never rendered as rich text.

The real demo server is loaded with a world whose every name carries markup (headings, bold,
links, images, scripts, and ``%1``/``%2``): regions, cameras, units, the user's display name,
patrol plans, and an incident's title. A console signs in, and the places that show such
text are opened: the camera tree, search results and favourites (with their tooltips), the
status bar, the wall, the patrol panel, the raise-event dialog and the diagnostics dialog.
Then every widget is walked: a label, tooltip or item tooltip that would render the markup
(rather than show it) fails the test.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
import requests
from PySide6.QtCore import QAbstractItemModel, QModelIndex

# QtGui's Qt namespace is QtCore's plus what needs a GUI, such as mightBeRichText.
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QWidget

from console.app import Console, Services, SessionWiring
from console.gui.camera_tree import CameraTreePanel
from console.gui.docks import DockId
from console.gui.incidents import RaiseEventDialog
from console.server.demo.world import World, build_world
from tests.gui.shell.conftest import sign_in_through_dialog
from tests.support.console_services import running_console
from tests.support.live_server import LiveDemoServer, start_demo_server

SENTINEL = "ZQX"
MARKUP = (
    "<b>bold</b>",
    "<a href='https://evil.example/'>link</a>",
    "<img src='file:///etc/passwd'>",
    "<script>alert(1)</script>",
)
USER = "operator-1"


def hostile(kind: str, number: int) -> str:
    """A name that starts with a tag (so Qt would guess rich text) and holds every marker."""
    return f"<h1>{SENTINEL} {kind} {number}</h1>{''.join(MARKUP)} %2 %1"


# ---------------------------------------------------------------------- what Qt would show


def shown_text(text: str, text_format: Qt.TextFormat) -> str:
    """What the operator reads for ``text`` shown in ``text_format``."""
    if text_format == Qt.TextFormat.PlainText:
        return text
    if text_format == Qt.TextFormat.AutoText and not Qt.mightBeRichText(text):
        return text
    document = QTextDocument()
    if text_format == Qt.TextFormat.MarkdownText:
        document.setMarkdown(text)
    else:
        document.setHtml(text)
    return document.toPlainText()


def shown_tooltip(text: str) -> str:
    # QToolTip shows rich text exactly when Qt guesses it is.
    return shown_text(text, Qt.TextFormat.AutoText)


def rendered_markup(raw: str, shown: str) -> str | None:
    """Why ``raw`` (holding server text) is not shown as written; None when it is."""
    if SENTINEL not in raw and SENTINEL not in shown:
        return None
    missing = [marker for marker in (*MARKUP, "<h1>") if marker not in shown]
    return f"markup rendered, not shown: {missing}" if missing else None


def _column_count(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return max(model.columnCount(parent), 1)
    except TypeError:
        # Qt's list-widget model keeps columnCount private: it has one column.
        return 1


def _model_tooltips(model: QAbstractItemModel, parent: QModelIndex, found: list[str]) -> None:
    for row in range(model.rowCount(parent)):
        for column in range(_column_count(model, parent)):
            index = model.index(row, column, parent)
            tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tooltip, str) and tooltip:
                found.append(tooltip)
        first = model.index(row, 0, parent)
        if first.isValid() and model.rowCount(first) > 0:
            _model_tooltips(model, first, found)


def _where(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def audit_widgets() -> tuple[list[str], set[str]]:
    """(problems, places that showed server text) over every widget of the application."""
    problems: list[str] = []
    places: set[str] = set()

    def check(place: str, raw: str, shown: str) -> None:
        if SENTINEL in raw or SENTINEL in shown:
            places.add(place)
        problem = rendered_markup(raw, shown)
        if problem:
            problems.append(f"{place}: {problem} in {raw[:120]!r}")

    for widget in QApplication.allWidgets():
        where = _where(widget)
        if isinstance(widget, QLabel):
            check(f"label {where}", widget.text(), shown_text(widget.text(), widget.textFormat()))
        tooltip = widget.toolTip()
        if tooltip:
            check(f"tooltip {where}", tooltip, shown_tooltip(tooltip))
        for action in widget.actions():
            if action.toolTip():
                check(f"action {where}", action.toolTip(), shown_tooltip(action.toolTip()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            tooltips: list[str] = []
            _model_tooltips(widget.model(), QModelIndex(), tooltips)
            for item_tooltip in tooltips:
                check(f"item tooltip {where}", item_tooltip, shown_tooltip(item_tooltip))
    return problems, places


# ---------------------------------------------------------------------- the hostile world


def hostile_world() -> World:
    world = build_world(camera_count=60)
    regions = tuple(
        dataclasses.replace(region, name=hostile("region", number))
        for number, region in enumerate(world.regions)
    )
    cameras = tuple(
        dataclasses.replace(camera, name=hostile("camera", number))
        for number, camera in enumerate(world.cameras)
    )
    # One name as long as the server allows: it must elide on a tile, not cover its state.
    longest = hostile("camera", 999) + " " + "长" * 200
    cameras = (dataclasses.replace(cameras[0], name=longest[:200]), *cameras[1:])
    units = tuple(
        dataclasses.replace(unit, name=hostile("unit", number))
        for number, unit in enumerate(world.units)
    )
    users = tuple(
        dataclasses.replace(user, display_name=hostile("user", number))
        for number, user in enumerate(world.users)
    )
    plans = tuple(
        dataclasses.replace(plan, name=hostile("plan", number))
        for number, plan in enumerate(world.patrol_plans)
    )
    return dataclasses.replace(
        world, regions=regions, cameras=cameras, units=units, users=users, patrol_plans=plans
    )


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    server = start_demo_server(tmp_path_factory.mktemp("hostile-server"), world=hostile_world())
    try:
        # An incident whose title is markup, raised by a colleague before the console starts.
        camera = server.world.cameras[1]
        response = requests.post(
            f"{server.api}/incidents",
            json={
                "title": hostile("incident", 1),
                "description": hostile("incident text", 1),
                "category": "other",
                "priority": 3,
                "source": "operator",
                "camera_ids": [camera.id],
                "lat": camera.position.lat,
                "lon": camera.position.lon,
            },
            headers={"Authorization": f"Bearer {server.token('operator-2')}"},
            timeout=10,
        )
        assert response.status_code in (200, 201), response.text
        yield server
    finally:
        server.close()


@pytest.fixture
def console(services: Services, hostile_server: LiveDemoServer) -> Iterator[Console]:
    with running_console(services, hostile_server.url, hostile_server.passwords) as made:
        yield made


def _open_everything(qtbot, session: SessionWiring) -> None:
    qtbot.waitUntil(lambda: session.camera_panel is not None, timeout=30_000)
    panel = session.camera_panel
    assert isinstance(panel, CameraTreePanel)
    panel.tree_view.expandAll()
    first, second = panel.catalog.camera_ids()[:2]
    panel.set_favourite(first, True)
    panel.set_search_text(SENTINEL)
    assert panel.results_model.rowCount() > 0

    session.wall.open_camera(first)
    session.wall.open_camera(second)

    session.window.show_dock(DockId.PATROL)
    qtbot.waitUntil(lambda: session.wall.patrol_panel.plan_list.count() > 0, timeout=20_000)

    with qtbot.waitSignal(session.raise_dialog_opened, timeout=20_000):
        session.wall.raise_event_requested.emit(first, "", "operator")
    assert isinstance(session.raise_dialog, RaiseEventDialog)

    session.window.diagnostics_requested.emit()


def test_no_widget_renders_server_text_as_rich_text(
    qtbot, console: Console, hostile_server: LiveDemoServer
) -> None:
    session = sign_in_through_dialog(qtbot, console, USER, hostile_server.password(USER))
    _open_everything(qtbot, session)

    problems, places = audit_widgets()

    assert problems == []
    # The walk did see the server's text where it is shown.
    expected = {
        "label user_label",
        "item tooltip camera_tree_view",
        "item tooltip camera_results_view",
        "item tooltip favourites_view",
        "item tooltip patrol_plan_list",
        "label camera_value_label",
    }
    assert expected <= places, sorted(places)
    # A plan called "... %2 %1" keeps its name in the list: one pass fills the template.
    plan_list = session.wall.patrol_panel.plan_list
    plan_texts = [plan_list.item(row).text() for row in range(plan_list.count())]
    assert any(
        text.startswith(hostile("plan", 0)) or hostile("plan", 0) in text for text in plan_texts
    )
    assert all(" %2 %1 — " in text for text in plan_texts), plan_texts


def test_the_audit_catches_a_label_that_renders_markup(qtbot) -> None:
    # The walk above must be able to fail: a label left in AutoText with server text is caught.
    careless = QLabel(hostile("camera", 7))
    careless.setObjectName("careless_label")
    qtbot.addWidget(careless)
    tooltip_holder = QLabel("plain")
    tooltip_holder.setObjectName("careless_tooltip")
    tooltip_holder.setToolTip(hostile("region", 3))
    qtbot.addWidget(tooltip_holder)
    problems, places = audit_widgets()
    assert any(problem.startswith("label careless_label") for problem in problems)
    assert any(problem.startswith("tooltip careless_tooltip") for problem in problems)
    assert {"label careless_label", "tooltip careless_tooltip"} <= places
