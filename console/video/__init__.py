"""The video engine: where a tile's pictures come from and how honest its state is.

* ``source``      the ``VideoSource`` interface: open/close a URL, the latest picture, stats;
* ``vlc_source``  libvlc behind it (one shared ``vlc.Instance``, a worker thread per player);
* ``av_source``   FFmpeg (PyAV) behind it, for schemes the installed libvlc cannot open (RTSP
                  on distributions that build VLC without live555);
* ``schemes``     which source plays which URL scheme on this machine;
* ``supervisor``  the per-tile watchdog: frozen-stream detection, reconnect with backoff;
* ``selftest``    the report behind ``tianmu --self-test``.

Nothing here imports Qt widgets; ``console.gui.video_tile`` paints what a source holds.
"""
