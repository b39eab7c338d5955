"""The preview server serves the sites as a council's server should, and
cannot be turned against the person running it."""

from __future__ import annotations

import contextlib
import gzip
import os
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import brotli
import pytest

from houserules import server as server_module
from houserules.commands.serve import serve
from houserules.errors import UsageError
from houserules.server import accepted_encodings, make_server


@contextlib.contextmanager
def serving(site: Path, **options):
    server = make_server(site, quiet=True, **options)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def get(server, path: str, gzipped: bool = True, timeout: float = 10):
    """(status, headers, body) for a GET of path, errors included."""
    url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzipped else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def fetch(server, path: str, accept: str | None, method: str = "GET"):
    """(status, headers, body) for a request with this Accept-Encoding (None: none)."""
    url = f"http://127.0.0.1:{server.server_address[1]}{path}"
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept} if accept is not None else {},
                                     method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


def raw(server, target: bytes, head: bytes = b"", method: bytes = b"GET") -> tuple[int, bytes]:
    """Send a request line exactly as given; (status, whole response)."""
    with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=10) as sock:
        sock.sendall(method + b" " + target + b" HTTP/1.0\r\nHost: x\r\n" + head + b"\r\n")
        response = b""
        while chunk := sock.recv(65536):
            response += chunk
    return int(response.split(b" ", 2)[1]), response


@pytest.fixture()
def site(tmp_path) -> Path:
    """A small site, and beside it a secret the server must never send."""
    site = tmp_path / "site"
    (site / "public" / "x" / "assets").mkdir(parents=True)
    (site / "public" / "x" / "index.html").write_text("<p>the site</p>")
    (site / "public" / "x" / "404.html").write_text('<p>not here <a href="/rules/">rules</a></p>')
    (site / "public" / "x" / "assets" / "app.js").write_text("let x = 1;\n" * 20000)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("THE-SECRET")
    (outside / "index.html").write_text("THE-SECRET")
    return site


def test_compressed_and_versioned_files_cached_for_good(built_site):
    with serving(built_site) as server:
        status, headers, body = get(server, "/public/ashfield/rules/")
        assert status == 200 and headers["Content-Encoding"] == "gzip" and b"hr-checker" in gzip.decompress(body)
        assert headers["Cache-Control"] == "no-cache"
        version = next((built_site / "public/ashfield/assets/pyodide").iterdir()).name
        _, headers, body = get(server, f"/public/ashfield/assets/pyodide/{version}/pyodide.asm.wasm")
        assert headers["Content-Type"] == "application/wasm" and "immutable" in headers["Cache-Control"]
        assert gzip.decompress(body)[:4] == b"\0asm"
        _, headers, _ = get(server, f"/public/ashfield/assets/pyodide/{version}/pyodide.mjs")
        assert headers["Content-Type"] == "text/javascript"
        _, headers, body = get(server, f"/public/ashfield/assets/pyodide/{version}/pyodide.mjs", gzipped=False)
        assert "Content-Encoding" not in headers
        assert body == (built_site / f"public/ashfield/assets/pyodide/{version}/pyodide.mjs").read_bytes()
    assert server.server_address[0] == "127.0.0.1"


def test_the_checkers_files_go_out_as_the_brotli_copies_the_build_wrote(built_site):
    runtime = next((built_site / "public/ashfield/assets/pyodide").iterdir())
    stdlib = next(runtime.glob("stdlib-*.zip"))
    wheel = next((built_site / "public/ashfield/assets/checker").glob("*/*.whl"))
    chromium = "gzip, deflate, br, zstd"
    with serving(built_site) as server:
        for path, ctype in ((runtime / "pyodide.asm.wasm", "application/wasm"),
                            (runtime / "pyodide.asm.mjs", "text/javascript"),
                            (runtime / "pyodide.mjs", "text/javascript"),
                            (stdlib, "application/zip"), (wheel, "application/zip")):
            address = "/" + path.relative_to(built_site).as_posix()
            status, headers, body = fetch(server, address, chromium)
            assert (status, headers["Content-Type"], headers["Content-Encoding"]) == (200, ctype, "br"), address
            assert headers["Vary"] == "Accept-Encoding" and "immutable" in headers["Cache-Control"]
            assert body == path.with_name(path.name + ".br").read_bytes()
            assert brotli.decompress(body) == path.read_bytes()
            status, headers, body = fetch(server, address, "gzip")
            assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == path.read_bytes()
        # Smaller than the file as Pyodide ships it, by far.
        assert len(fetch(server, "/" + stdlib.relative_to(built_site).as_posix(), chromium)[2]) < 700_000


