"""Forwards catalog events to a Qt model for as long as the model's C++ side exists."""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Protocol

import shiboken6

from console.catalog.cameras import CatalogNode, CatalogObserver


class CatalogListener(Protocol):
    """What a Qt model implements to follow a catalog (same hooks as CatalogObserver)."""

    def camera_will_be_added(self, parent: CatalogNode, row: int) -> None: ...
    def camera_was_added(self, node: CatalogNode) -> None: ...
    def camera_will_be_removed(self, node: CatalogNode) -> None: ...
    def camera_was_removed(self, camera_id: str) -> None: ...
    def cameras_changed(self, camera_ids: Sequence[str]) -> None: ...
    def favourites_changed(self, camera_ids: Sequence[str]) -> None: ...


class ModelBridge(CatalogObserver):
    """A plain-Python observer owned by a Qt model.

    The catalog holds observers weakly and the bridge holds its model weakly, so no cycle
    keeps a dropped model alive; the validity check covers a Python wrapper that outlived
    its C++ object (its parent widget was deleted first).
    """

    def __init__(self, model: CatalogListener) -> None:
        self._model_ref = weakref.ref(model)

    @property
    def _model(self) -> CatalogListener:
        model = self._model_ref()
        assert model is not None  # checked by _alive() first
        return model

    def _alive(self) -> bool:
        model = self._model_ref()
        return model is not None and shiboken6.isValid(model)

    def camera_will_be_added(self, parent: CatalogNode, row: int) -> None:
        if self._alive():
            self._model.camera_will_be_added(parent, row)

    def camera_was_added(self, node: CatalogNode) -> None:
        if self._alive():
            self._model.camera_was_added(node)

    def camera_will_be_removed(self, node: CatalogNode) -> None:
        if self._alive():
            self._model.camera_will_be_removed(node)

    def camera_was_removed(self, camera_id: str) -> None:
        if self._alive():
            self._model.camera_was_removed(camera_id)

    def cameras_changed(self, camera_ids: Sequence[str]) -> None:
        if self._alive():
            self._model.cameras_changed(camera_ids)

    def favourites_changed(self, camera_ids: Sequence[str]) -> None:
        if self._alive():
            self._model.favourites_changed(camera_ids)
