"""What the map page may do: settings, the network it may reach, the bridge script.

The map shows text from the server and from operators; if any of it ever slipped through as
markup, the page still could not reach anything but its own scheme and the configured tile
host, open windows, read files, or run plugins.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QFile, QIODevice, QObject, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)

from console.gui.map.assets import HOST, SCHEME

logger = logging.getLogger(__name__)

_Attr = QWebEngineSettings.WebAttribute

# Off: everything the map does not need.
_DISABLED = (
    _Attr.JavascriptCanOpenWindows,
    _Attr.JavascriptCanAccessClipboard,
    _Attr.JavascriptCanPaste,
    _Attr.AllowWindowActivationFromJavaScript,
    _Attr.LocalContentCanAccessFileUrls,
    _Attr.LocalContentCanAccessRemoteUrls,
    _Attr.LocalStorageEnabled,
    _Attr.PluginsEnabled,
    _Attr.PdfViewerEnabled,
    _Attr.FullScreenSupportEnabled,
    _Attr.ScreenCaptureEnabled,
    _Attr.AllowRunningInsecureContent,
    _Attr.AllowGeolocationOnInsecureOrigins,
    _Attr.HyperlinkAuditingEnabled,
    _Attr.DnsPrefetchEnabled,
    _Attr.WebGLEnabled,
    _Attr.AutoLoadIconsForPage,
    _Attr.TouchIconsEnabled,
    # A file dropped on the map would otherwise replace the page.
    _Attr.NavigateOnDropEnabled,
    _Attr.ErrorPageEnabled,
    _Attr.WebRTCPublicInterfacesOnly,
)


def harden_settings(settings: QWebEngineSettings) -> None:
    settings.setAttribute(_Attr.JavascriptEnabled, True)
    for attribute in _DISABLED:
        settings.setAttribute(attribute, False)


def install_web_channel_script(page: QWebEnginePage) -> None:
    """Put Qt's ``qwebchannel.js`` into the page before its own scripts run.

    A page that is not on ``qrc:`` may not load ``qrc:///qtwebchannel/qwebchannel.js`` by
    address, so the script (compiled into Qt, no disk read) is injected instead.
    """
    source = QFile(":/qtwebchannel/qwebchannel.js")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("Qt's qwebchannel.js resource is missing")
    code = bytes(source.readAll().data()).decode("utf-8")
    source.close()
    script = QWebEngineScript()
    script.setName("qwebchannel")
    script.setSourceCode(code)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setRunsOnSubFrames(False)
    page.scripts().insert(script)


def tile_host_allowed(host: str, allowed_hosts: Iterable[str]) -> bool:
    host = host.lower()
    return any(host == h.lower() for h in allowed_hosts)


class MapRequestGuard(QWebEngineUrlRequestInterceptor):
    """Lets the map page reach its own scheme and the tile hosts; blocks and logs the rest.

    ``data:`` stays allowed (Leaflet and the page's style use small inline images; nothing
    leaves the process). Signals: ``blocked(str)`` with each refused URL.
    """

    blocked = Signal(str)

    def __init__(self, allowed_hosts: Iterable[str], parent: QObject | None = None):
        super().__init__(parent)
        self._allowed_hosts = frozenset(h.lower() for h in allowed_hosts)
        self._logged: set[str] = set()
        # When a list, every URL the page asks for is appended (tests and diagnostics).
        self.recorded: list[str] | None = None

    @property
    def allowed_hosts(self) -> frozenset[str]:
        return self._allowed_hosts

    def allows(self, scheme: str, host: str) -> bool:
        if scheme == SCHEME:
            return host == HOST
        if scheme == "data":
            return True
        if scheme in ("https", "http"):
            return host.lower() in self._allowed_hosts
        return False

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt override
        url = info.requestUrl()
        if self.recorded is not None:
            self.recorded.append(url.toString())
        if self.allows(url.scheme(), url.host()):
            return
        info.block(True)
        shown = url.toString()
        where = f"{url.scheme()}://{url.host()}"
        if where not in self._logged:  # once per origin, so a busy page cannot flood the log
            self._logged.add(where)
            logger.warning("the map page tried to reach %s; blocked", where)
        self.blocked.emit(shown)