def test_a_compressed_copy_is_sent_only_to_a_browser_that_accepts_it(site, tmp_path):
    assets = site / "public" / "x" / "assets"
    wasm = b"\0asm" + os.urandom(1000) + b"\0" * 50_000
    (assets / "app.wasm").write_bytes(wasm)
    (assets / "app.wasm.br").write_bytes(brotli.compress(wasm))
    (assets / "app.wasm.gz").write_bytes(gzip.compress(wasm, mtime=0))
    (assets / "only-gz.json").write_text('{"a": 1}')
    (assets / "only-gz.json.gz").write_bytes(gzip.compress(b'{"a": 1}', mtime=0))
    (tmp_path / "outside" / "app.js.br").write_bytes(b"THE-SECRET")
    (assets / "app.js.br").symlink_to(tmp_path / "outside" / "app.js.br")  # a copy outside the site: not used
    with serving(site) as server:
        for accept, encoding in (("gzip, deflate, br, zstd", "br"), ("br", "br"), ("BR;q=0.5, gzip;q=1", "br"),
                                 ("*", "br"), ("br;q=0, gzip", "gzip"), ("gzip", "gzip"), ("*, br;q=0", "gzip"),
                                 ("identity", None), ("", None), (None, None), ("br;q=0, gzip;q=0", None)):
            status, headers, body = fetch(server, "/public/x/assets/app.wasm", accept)
            assert status == 200 and headers["Content-Type"] == "application/wasm", accept
            assert headers["Vary"] == "Accept-Encoding" and headers.get("Content-Encoding") == encoding, accept
            assert int(headers["Content-Length"]) == len(body)
            assert body == {"br": brotli.compress(wasm), "gzip": gzip.compress(wasm, mtime=0), None: wasm}[encoding]
        status, headers, body = fetch(server, "/public/x/assets/app.wasm", "br", method="HEAD")
        assert (status, body, headers["Content-Encoding"]) == (200, b"", "br")
        assert int(headers["Content-Length"]) == (assets / "app.wasm.br").stat().st_size
        # No .br: the .gz beside it, to a browser that takes both.
        _, headers, body = fetch(server, "/public/x/assets/only-gz.json", "gzip, br")
        assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"] == "application/json"
        assert gzip.decompress(body) == b'{"a": 1}'
        # A copy that leads out of the site is never sent: the file is compressed here instead.
        _, headers, body = fetch(server, "/public/x/assets/app.js", "br, gzip")
        assert headers["Content-Encoding"] == "gzip" and b"THE-SECRET" not in body
        assert gzip.decompress(body) == (assets / "app.js").read_bytes()
        # A copy asked for by its own name is a file like any other, not a page's script.
        _, headers, body = fetch(server, "/public/x/assets/app.wasm.br", "br")
        assert headers["Content-Type"] == "application/octet-stream" and "Content-Encoding" not in headers
        assert body == (assets / "app.wasm.br").read_bytes()


def test_accept_encoding_is_read_as_the_standard_says():
    assert accepted_encodings("gzip, deflate, br, zstd") == {"gzip", "deflate", "br", "zstd"}
    assert accepted_encodings("br;q=0, GZIP ; q=0.8") == {"gzip"}
    assert accepted_encodings("*;q=0.1") == {"*", "gzip", "br"}
    assert accepted_encodings("*, gzip;q=0") == {"*", "br"}
    assert accepted_encodings("") == accepted_encodings("identity") - {"identity"} == set()
    assert accepted_encodings("gzip;q=nonsense") == set()


@pytest.mark.parametrize("audience", ["public", "staff"])
def test_a_missing_page_gets_the_sites_own_404_page(built_site, audience):
    with serving(built_site) as server:
        for path in (f"/{audience}/city/no-such-page/", f"/{audience}/city/v1/no-such-page",
                     f"/{audience}/city/assets/no-such-file.js"):
            status, headers, body = get(server, path)
            page = gzip.decompress(body).decode("utf-8")
            assert status == 404 and headers["Content-Type"].startswith("text/html"), path
            assert "Page not found" in page or "404" in page
            # Its addresses are the site's, at /<audience>/city/ here.
            assert f'href="/{audience}/city/assets/stylesheets/' in page
            assert 'href="/assets/' not in page and 'href="//' not in page
        status, _, _ = get(server, "/no-such-audience/city/")
        assert status == 404


