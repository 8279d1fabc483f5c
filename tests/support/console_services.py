"""The console's application services for a GUI test, torn down so that the next test starts
clean (no translators, log handlers or registered secrets left behind)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from console import scrub
from console.app import Services, build_services
from console.i18n import remove_translators
from console.logs import teardown_logging


@contextmanager
def console_services(app: QApplication) -> Iterator[Services]:
    built = build_services(app)
    try:
        yield built
    finally:
        built.shutdown()
        built.runner.deleteLater()
        built.probe.deleteLater()
        remove_translators(app)
        teardown_logging()
        scrub.clear_secrets()
