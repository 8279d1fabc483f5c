"""Offline review, the data side: local and cached clips, their wall-clock times, bookmarks.

No Qt here: the review window (``console.gui``) calls these from its task runner.
"""
