"""The session's live link to the backend: the event stream, the outbox delivery and the
refresh of the working set, feeding the local store and the session's signals."""

from console.gui.live.sync import LiveSync

__all__ = ["LiveSync"]
