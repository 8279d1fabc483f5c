"""The ``tianmu`` command.

``tianmu``                 the operator console
``tianmu server ...``      the reference backend (``--demo`` for the demo world)
``tianmu review [PATH…]``  review recorded clips offline (no server, no sign-in)
``tianmu verify-export DIR`` check an evidence export (hashes, manifest, signature)
``tianmu --self-test``     which video source serves each stream scheme, and other checks

Sub-commands import their side lazily: the console never loads the server's code and the
server never loads Qt.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "verify-export":
        from console.evidence.cli import main as verify_main

        return verify_main(args[1:])
    if args and args[0] == "review":
        from console.gui.review.launch import main as review_main

        return review_main(args[1:])
    if args and args[0] == "server":
        from console.server.cli import main as server_main

        return server_main(args[1:])
    from console.app import main as console_main

    return console_main(args)


if __name__ == "__main__":
    sys.exit(main())
