from __future__ import annotations

import ipaddress
from pathlib import Path

from ..errors import UsageError
from ..server import make_server


def serve(site_dir: Path, host: str, port: int) -> None:
    """Serve the built sites for a local preview (not for production)."""
    if not site_dir.is_dir():
        raise UsageError(f"{site_dir} does not exist: run `houserules build` first")
    try:
        server = make_server(site_dir, host, port)
    except OSError as exc:
        raise UsageError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    with server:
        print(f"Serving {site_dir} at http://{host}:{port}/")
        if not _loopback(host):
            print(f"  note: {host} is not this machine's loopback address, so other machines may "
                  "reach this preview; it is not a production server")
        for audience in ("public", "staff"):
            for site in sorted((site_dir / audience).glob("*")):
                if site.is_dir() and not site.name.startswith("."):
                    print(f"  http://{host}:{port}/{audience}/{site.name}/")
        print("Press Ctrl+C to stop.")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
