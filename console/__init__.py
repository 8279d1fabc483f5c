"""Tianmu (天目): an operator console for city command centres."""

__version__ = "0.1.0"