def test_nothing_outside_the_served_folder(site, tmp_path):
    x = site / "public" / "x"
    (x / "leak.txt").symlink_to(tmp_path / "outside" / "secret.txt")            # a file outside
    (x / "leak-relative.txt").symlink_to(Path("../../../outside/secret.txt"))  # the same, relative
    (x / "outdir").symlink_to(tmp_path / "outside", target_is_directory=True)   # a folder outside
    (x / "passwd").symlink_to("/etc/passwd")
    (site / "public" / "y").mkdir()
    (site / "public" / "y" / "index.html").symlink_to(tmp_path / "outside" / "index.html")
    (x / "alias.js").symlink_to("assets/app.js")                                # inside: fine
    with serving(site) as server:
        for path in ("/public/x/leak.txt", "/public/x/leak-relative.txt", "/public/x/outdir/secret.txt",
                     "/public/x/outdir/", "/public/x/outdir/index.html", "/public/x/passwd", "/public/y/",
                     "/public/y/index.html"):
            for gzipped in (True, False):
                status, _, body = get(server, path, gzipped=gzipped)
                assert status == 404, path
                assert b"THE-SECRET" not in body and b"root:" not in body
        status, _, body = get(server, "/public/x/alias.js", gzipped=False)
        assert status == 200 and body == (x / "assets" / "app.js").read_bytes()


def test_the_served_folder_may_itself_be_a_symlink(site, tmp_path):
    (tmp_path / "link").symlink_to(site, target_is_directory=True)
    with serving(tmp_path / "link") as server:
        assert get(server, "/public/x/")[0] == 200


@pytest.mark.parametrize("target", [
    b"/public/x/%00", b"/public/x/index.html%00.txt", b"/public/x/\x00",          # NUL
    b"/public/x/%0a", b"/public/x/%7f",                                           # other control characters
    b"/%zz", b"/public/x/%4", b"/public/x/%G1", b"/%",                             # invalid percent-encoding
    b"/%ff", b"/public/%c3%28", b"/public/%ed%a0%80", b"/\xff",                    # not UTF-8
    b"/" + b"a" * 5000, b"/public/" + b"b" * 300,                                # absurdly long
    b"/../etc/passwd", b"/public/x/../../../etc/passwd", b"/public/%2e%2e/%2e%2e/etc/passwd",
    b"/public/..%2f..%2f..%2fetc%2fpasswd", b"/public/x/..", b"/public\\..\\..\\etc\\passwd",
    b"http://example.org/public/x/", b"*",                                        # not a path
], ids=lambda target: repr(target)[2:42])
def test_bad_paths_get_400(site, target):
    with serving(site) as server:
        status, response = raw(server, target)
        assert status == 400, response[:200]
        assert b"THE-SECRET" not in response
        assert get(server, "/public/x/")[0] == 200  # and the server carries on


def test_a_request_too_large_is_refused_and_the_server_carries_on(site):
    with serving(site) as server:
        with socket.create_connection(("127.0.0.1", server.server_address[1]), timeout=10) as sock:
            try:
                sock.sendall(b"GET / HTTP/1.0\r\nX-Big: " + b"a" * 100_000 + b"\r\n\r\n")
                answer = sock.recv(4096)
            except ConnectionError:
                answer = b""
            assert answer == b"" or answer.startswith(b"HTTP/1.0 431")
        assert get(server, "/public/x/")[0] == 200


def test_a_folder_address_is_redirected_to_its_own_path(site):
    with serving(site) as server:
        status, response = raw(server, b"/public/x?a=1")
        assert status == 301 and b"\r\nLocation: /public/x/?a=1\r\n" in response
        # Never to another host ("//public/x/" would be one).
        status, response = raw(server, b"//public//x")
        assert status == 301 and b"\r\nLocation: /public/x/\r\n" in response
        status, _, body = get(server, "/")
        assert status == 200 and b'href="/public/x/"' in gzip.decompress(body)
        assert get(server, "/public/")[0] == 404  # folders are not listed
        assert get(server, "/public/x/index.html/")[0] == 404  # nor is a file a folder
        status, response = raw(server, b"/public/x/", method=b"HEAD")
        assert status == 200 and response.endswith(b"\r\n\r\n") and b"Content-Length: 15\r\n" in response


