"""Logging for the console: a rotating file, stderr, Qt's messages, and crash reporting.

Every record passes a scrubbing filter before any of our handlers writes it, so credentials
never reach the log file, whether they were in the message, in its arguments or in the text of
an exception.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)

from console import paths
from console.scrub import scrub

logger = logging.getLogger(__name__)

LOG_FILE_NAME = "tianmu.log"
MAX_BYTES = 5 * 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s [%(threadName)s] %(name)s: %(message)s"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

ShowDialog = Callable[[str, str], None]


class ScrubFilter(logging.Filter):
    """Rewrites a record so that its message, arguments and exception text hold no credentials.

    The record is changed in place, so every handler after this one sees the scrubbed text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!s} {record.args!r}"
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


_FORMATTER = logging.Formatter(FORMAT)


class _TianmuHandler:
    """Marks the handlers installed here, so a second setup replaces rather than duplicates."""


class _FileHandler(logging.handlers.RotatingFileHandler, _TianmuHandler):
    pass


class _StreamHandler(logging.StreamHandler, _TianmuHandler):  # type: ignore[type-arg]
    pass


def _qt_logger_name(category: str | None) -> str:
    if not category or category == "default":
        return "qt"
    return category if category.startswith("qt") else f"qt.{category}"


class _QtMessageRouter:
    """Sends Qt's own messages (qWarning and friends) into Python logging."""

    def __init__(self) -> None:
        self.previous: Any = None

    def __call__(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = _QT_LEVELS.get(kind, logging.WARNING)
        logging.getLogger(_qt_logger_name(context.category)).log(level, "%s", message)
        # Whoever was installed before us (a test harness, for one) still gets the message;
        # Qt's default handler is not chained: it would print a second copy to stderr.
        if self.previous is not None:
            self.previous(kind, context, message)


_qt_router: _QtMessageRouter | None = None


def route_qt_messages() -> None:
    """Install the Qt message handler (idempotent)."""
    global _qt_router
    if _qt_router is not None:
        return
    _qt_router = _QtMessageRouter()
    _qt_router.previous = qInstallMessageHandler(_qt_router)


def unroute_qt_messages() -> None:
    """Put back the Qt message handler that was there before ``route_qt_messages``."""
    global _qt_router
    if _qt_router is None:
        return
    qInstallMessageHandler(_qt_router.previous)
    _qt_router = None


def setup_logging(
    level: int | str = logging.INFO, *, to_stderr: bool = True, route_qt: bool = True
) -> Path:
    """Log to a rotating file in the log folder (and stderr); returns the file's path.

    Calling it again replaces the handlers it installed before (to change the level, say).
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _TianmuHandler):
            root.removeHandler(handler)
            handler.close()
    if isinstance(level, str):
        level = logging.getLevelNamesMapping().get(level.upper(), logging.INFO)
    log_file = paths.log_dir() / LOG_FILE_NAME
    handlers: list[logging.Handler] = [
        _FileHandler(log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    ]
    if to_stderr and sys.stderr is not None:  # None in a windowed build without a console
        handlers.append(_StreamHandler(sys.stderr))
    for handler in handlers:
        handler.addFilter(ScrubFilter())
        handler.setFormatter(_FORMATTER)
        root.addHandler(handler)
    root.setLevel(level)
    if route_qt:
        route_qt_messages()
    logger.info("Logging to %s at level %s", log_file, logging.getLevelName(level))
    return log_file


def teardown_logging() -> None:
    """Remove what ``setup_logging`` installed (tests, and a clean shutdown)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _TianmuHandler):
            root.removeHandler(handler)
            handler.close()
    unroute_qt_messages()


# ---------------------------------------------------------------------- crash reporting


class _DialogRelay(QObject):
    """Carries crash reports from any thread to the GUI thread, where the dialog may be shown."""

    requested = Signal(str, str)


class _CrashReporter:
    def __init__(self, show_dialog: ShowDialog | None):
        self.show_dialog = show_dialog
        self.relay: _DialogRelay | None = None
        self._showing = threading.local()
        app = QCoreApplication.instance()
        if show_dialog is not None and app is not None:
            self.relay = _DialogRelay()
            self.relay.moveToThread(app.thread())
            self.relay.requested.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
        where: str,
    ) -> None:
        logging.getLogger("console.crash").critical(
            "Unhandled exception in %s", where, exc_info=(exc_type, exc, tb)
        )
        if self.show_dialog is None:
            return
        title = QCoreApplication.translate("CrashDialog", "Unexpected error")
        detail = scrub("".join(traceback.format_exception(exc_type, exc, tb)))
        if self.relay is not None:
            # Queued even from the GUI thread: the dialog then opens from the event loop,
            # not from inside whatever raised.
            self.relay.requested.emit(title, detail)
        elif threading.current_thread() is threading.main_thread():
            self._show(title, detail)

    def _show(self, title: str, detail: str) -> None:
        if getattr(self._showing, "active", False) or self.show_dialog is None:
            return  # an error raised while showing the dialog is only logged
        self._showing.active = True
        try:
            self.show_dialog(title, detail)
        except Exception:
            logger.exception("The crash dialog itself failed")
        finally:
            self._showing.active = False


def install_excepthook(show_dialog: ShowDialog | None = None) -> Callable[[], None]:
    """Log every uncaught exception (GUI thread, worker threads) and show it to the operator.

    ``show_dialog(title, detail)`` is called on the GUI thread with scrubbed text; the console
    passes ``console.gui.crash_dialog.show_crash_dialog``. Call this on the GUI thread after
    the QApplication exists. Returns a function that restores the previous hooks.
    """
    reporter = _CrashReporter(show_dialog)
    previous_sys = sys.excepthook
    previous_threading = threading.excepthook

    def sys_hook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous_sys(exc_type, exc, tb)
            return
        reporter.report(exc_type, exc, tb, "the GUI thread")

    def threading_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "a thread"
        reporter.report(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    sys.excepthook = sys_hook
    threading.excepthook = threading_hook

    def uninstall() -> None:
        sys.excepthook = previous_sys
        threading.excepthook = previous_threading
        if reporter.relay is not None:
            reporter.relay.deleteLater()

    return uninstall
