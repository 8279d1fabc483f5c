"""The map below the GUI (no Qt): tile sources, the MBTiles reader and the offline demo map."""
