from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..server import make_server


def serve(site_dir: Path, host: str, port: int) -> None:
    """Serve the built sites for a local preview (not for production)."""
    if not site_dir.is_dir():
        raise UsageError(f"{site_dir} does not exist: run `houserules build` first")
    with make_server(site_dir, host, port) as server:
        print(f"Serving {site_dir} at http://{host}:{port}/")
        for audience in ("public", "staff"):
            for site in sorted((site_dir / audience).glob("*")):
                if site.is_dir() and not site.name.startswith("."):
                    print(f"  http://{host}:{port}/{audience}/{site.name}/")
        print("Press Ctrl+C to stop.")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
