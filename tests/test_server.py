"""The preview server serves the sites as a council's server should."""

from __future__ import annotations

import gzip
import threading
import urllib.request

from houserules.server import make_server


def test_compressed_and_versioned_files_cached_for_good(built_site):
    server = make_server(built_site, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/public/ashfield"
    try:
        def get(path):
            request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
            with urllib.request.urlopen(request) as response:
                return response.headers, response.read()

        headers, body = get("/rules/")
        assert headers["Content-Encoding"] == "gzip" and b"hr-checker" in gzip.decompress(body)
        assert headers["Cache-Control"] == "no-cache"
        version = next((built_site / "public/ashfield/assets/pyodide").iterdir()).name
        headers, body = get(f"/assets/pyodide/{version}/pyodide.asm.wasm")
        assert headers["Content-Type"] == "application/wasm" and "immutable" in headers["Cache-Control"]
        assert gzip.decompress(body)[:4] == b"\0asm"
        headers, _ = get(f"/assets/pyodide/{version}/pyodide.mjs")
        assert headers["Content-Type"] == "text/javascript"
    finally:
        server.shutdown()
        server.server_close()
