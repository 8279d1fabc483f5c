"""Print the API's OpenAPI document: ``python -m console.server.openapi > docs/openapi.json``."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from console.server.app import create_app
from console.server.settings import ServerSettings


def document() -> dict[str, Any]:
    """The OpenAPI document of an app built with default settings (in a scratch folder)."""
    with tempfile.TemporaryDirectory(prefix="tianmu-openapi-") as scratch:
        root = Path(scratch)
        settings = ServerSettings(
            database_url=f"sqlite:///{root / 'openapi.db'}", media_dir=root / "media"
        )
        app = create_app(settings)
        try:
            return app.openapi()
        finally:
            app.state.tianmu.db.dispose()


def render() -> str:
    return json.dumps(document(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    sys.stdout.write(render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
