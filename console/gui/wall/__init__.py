"""The video wall's widgets: tiles, page grids, the wall view, detached screens.

The model (pages, layouts, stream choice, the saved workspace) is ``console.wall``; these
widgets show it and turn the operator's drags, clicks and keys into changes to it.
"""
