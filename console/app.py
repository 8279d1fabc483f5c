"""Composition root of the console: builds the services, the main window, and wires them."""

from __future__ import annotations

import argparse
import os
import sys


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
    from PySide6.QtWidgets import QApplication

    from console.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Tianmu")
    window = MainWindow(server_url=args.server)
    window.show()
    return app.exec()
