"""Logging for the console: a rotating file, stderr, Qt's messages, and crash reporting.

Whatever thread logs a record, the file and stderr are written by one writer thread (a
``QueueListener``): a slow or busy disk never stalls the GUI thread, its repaint clock or its
tiles. Logging on any thread only formats the record, scrubs it and puts it on a queue.

Every record is scrubbed before it is queued, so credentials never reach the log file, whether
they were in the message, in its arguments or in the text of an exception. Scrubbing on the
logging thread rather than the writer's matters: a secret forgotten at logout right after a
line mentioned it must still be masked in that line. The record is scrubbed in place, so other
handlers on the root logger see the scrubbed text too.

Critical records (crash reports, Qt's fatal messages) are the last a process may say before it
dies, so logging one waits until the writer has written it.
"""

from __future__ import annotations

import atexit
import copy
import logging
import logging.handlers
import queue
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
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
WRITER_THREAD_NAME = "log-writer"
# How long logging a critical record (or flushing) waits for the writer: long enough for any
# healthy disk, short enough that a wedged one cannot hang a crashing process for good.
FLUSH_TIMEOUT_S = 5.0

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

ShowDialog = Callable[[str, str], None]

# What a queued record carries: its message with the exception and stack text folded in.
_MESSAGE_FORMATTER = logging.Formatter("%(message)s")
_LINE_FORMATTER = logging.Formatter(FORMAT)


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
            record.exc_text = _LINE_FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


class _TianmuHandler:
    """Marks the handlers installed here, so a second setup replaces rather than duplicates."""


class _FileHandler(logging.handlers.RotatingFileHandler):
    pass


class _StreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    pass


class _Barrier:
    """Put on the queue behind the records to wait for; the writer sets it on reaching it."""

    def __init__(self) -> None:
        self.reached = threading.Event()


class _LogWriter(logging.handlers.QueueListener):
    """The one thread that writes log records to the file and stderr."""

    def start(self) -> None:
        # Named, so that the log and thread listings say what it is.
        monitor = self._monitor  # type: ignore[attr-defined]
        thread = threading.Thread(target=monitor, name=WRITER_THREAD_NAME, daemon=True)
        self._thread = thread
        thread.start()

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread

    def handle(self, record: Any) -> None:
        if isinstance(record, _Barrier):
            record.reached.set()
            return
        super().handle(record)


class _QueueHandler(logging.handlers.QueueHandler, _TianmuHandler):
    """Formats and scrubs a record on the logging thread, then hands it to the writer."""

    def __init__(self, records: queue.SimpleQueue[Any], writer: _LogWriter) -> None:
        super().__init__(records)
        self.addFilter(ScrubFilter())
        self.setFormatter(_MESSAGE_FORMATTER)
        self._writer = writer

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        # The scrub filter has already merged the arguments into the message and scrubbed it,
        # with the exception and stack text; folded together here, the writer formats nothing
        # that could still change once the logging call returns.
        prepared = copy.copy(record)
        prepared.msg = prepared.message = self.format(prepared)
        prepared.args = None
        prepared.exc_info = None
        prepared.exc_text = None
        prepared.stack_info = None
        return prepared

    def handle(self, record: logging.LogRecord) -> Any:
        handled = super().handle(record)
        if handled and record.levelno >= logging.CRITICAL:
            self.flush()
        return handled

    def flush(self) -> None:
        """Wait until the writer has written every record queued so far."""
        thread = self._writer.thread
        if thread is None or thread is threading.current_thread() or not thread.is_alive():
            return
        barrier = _Barrier()
        self.queue.put_nowait(barrier)
        barrier.reached.wait(FLUSH_TIMEOUT_S)


@dataclass
class _Installed:
    log_file: Path
    to_stderr: bool
    records: queue.SimpleQueue[Any]
    handler: _QueueHandler
    writer: _LogWriter
    outputs: list[logging.Handler]


_installed: _Installed | None = None
_install_lock = threading.Lock()
_exit_hook_registered = False


def _install(log_file: Path, to_stderr: bool) -> _Installed:
    outputs: list[logging.Handler] = [
        _FileHandler(log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    ]
    if to_stderr:
        outputs.append(_StreamHandler(sys.stderr))
    for output in outputs:
        output.setFormatter(_LINE_FORMATTER)
    records: queue.SimpleQueue[Any] = queue.SimpleQueue()
    writer = _LogWriter(records, *outputs, respect_handler_level=True)
    writer.start()
    handler = _QueueHandler(records, writer)
    logging.getLogger().addHandler(handler)
    return _Installed(log_file, to_stderr, records, handler, writer, outputs)


def _uninstall() -> None:
    """Take the queue off the root logger, let the writer write what is queued, close the file."""
    global _installed
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _TianmuHandler):
            root.removeHandler(handler)
            handler.close()
    installed, _installed = _installed, None
    if installed is None:
        return
    installed.writer.stop()  # drains the queue, then joins the thread
    for output in installed.outputs:
        output.close()
    # Whatever another thread queued behind the stop is not written; nobody waits on it.
    while True:
        try:
            late = installed.records.get_nowait()
        except queue.Empty:
            break
        if isinstance(late, _Barrier):
            late.reached.set()


def _uninstall_at_exit() -> None:
    # The writer is a daemon thread: without this, what it had not written yet at exit is lost.
    with _install_lock:
        _uninstall()


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

    Starts the writer thread. Calling it again with the same file and outputs only changes the
    level; with others, it replaces what it installed before.
    """
    global _installed, _exit_hook_registered
    if isinstance(level, str):
        level = logging.getLevelNamesMapping().get(level.upper(), logging.INFO)
    to_stderr = to_stderr and sys.stderr is not None  # None in a windowed build without a console
    log_file = paths.log_dir() / LOG_FILE_NAME
    with _install_lock:
        if (
            _installed is None
            or _installed.log_file != log_file
            or _installed.to_stderr != to_stderr
        ):
            _uninstall()
            _installed = _install(log_file, to_stderr)
        if not _exit_hook_registered:
            atexit.register(_uninstall_at_exit)
            _exit_hook_registered = True
    logging.getLogger().setLevel(level)
    if route_qt:
        route_qt_messages()
    logger.info("Logging to %s at level %s", log_file, logging.getLevelName(level))
    return log_file


def flush_logging() -> None:
    """Wait until every record logged so far is written (or the writer is not running)."""
    installed = _installed
    if installed is not None:
        installed.handler.flush()


def log_writer_thread() -> threading.Thread | None:
    """The thread that writes the log, while logging is set up."""
    installed = _installed
    return installed.writer.thread if installed is not None else None


def teardown_logging() -> None:
    """Write what is queued, stop the writer and remove what ``setup_logging`` installed.

    The console calls it on an orderly exit; tests call it to start the next one clean.
    Calling it twice is harmless.
    """
    with _install_lock:
        _uninstall()
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
