"""Incident screens: raising an event (上报) from a camera, a patrol verdict or by hand."""

from console.gui.incidents.raise_dialog import (
    RaiseEventDialog,
    RaiseRequest,
    raise_event_from_camera,
)

__all__ = ["RaiseEventDialog", "RaiseRequest", "raise_event_from_camera"]
