"""The situation map: the web view, its bridge and the map feature."""
