"""Simulated cameras for the reference backend: live synthetic feeds and recorded clips."""

from console.server.media.clips import Clip, make_clips
from console.server.media.simulator import CIF, CameraSimulator, Feed, FeedUrls, SimulatorError

__all__ = ["CIF", "CameraSimulator", "Clip", "Feed", "FeedUrls", "SimulatorError", "make_clips"]
