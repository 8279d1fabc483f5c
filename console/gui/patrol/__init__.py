"""Video patrol (视频巡检) on the wall: the runner that walks a plan page by page, the panel
that starts it and takes the verdicts, and the plan editor. The logic is
``console.wall.patrol``."""
