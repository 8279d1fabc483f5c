"""The camera tree: Qt models over the camera catalogue (``console.catalog``) and the panel
that shows them."""

from console.gui.camera_tree.list_models import (
    CameraListModel,
    CameraSearchResultsModel,
    FavouriteCamerasModel,
)
from console.gui.camera_tree.panel import CameraTreePanel
from console.gui.camera_tree.tree_model import CameraTreeModel

__all__ = [
    "CameraListModel",
    "CameraSearchResultsModel",
    "CameraTreeModel",
    "CameraTreePanel",
    "FavouriteCamerasModel",
]
