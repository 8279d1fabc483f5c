"""A Qt-free index of the camera tree: structure, per-region counts, favourites and search.

The tree mirrors the administrative regions (city → towns → villages); each camera hangs on
the region named by its ``region_id``, which may be a village or directly a town. Within a
region, child regions come first (by statistical code), then cameras (by natural name order).

Search is a case-insensitive substring match over each camera's name and id. Chinese needs no
pinyin: a substring of the characters matches. Haystacks are normalised once (NFKC, so the
full-width Latin an IME produces matches too, then casefold) and kept in tree order, so a query
is one pass of ``in`` over plain strings and its result is already in tree order.

All mutation happens on one thread (the GUI thread in the console). Observers are told about
structural changes before and after they happen, so an item model can bracket them with
``beginInsertRows``/``endInsertRows``; status, sharing and favourite changes are reported after.
"""

from __future__ import annotations

import bisect
import enum
import gc
import itertools
import logging
import re
import unicodedata
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from console.domain.model import Camera, CameraStatus, Region

logger = logging.getLogger(__name__)

_DIGITS = re.compile(r"\d+")
_SEPARATOR = "\x00"  # between haystacks in the joined search text; never typed


def normalise_text(text: str) -> str:
    """Fold ``text`` for matching: NFKC (full-width → ASCII), then casefold."""
    return unicodedata.normalize("NFKC", text).casefold()


def _pad_digits(match: re.Match[str]) -> str:
    return match.group(0).zfill(12)


def natural_key(text: str) -> str:
    """A string that sorts ``摄像头2`` before ``摄像头10``: digit runs padded to 12 places."""
    return _DIGITS.sub(_pad_digits, normalise_text(text))


def camera_sort_key(name: str, camera_id: str) -> str:
    """Natural name order, ties broken by id; one string because str compares beat tuples."""
    return f"{natural_key(name)}\x00{camera_id}"


def _first(pair: tuple[str, Camera]) -> str:
    return pair[0]


def _sort_key_of(node: CatalogNode) -> str:
    return node.sort_key


class NodeKind(enum.Enum):
    REGION = "region"
    CAMERA = "camera"


class CatalogNode:
    """One row of the tree. ``key`` is a small stable integer (item models store it).

    For region nodes ``online`` and ``total`` count the cameras of the whole subtree.
    A plain slotted class rather than a dataclass: 50,000 of these are made at start-up.
    """

    __slots__ = (
        "children",
        "item_id",
        "key",
        "kind",
        "online",
        "parent",
        "row",
        "sort_key",
        "total",
    )

    def __init__(
        self,
        key: int,
        kind: NodeKind,
        item_id: str,
        parent: CatalogNode | None,
        row: int = 0,
        sort_key: str = "",
    ) -> None:
        self.key = key
        self.kind = kind
        self.item_id = item_id
        self.parent = parent
        self.row = row
        self.sort_key = sort_key
        self.children: list[CatalogNode] = [] if kind is NodeKind.REGION else _NO_CHILDREN
        self.online = 0
        self.total = 0

    def __repr__(self) -> str:
        return f"CatalogNode({self.kind.value} {self.item_id!r}, row={self.row})"

    def ancestors(self) -> Iterator[CatalogNode]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


_NO_CHILDREN: list[CatalogNode] = []  # shared by every camera node; never appended to


class CatalogObserver:
    """Receives catalog changes. Subclass and override what you need; all defaults do nothing.

    ``camera_will_be_*`` come before the change with the row it will take or leave;
    the other hooks come after.
    """

    def camera_will_be_added(self, parent: CatalogNode, row: int) -> None:  # noqa: B027
        pass

    def camera_was_added(self, node: CatalogNode) -> None:  # noqa: B027
        pass

    def camera_will_be_removed(self, node: CatalogNode) -> None:  # noqa: B027
        pass

    def camera_was_removed(self, camera_id: str) -> None:  # noqa: B027
        pass

    def cameras_changed(self, camera_ids: Sequence[str]) -> None:  # noqa: B027
        """Status, sharing or favourite flags of these cameras changed (rows did not move)."""

    def favourites_changed(self, camera_ids: Sequence[str]) -> None:  # noqa: B027
        """The ordered favourites list is now ``camera_ids``."""


