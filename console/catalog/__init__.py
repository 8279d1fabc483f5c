"""The camera catalogue as plain Python: the region tree, counts, favourites and search.

No Qt here: the camera tree's item models (``console.gui.camera_tree``) adapt it.
"""

from console.catalog.cameras import CameraCatalog, CatalogNode, CatalogObserver, NodeKind

__all__ = ["CameraCatalog", "CatalogNode", "CatalogObserver", "NodeKind"]
