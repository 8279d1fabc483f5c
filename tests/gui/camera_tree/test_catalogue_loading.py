"""A catalogue the server cannot deliver: the camera dock says why, tries again by itself with
backoff, offers "Retry now", and shows the tree once the server answers properly.

The real demo server serves everything; a thin wrapper in front of it answers the catalogue
routes (regions, cameras) with what the test asks for: a web page, broken or foreign JSON,
an answer far too large.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from console.app import Console, Services
from console.client.errors import AnswerProblem, MalformedResponseError, UnreachableError
from console.client.rest import MAX_JSON_BYTES
from console.gui.camera_tree import CameraTreePanel
from console.gui.camera_tree.loading import (
    CatalogueRetry,
    CatalogueStatusPanel,
    catalogue_problem_text,
)
from console.gui.docks import DockId
from tests.gui.shell.conftest import sign_in_through_dialog
from tests.support.console_services import running_console
from tests.support.live_server import LiveDemoServer, start_demo_server

_CATALOGUE_PATHS = ("/api/v1/regions", "/api/v1/cameras")
_HTML = b"<!doctype html><html><body><h1>Maintenance</h1></body></html>"


class CatalogueSabotage:
    """An ASGI wrapper: catalogue requests get ``reply`` (status, type, body) while it is set;
    everything else, and the catalogue once ``reply`` is None, goes to the real server."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.reply: tuple[int, str, bytes] | None = None
        self.hits = 0

    @property
    def state(self) -> Any:
        return self.app.state

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        reply = self.reply
        if reply is not None and scope["type"] == "http" and scope["path"] in _CATALOGUE_PATHS:
            self.hits += 1
            status, content_type, body = reply
            headers = [
                (b"content-type", content_type.encode()),
                (b"content-length", str(len(body)).encode()),
            ]
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def sabotaged_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveDemoServer]:
    server = start_demo_server(tmp_path_factory.mktemp("catalogue-server"), camera_count=300)
    try:
        server.stop()
        server.app = CatalogueSabotage(server.app)
        server.restart()
        yield server
    finally:
        server.close()


@pytest.fixture
def sabotage(sabotaged_server: LiveDemoServer) -> Iterator[CatalogueSabotage]:
    wrapper = sabotaged_server.app
    assert isinstance(wrapper, CatalogueSabotage)
    wrapper.hits = 0
    yield wrapper
    wrapper.reply = None


@pytest.fixture
def console(services: Services, sabotaged_server: LiveDemoServer) -> Iterator[Console]:
    with running_console(services, sabotaged_server.url, sabotaged_server.passwords) as made:
        yield made


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        pytest.param((200, "text/html", _HTML), "cannot read", id="html"),
        pytest.param((200, "application/json", b'{"items": [{"id": '), "cannot read", id="broken"),
        pytest.param(
            (200, "application/json", b'[{"id": 1, "shape": "not a region"}]'),
            "cannot read",
            id="foreign-json",
        ),
        pytest.param(
            lambda: (200, "application/json", b" " * (MAX_JSON_BYTES + 1)),
            "too large",
            id="oversized",
        ),
    ],
)
def test_a_catalogue_the_console_cannot_read_is_explained_retried_and_recovered(
    qtbot,
    console: Console,
    sabotaged_server: LiveDemoServer,
    sabotage: CatalogueSabotage,
    reply: tuple[int, str, bytes] | Callable[[], tuple[int, str, bytes]],
    reason: str,
) -> None:
    # The oversized body is made only for its own test, not held for the whole session.
    sabotage.reply = reply if isinstance(reply, tuple) else reply()
    session = sign_in_through_dialog(
        qtbot, console, "operator-1", sabotaged_server.password("operator-1")
    )
    panel = session.window.dock(DockId.CAMERAS).widget()
    assert isinstance(panel, CatalogueStatusPanel)
    bar = panel.problem_bar

    # Not "Loading…" forever: the reason, and when the next try comes.
    qtbot.waitUntil(lambda: bar.isVisible(), timeout=20_000)
    assert reason in bar.text()
    assert "Next try in" in bar.text() or "Trying again" in bar.text()
    assert not panel.loading_label.isVisible()
    # It tries again by itself.
    first_hits = sabotage.hits
    qtbot.waitUntil(lambda: sabotage.hits > first_hits, timeout=20_000)
    assert session.camera_panel is None

    # The server mends; "Retry now" brings the tree.
    sabotage.reply = None
    bar.retry_button.click()
    qtbot.waitUntil(lambda: session.camera_panel is not None, timeout=30_000)
    tree = session.window.dock(DockId.CAMERAS).widget()
    assert isinstance(tree, CameraTreePanel)
    assert len(tree.catalog) > 0
    assert tree.problem_bar is not None
    assert not tree.problem_bar.isVisible()
    assert not tree.empty_label.isVisible()


def test_retry_backs_off_from_one_to_thirty_seconds_with_spread(qtbot) -> None:
    retry = CatalogueRetry(rng=random.Random(5))
    problem = MalformedResponseError("html", problem=AnswerProblem.NOT_JSON)
    delays = [retry.failed(problem) for _ in range(10)]
    retry.stop()
    assert 0.7 <= delays[0] <= 1.3
    assert all(later >= earlier * 0.6 for earlier, later in zip(delays, delays[1:], strict=False))
    assert max(delays) <= 30.0 * 1.2
    assert delays[-1] >= 30.0 * 0.8
    # Spread: two consoles failing together do not come back in step.
    other = CatalogueRetry(rng=random.Random(6))
    assert [other.failed(problem) for _ in range(10)] != delays
    other.stop()


def test_retry_now_asks_at_once_and_success_clears_the_problem(qtbot) -> None:
    retry = CatalogueRetry(first_s=600.0, last_s=600.0)
    due: list[bool] = []
    retry.retry_due.connect(lambda: due.append(True))
    retry.failed(UnreachableError("down"))
    assert retry.problem == catalogue_problem_text(UnreachableError("down"))
    assert (retry.seconds_left() or 0) > 60
    retry.retry_now()
    assert due == [True]
    assert retry.seconds_left() is None
    retry.succeeded()
    assert retry.problem == ""
    assert retry.failures == 0


def test_the_problem_bar_counts_down_and_hides_when_mended(qtbot) -> None:
    retry = CatalogueRetry(first_s=600.0, last_s=600.0)
    panel = CatalogueStatusPanel(retry)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.loading_label.isVisible()
    assert not panel.problem_bar.isVisible()
    retry.failed(MalformedResponseError("big", problem=AnswerProblem.TOO_LARGE))
    assert panel.problem_bar.isVisible()
    assert "too large" in panel.problem_bar.text()
    assert "Next try in" in panel.problem_bar.text()
    assert not panel.loading_label.isVisible()
    retry.succeeded()
    assert not panel.problem_bar.isVisible()
    assert panel.loading_label.isVisible()