def test_idle_connections_cannot_starve_the_server(site):
    with serving(site, max_connections=32, request_timeout=60) as server:
        address = ("127.0.0.1", server.server_address[1])
        idle = [socket.create_connection(address, timeout=10) for _ in range(150)]
        slow = [socket.create_connection(address, timeout=10) for _ in range(50)]
        try:
            for sock in slow:  # a request begun and never finished
                sock.sendall(b"GET /public/x/ HTTP/1.1\r\nHost: x\r\nX-Wait: ")
            status, _, body = get(server, "/public/x/", gzipped=False, timeout=20)
            assert status == 200 and body == b"<p>the site</p>"
            # The server closed the connections that waited longest: it keeps
            # at most 32 open, not one a thread.
            deadline = time.monotonic() + 20
            while server.open_connections > 32 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert server.open_connections <= 32
            closed = 0
            for sock in idle + slow:
                sock.settimeout(0.001)
                try:
                    closed += sock.recv(1) == b""
                except TimeoutError:
                    pass
                except ConnectionError:
                    closed += 1
            assert closed >= 200 - 32
        finally:
            for sock in idle + slow:
                sock.close()


def test_a_connection_that_sends_no_request_is_closed(site):
    with serving(site, request_timeout=0.5) as server:
        address = ("127.0.0.1", server.server_address[1])
        with socket.create_connection(address, timeout=15) as idle, \
                socket.create_connection(address, timeout=15) as slow:
            slow.sendall(b"GET /public/x/ HTTP/1.1\r\n")
            for sock in (idle, slow):
                try:
                    assert sock.recv(1) == b""
                except ConnectionResetError:
                    pass
        assert get(server, "/public/x/")[0] == 200


def test_many_first_requests_compress_a_file_once(site, monkeypatch):
    calls = []
    compress = server_module._gzip

    def counted(data):
        calls.append(len(data))
        time.sleep(0.3)  # so that every request arrives while the first is compressing
        return compress(data)

    monkeypatch.setattr(server_module, "_gzip", counted)
    app = site / "public" / "x" / "assets" / "app.js"
    with serving(site, workers=20) as server:
        start = threading.Barrier(20)
        bodies = []

        def fetch():
            start.wait()
            bodies.append(get(server, "/public/x/assets/app.js", timeout=30))

        threads = [threading.Thread(target=fetch) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(bodies) == 20 and all(status == 200 for status, _, _ in bodies)
        assert len({body for _, _, body in bodies}) == 1
        assert gzip.decompress(bodies[0][2]) == app.read_bytes()
        assert calls == [app.stat().st_size]
        assert server.compressed.compressions == 1
        # A new version of the file is compressed again, once.
        app.write_text("let why = 2;\n" * 20000)
        for _ in range(3):
            assert gzip.decompress(get(server, "/public/x/assets/app.js")[2]) == app.read_bytes()
        assert len(calls) == 2


def test_the_compressed_cache_stays_within_its_budget(site):
    files = site / "public" / "x" / "files"
    files.mkdir()
    for i in range(6):  # random bytes: compressed, each is a little over 100,000 bytes
        (files / f"{i}.txt").write_bytes(os.urandom(100_000))
    (files / "big.txt").write_bytes(os.urandom(300_000))
    with serving(site, cache_bytes=250_000) as server:
        for _ in range(2):
            for name in ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt", "5.txt", "big.txt", "0.txt"]:
                status, headers, body = get(server, f"/public/x/files/{name}")
                assert status == 200 and headers["Content-Encoding"] == "gzip"
                assert gzip.decompress(body) == (files / name).read_bytes()
                assert server.compressed.size <= 250_000
                assert len(server.compressed) <= 2
        # The two kept are the last used; the big one (over budget) is never kept.
        compressions = server.compressed.compressions
        get(server, "/public/x/files/5.txt")
        get(server, "/public/x/files/0.txt")
        assert server.compressed.compressions == compressions
        get(server, "/public/x/files/big.txt")
        assert server.compressed.compressions == compressions + 1


def test_serve_says_when_it_cannot_listen(site):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(UsageError, match="cannot serve on 127.0.0.1"):
            serve(site, "127.0.0.1", taken.getsockname()[1])