class CameraCatalog:
    """In-memory camera tree with counts, favourites, sharing flags and substring search."""

    def __init__(
        self,
        regions: Iterable[Region],
        cameras: Iterable[Camera],
        *,
        not_shared: Iterable[str] = (),
        favourites: Iterable[str] = (),
    ) -> None:
        self._regions: dict[str, Region] = {}
        self._cameras: dict[str, Camera] = {}
        self._region_nodes: dict[str, CatalogNode] = {}
        self._camera_nodes: dict[str, CatalogNode] = {}
        self._nodes: dict[int, CatalogNode] = {}
        self._next_key = 1
        self.roots: list[CatalogNode] = []
        self._not_shared: set[str] = set(not_shared)
        self._favourites: list[str] = []
        self._favourite_set: set[str] = set()
        # Parallel lists in tree order: camera ids and their normalised haystacks.
        self._order: list[str] = []
        self._haystacks: list[str] = []
        self._haystack_by_id: dict[str, str] = {}
        self._joined: str | None = None  # haystacks joined by _SEPARATOR, made on first search
        self._offsets: list[int] = []
        self._last_search: tuple[str, list[str]] | None = None
        self._observers: list[weakref.ref[CatalogObserver]] = []
        # Tens of thousands of small objects are made here and none is garbage yet; pausing
        # the cyclic collector keeps it from rescanning them all several times over.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build(regions, cameras)
        finally:
            if collecting:
                gc.enable()
        for camera_id in favourites:
            if camera_id in self._cameras and camera_id not in self._favourite_set:
                self._favourites.append(camera_id)
                self._favourite_set.add(camera_id)

    # ------------------------------------------------------------------ building

    def _new_node(
        self, kind: NodeKind, item_id: str, parent: CatalogNode | None, sort_key: str
    ) -> CatalogNode:
        node = CatalogNode(self._next_key, kind, item_id, parent, sort_key=sort_key)
        self._nodes[node.key] = node
        self._next_key += 1
        return node

    def _build(self, regions: Iterable[Region], cameras: Iterable[Camera]) -> None:
        for region in regions:
            self._regions[region.id] = region
        # Regions whose parent is unknown become roots, so a partial catalogue still shows.
        children_of: dict[str | None, list[Region]] = {}
        for region in self._regions.values():
            parent_id = region.parent_id if region.parent_id in self._regions else None
            children_of.setdefault(parent_id, []).append(region)

        def add_regions(parent: CatalogNode | None, siblings: list[CatalogNode]) -> None:
            parent_id = parent.item_id if parent is not None else None
            ordered = sorted(children_of.get(parent_id, ()), key=lambda r: (r.code, r.name))
            for region in ordered:
                node = self._new_node(NodeKind.REGION, region.id, parent, region.code)
                node.row = len(siblings)
                siblings.append(node)
                self._region_nodes[region.id] = node
                add_regions(node, node.children)

        add_regions(None, self.roots)

        per_region: dict[str, list[tuple[str, Camera]]] = {}
        haystack_by_id = self._haystack_by_id
        for camera in cameras:
            if camera.region_id not in self._region_nodes:
                logger.warning(
                    "camera %s names unknown region %s; left out of the tree",
                    camera.id,
                    camera.region_id,
                )
                continue
            if camera.id in self._cameras:
                logger.warning("camera id %s appears twice; the first one is kept", camera.id)
                continue
            self._cameras[camera.id] = camera
            folded_name = normalise_text(camera.name)
            haystack_by_id[camera.id] = f"{folded_name}\n{camera.id.casefold()}"
            sort_key = f"{_DIGITS.sub(_pad_digits, folded_name)}\x00{camera.id}"
            per_region.setdefault(camera.region_id, []).append((sort_key, camera))

        nodes = self._nodes
        camera_nodes = self._camera_nodes
        camera_kind = NodeKind.CAMERA
        online_status = CameraStatus.ONLINE
        key = self._next_key
        for region_id, members in per_region.items():
            region_node = self._region_nodes[region_id]
            siblings = region_node.children
            members.sort(key=_first)
            online = 0
            for sort_key, camera in members:
                node = CatalogNode(
                    key, camera_kind, camera.id, region_node, len(siblings), sort_key
                )
                key += 1
                nodes[key - 1] = node
                siblings.append(node)
                camera_nodes[camera.id] = node
                if camera.status is online_status:
                    online += 1
            for holder in (region_node, *region_node.ancestors()):
                holder.online += online
                holder.total += len(members)
        self._next_key = key

        self._order = [node.item_id for node in self._walk_cameras(self.roots)]
        self._haystacks = [haystack_by_id[camera_id] for camera_id in self._order]
        self._join_haystacks()

    @staticmethod
    def _haystack(camera: Camera) -> str:
        return f"{normalise_text(camera.name)}\n{camera.id.casefold()}"

    @staticmethod
    def _walk_cameras(nodes: Iterable[CatalogNode]) -> Iterator[CatalogNode]:
        stack = list(reversed(list(nodes)))
        while stack:
            node = stack.pop()
            if node.kind is NodeKind.CAMERA:
                yield node
            else:
                stack.extend(reversed(node.children))

    # ------------------------------------------------------------------ observers

    def add_observer(self, observer: CatalogObserver) -> None:
        """Register ``observer`` (held weakly: it stops hearing once it is garbage)."""
        self._observers.append(weakref.ref(observer))

    def remove_observer(self, observer: CatalogObserver) -> None:
        self._observers = [ref for ref in self._observers if ref() not in (None, observer)]

    def _live_observers(self) -> list[CatalogObserver]:
        live = [obs for obs in (ref() for ref in self._observers) if obs is not None]
        if len(live) != len(self._observers):
            self._observers = [weakref.ref(obs) for obs in live]
        return live

    # ------------------------------------------------------------------ queries

    def __len__(self) -> int:
        return len(self._cameras)

    def __contains__(self, camera_id: object) -> bool:
        return camera_id in self._cameras

    def node(self, key: int) -> CatalogNode:
        return self._nodes[key]

    def camera(self, camera_id: str) -> Camera:
        return self._cameras[camera_id]

    def region(self, region_id: str) -> Region:
        return self._regions[region_id]

    def camera_node(self, camera_id: str) -> CatalogNode:
        return self._camera_nodes[camera_id]

    def region_node(self, region_id: str) -> CatalogNode:
        return self._region_nodes[region_id]

    def camera_ids(self) -> list[str]:
        """Every camera id, in tree order."""
        return list(self._order)

    def counts(self, region_id: str) -> tuple[int, int]:
        """``(online, total)`` cameras in the region and everything below it."""
        node = self._region_nodes[region_id]
        return node.online, node.total

    def region_path(self, camera_id: str) -> list[Region]:
        """The regions from the root down to the camera's own region."""
        node = self._camera_nodes[camera_id]
        return [self._regions[n.item_id] for n in reversed(list(node.ancestors()))]

    def is_shared(self, camera_id: str) -> bool:
        return camera_id not in self._not_shared

    def is_favourite(self, camera_id: str) -> bool:
        return camera_id in self._favourite_set

    def favourites(self) -> list[str]:
        return list(self._favourites)

    def search(self, query: str) -> list[str]:
        """Ids of cameras whose name or id contains ``query`` (folded), in tree order.

        An empty or blank query matches nothing: the caller shows the tree instead.
        """
        needle = normalise_text(query.strip())
        if not needle or _SEPARATOR in needle:
            return []
        last = self._last_search
        if last is not None and last[0] in needle and len(last[1]) <= len(self._order) // 4:
            # One more character typed: the new matches are a subset of the last ones.
            haystack_of = self._haystack_by_id
            matches = [cid for cid in last[1] if needle in haystack_of[cid]]
        else:
            matches = self._scan(needle)
        self._last_search = (needle, matches)
        return list(matches)

    def _join_haystacks(self) -> str:
        self._joined = _SEPARATOR.join(self._haystacks)
        self._offsets = list(
            itertools.accumulate((len(h) + 1 for h in self._haystacks[:-1]), initial=0)
        )
        return self._joined

    def _scan(self, needle: str) -> list[str]:
        joined = self._joined if self._joined is not None else self._join_haystacks()
        hits = joined.count(needle)
        if hits == 0:
            return []
        if hits > len(self._order) // 8:
            # Broad: one pass of ``in`` beats a Python-level loop over many hits.
            return [
                cid for cid, hay in zip(self._order, self._haystacks, strict=True) if needle in hay
            ]
        # Narrow: let str.find skip through the joined text and map hits back to cameras.
        matches: list[str] = []
        offsets, order, find = self._offsets, self._order, joined.find
        last_index = -1
        position = find(needle)
        while position != -1:
            index = bisect.bisect_right(offsets, position) - 1
            if index != last_index:
                matches.append(order[index])
                last_index = index
            position = find(needle, position + 1)
        return matches

    # ------------------------------------------------------------------ changes

    def set_status(self, camera_id: str, status: CameraStatus) -> bool:
        """Record a camera's new status; returns False when nothing changed."""
        return self.set_statuses({camera_id: status}) > 0

    def set_statuses(self, statuses: dict[str, CameraStatus]) -> int:
        """Apply a burst of status changes; observers hear once. Returns how many changed."""
        changed: list[str] = []
        for camera_id, status in statuses.items():
            camera = self._cameras.get(camera_id)
            if camera is None or camera.status is status:
                continue
            delta = 1 if status is CameraStatus.ONLINE else -1
            if CameraStatus.ONLINE not in (status, camera.status):
                delta = 0
            self._cameras[camera_id] = replace(camera, status=status)
            if delta:
                for region_node in self._camera_nodes[camera_id].ancestors():
                    region_node.online += delta
            changed.append(camera_id)
        if changed:
            for observer in self._live_observers():
                observer.cameras_changed(changed)
        return len(changed)

    def set_shared(self, camera_id: str, shared: bool) -> None:
        if camera_id not in self._cameras or self.is_shared(camera_id) == shared:
            return
        if shared:
            self._not_shared.discard(camera_id)
        else:
            self._not_shared.add(camera_id)
        for observer in self._live_observers():
            observer.cameras_changed([camera_id])

    def set_favourite(self, camera_id: str, favourite: bool) -> bool:
        """Add or remove a favourite; returns False when nothing changed."""
        if camera_id not in self._cameras or self.is_favourite(camera_id) == favourite:
            return False
        if favourite:
            self._favourites.append(camera_id)
            self._favourite_set.add(camera_id)
        else:
            self._favourites.remove(camera_id)
            self._favourite_set.discard(camera_id)
        ordered = self.favourites()
        for observer in self._live_observers():
            observer.cameras_changed([camera_id])
            observer.favourites_changed(ordered)
        return True

    def add_camera(self, camera: Camera, *, shared: bool = True) -> None:
        """Insert a new camera in its place; a camera already known is replaced."""
        if camera.id in self._cameras:
            self.remove_camera(camera.id)
        region_node = self._region_nodes.get(camera.region_id)
        if region_node is None:
            raise KeyError(f"unknown region {camera.region_id!r} for camera {camera.id!r}")
        sort_key = camera_sort_key(camera.name, camera.id)
        siblings = region_node.children
        row = self._insertion_row(siblings, sort_key)
        observers = self._live_observers()
        for observer in observers:
            observer.camera_will_be_added(region_node, row)

        node = self._new_node(NodeKind.CAMERA, camera.id, region_node, sort_key)
        siblings.insert(row, node)
        for index in range(row, len(siblings)):
            siblings[index].row = index
        self._cameras[camera.id] = camera
        self._camera_nodes[camera.id] = node
        if not shared:
            self._not_shared.add(camera.id)
        online = camera.status is CameraStatus.ONLINE
        for holder in (region_node, *region_node.ancestors()):
            holder.total += 1
            holder.online += online
        position = self._order_position_of_new(node)
        haystack = self._haystack(camera)
        self._order.insert(position, camera.id)
        self._haystacks.insert(position, haystack)
        self._haystack_by_id[camera.id] = haystack
        self._last_search = None
        self._joined = None

        for observer in observers:
            observer.camera_was_added(node)

    def remove_camera(self, camera_id: str) -> None:
        """Take a camera out of the tree (and out of the favourites)."""
        node = self._camera_nodes.get(camera_id)
        if node is None:
            return
        if self.is_favourite(camera_id):
            self.set_favourite(camera_id, False)
        observers = self._live_observers()
        for observer in observers:
            observer.camera_will_be_removed(node)

        region_node = node.parent
        assert region_node is not None  # cameras always hang on a region
        siblings = region_node.children
        del siblings[node.row]
        for index in range(node.row, len(siblings)):
            siblings[index].row = index
        camera = self._cameras.pop(camera_id)
        del self._camera_nodes[camera_id]
        del self._nodes[node.key]
        self._not_shared.discard(camera_id)
        online = camera.status is CameraStatus.ONLINE
        for holder in (region_node, *region_node.ancestors()):
            holder.total -= 1
            holder.online -= online
        position = self._order.index(camera_id)
        del self._order[position]
        del self._haystacks[position]
        del self._haystack_by_id[camera_id]
        self._last_search = None
        self._joined = None
        node.parent = None

        for observer in observers:
            observer.camera_was_removed(camera_id)

    @staticmethod
    def _insertion_row(siblings: list[CatalogNode], sort_key: str) -> int:
        # Regions come first, then cameras ordered by sort key: a bisect over the cameras.
        low = next((i for i, n in enumerate(siblings) if n.kind is NodeKind.CAMERA), len(siblings))
        return bisect.bisect_left(siblings, sort_key, lo=low, key=_sort_key_of)

    def _order_position_of_new(self, node: CatalogNode) -> int:
        """Where ``node`` (already in the tree) goes in the tree-order list."""
        following = self._next_camera_after(node)
        return len(self._order) if following is None else self._order.index(following.item_id)

    def _next_camera_after(self, node: CatalogNode) -> CatalogNode | None:
        # Walk right and up until a later subtree holds a camera.
        current = node
        while True:
            siblings = self.roots if current.parent is None else current.parent.children
            for sibling in siblings[current.row + 1 :]:
                found = next(self._walk_cameras([sibling]), None)
                if found is not None:
                    return found
            if current.parent is None:
                return None
            current = current.parent
