"""Simulated cameras for the reference backend: live synthetic feeds and recorded clips."""

from console.server.media.clips import Clip, make_clips
from console.server.media.simulator import CameraSimulator, Feed, FeedUrls, SimulatorError

__all__ = ["CameraSimulator", "Clip", "Feed", "FeedUrls", "SimulatorError", "make_clips"]
