"""What every request handler reaches: settings, database, media store, event notifier."""

from __future__ import annotations

from dataclasses import dataclass

from console.server.db.database import Database
from console.server.notifier import Notifier
from console.server.services.media import MediaStore
from console.server.settings import ServerSettings


@dataclass
class ServerState:
    """The running server's shared parts (one per app)."""

    settings: ServerSettings
    db: Database
    media: MediaStore
    notifier: Notifier
