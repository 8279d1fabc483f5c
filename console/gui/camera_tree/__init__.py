"""The camera tree: a Qt-free catalog, its Qt models, and the panel that shows them."""

from console.gui.camera_tree.catalog import CameraCatalog, CatalogNode, CatalogObserver, NodeKind
from console.gui.camera_tree.list_models import (
    CameraListModel,
    CameraSearchResultsModel,
    FavouriteCamerasModel,
)
from console.gui.camera_tree.panel import CameraTreePanel
from console.gui.camera_tree.tree_model import CameraTreeModel

__all__ = [
    "CameraCatalog",
    "CameraListModel",
    "CameraSearchResultsModel",
    "CameraTreeModel",
    "CameraTreePanel",
    "CatalogNode",
    "CatalogObserver",
    "FavouriteCamerasModel",
    "NodeKind",
]
