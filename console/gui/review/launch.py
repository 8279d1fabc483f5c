"""``tianmu review [PATH…]``: the review window on its own — no server, no sign-in, none of
the signed-in console's features loaded (the settings are only read: language, log level)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from console.gui.crash_dialog import show_crash_dialog
from console.gui.review.window import ReviewWindow
from console.i18n import install_translator
from console.logs import install_excepthook, setup_logging, teardown_logging
from console.settings import Settings
from console.tasks import TaskRunner


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tianmu review", description="Review recorded clips offline (no server needed)."
    )
    parser.add_argument("paths", nargs="*", type=Path, help="clip files or folders of clips")
    return parser.parse_args(argv)


def _ignore_write(_path: Path, _data: bytes) -> None:
    """The review window changes no setting."""


def main(argv: list[str]) -> int:
    args = _parse(argv)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Tianmu")
    app.setOrganizationName("Tianmu")
    settings = Settings(write=_ignore_write)
    setup_logging(settings.get("log.level"))
    install_translator(app, settings.get("language"))
    uninstall_hook = install_excepthook(show_crash_dialog)
    runner = TaskRunner(parent=app)
    runner.task_failed.connect(show_crash_dialog)
    window = ReviewWindow(runner, settings=settings)
    window.show()
    if args.paths:
        window.open_paths(args.paths)
    try:
        return app.exec()
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        runner.shutdown()
        uninstall_hook()
        teardown_logging()
