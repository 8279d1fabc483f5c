"""The video wall's plain-Python core: no Qt, no libvlc, no network.

* ``layout``        grids of cells (1, 4, 1+5, 1+7, 9 ... 64 and custom), named layouts;
* ``model``         the wall: pages, each a layout with a camera per cell, on a screen;
* ``workspace``     the wall saved as JSON (atomic writes) and read back after a restart;
* ``stream_policy`` which tile plays the sub stream, the main stream, or nothing;
* ``patrol``        video patrol (视频巡检): plan to pages, dwell, verdicts, the record.

``console.gui.wall`` and ``console.gui.patrol`` turn these into widgets.
"""
