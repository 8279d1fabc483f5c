"""The console's application services for a GUI test, torn down so that the next test starts
clean (no translators, log handlers or registered secrets left behind), and a console on a
server that leaves no token behind in the keyring."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QApplication

from console import scrub
from console.app import Console, Services, build_services
from console.credentials import CredentialStore
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


@contextmanager
def running_console(
    services: Services, server_url: str, usernames: Iterable[str] = ()
) -> Iterator[Console]:
    """A console for ``server_url`` (quick stream reconnects), shut down afterwards; the
    tokens of ``usernames`` kept in the (kernel) keyring, which outlives the test, go too."""
    made = Console(services, server_url=server_url, stream_backoff_s=(0.2, 1.0))
    try:
        yield made
    finally:
        made.shutdown()
        store = CredentialStore()
        for username in usernames:
            store.forget_token(server_url, username)
