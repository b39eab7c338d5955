"""A local web server for the built sites that serves them the way a council's
web server should: compressed, with the checker's versioned files cached for
good and everything else checked again on each visit.

Used by `houserules serve` for previews, and by the browser tests and the
benchmarks, so what they measure is what a well-configured server sends.
Not a production server; the README says what to configure on a real one.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import http.server
import os
import re
import threading
from pathlib import Path

# Folders named by version or by content hash never change in place.
IMMUTABLE = re.compile(r"/assets/(?:pyodide/[^/]+|checker/[0-9a-f]{12})/")
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/wasm", "image/svg+xml",
                "application/xml")
TYPES = {".mjs": "text/javascript", ".wasm": "application/wasm", ".whl": "application/zip",
         ".json": "application/json"}


class _Compressed:
    """Gzipped bodies, made once per file version (the runtime is 9 MB)."""

    def __init__(self):
        self._cache: dict[tuple[str, int, int], bytes] = {}
        self._lock = threading.Lock()

    def get(self, path: str) -> bytes:
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            found = self._cache.get(key)
        if found is None:
            found = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._cache[key] = found
        return found


_COMPRESSED = _Compressed()


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    server_quiet = False  # set by make_server(quiet=True): no line per request

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        if not self.server_quiet:
            super().log_message(format, *args)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?", 1)[0].endswith("/") or not os.path.isfile(index):
                return super().send_head()  # the base class redirects or lists
            path = index
        if not os.path.isfile(path):
            return super().send_head()
        ctype = self.guess_type(path)
        stat = os.stat(path)
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        cache = "public, max-age=31536000, immutable" if IMMUTABLE.search(self.path) else "no-cache"
        if self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            self.send_header("Cache-Control", cache)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            return None
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSIBLE)
        body = _COMPRESSED.get(path) if gzipped else Path(path).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", modified)
        self.send_header("Cache-Control", cache)
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: the base class copies it to the socket."""

    def __init__(self, data: bytes):
        self._data = data

    def read(self, size: int = -1) -> bytes:
        data, self._data = self._data, b""
        return data

    def close(self) -> None:
        pass


def make_server(site_dir: Path, host: str = "127.0.0.1", port: int = 0, quiet: bool = False):
    handler = functools.partial(type("Handler", (SiteHandler,), {"server_quiet": quiet}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
