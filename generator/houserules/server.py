"""A local web server for the built sites that serves them the way a council's
web server should: compressed, with the checker's versioned files cached for
good and everything else checked again on each visit.

A file with a compressed copy beside it (`name.br`, `name.gz`: the build
writes them for the checker's runtime and wheel) is answered with that copy,
to a browser that accepts its encoding, as nginx's `brotli_static` and
`gzip_static` do: with the original's Content-Type, a Content-Encoding and
`Vary: Accept-Encoding`. Other text is gzipped here, once per file version.

Used by `houserules serve` for previews, and by the browser tests and the
benchmarks, so what they measure is what a well-configured server sends.
Not a production server; the README says what to configure on a real one.

It cannot be turned against the person running it:

- It sends nothing from outside the folder it serves. Every path is resolved,
  symlinks included, and anything that lands outside the folder is a 404 (a
  symlink in the tree that points out of it too); the file is then opened
  without following a symlink and checked again through the open file.
- A path it cannot read as one (a NUL or other control character, invalid
  percent-encoding, invalid UTF-8, `..`, an absurd length) is a 400.
- A connection is not given a worker until its whole request has arrived:
  one thread reads every waiting connection's request without blocking, a
  connection that has not sent its request within `request_timeout` seconds is
  closed, and at most `max_connections` are open at once (a new one closes the
  connection that has waited longest without a full request). A fixed pool of
  `workers` threads answers complete requests, and a reader that stops reading
  a response is dropped after `send_timeout` seconds.
- A compressed body is made once per file version, however many ask for it at
  once, and kept in a cache of at most `cache_bytes`, least recently used out.
"""

from __future__ import annotations

import collections
import email.utils
import gzip
import html
import http.server
import io
import os
import queue
import re
import selectors
import socket
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote_to_bytes

# Folders named by version or by content hash never change in place.
IMMUTABLE = re.compile(r"/assets/(?:pyodide/[^/]+|checker/[0-9a-f]{12})/")
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/wasm", "image/svg+xml",
                "application/xml")
TYPES = {".mjs": "text/javascript", ".wasm": "application/wasm", ".whl": "application/zip",
         ".json": "application/json", ".br": "application/octet-stream"}
# Compressed copies a file may have beside it, in the order they are preferred.
PRECOMPRESSED = ((".br", "br"), (".gz", "gzip"))
AUDIENCES = ("public", "staff")

MAX_HEAD = 64 * 1024       # bytes of request line and headers
MAX_TARGET = 4096          # characters of the request target (path and query)
MAX_SEGMENT = 255          # bytes of one decoded path segment (a file name)
CHUNK = 64 * 1024          # bytes written to the socket at a time

_PERCENT = re.compile(r"(?:[^%]|%[0-9A-Fa-f]{2})*")
_HEAD_END = re.compile(rb"\r?\n\r?\n")


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header accepts (RFC 9110 12.5.3):
    each named without `q=0`; `*` stands for gzip and br when they are not named."""
    named: dict[str, float] = {}
    for part in header.split(","):
        coding, *params = part.split(";")
        coding = coding.strip().lower()
        if not coding:
            continue
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value.strip())
                except ValueError:
                    weight = 0.0
        named[coding] = weight
    accepted = {coding for coding, weight in named.items() if weight > 0}
    if "*" in accepted:
        accepted |= {coding for coding in ("gzip", "br") if coding not in named}
    return accepted


class _Pending:
    """One compression in progress; others asking for the same body wait on it."""

    def __init__(self):
        self.done = threading.Event()
        self.body: bytes | None = None


class CompressedCache:
    """Gzipped bodies, made once per file version (the runtime is 9 MB) and
    kept, least recently used out, within `budget` bytes.

    A file version is (device, inode, size, mtime): the build hard-links the
    runtime into every site, and one compression serves every link. A body
    larger than the budget is made once for the requests waiting for it, and
    not kept.
    """

    def __init__(self, budget: int):
        self.budget = budget
        self.size = 0
        self.compressions = 0
        self._bodies: collections.OrderedDict[tuple, bytes] = collections.OrderedDict()
        self._pending: dict[tuple, _Pending] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple, read: Callable[[], bytes]) -> bytes:
        while True:
            with self._lock:
                body = self._bodies.get(key)
                if body is not None:
                    self._bodies.move_to_end(key)
                    return body
                pending = self._pending.get(key)
                mine = pending is None
                if pending is None:  # mine: the compression is done here
                    pending = self._pending[key] = _Pending()
            if not mine:
                pending.done.wait()
                if pending.body is not None:
                    return pending.body
                continue  # the compression failed: try it here
            try:
                body = _gzip(read())
                pending.body = body
                with self._lock:
                    self.compressions += 1
                    self._keep(key, body)
                return body
            finally:
                with self._lock:
                    del self._pending[key]
                pending.done.set()

    def _keep(self, key: tuple, body: bytes) -> None:
        if len(body) > self.budget:
            return
        while self._bodies and self.size + len(body) > self.budget:
            _, old = self._bodies.popitem(last=False)
            self.size -= len(old)
        self._bodies[key] = body
        self.size += len(body)

    def __len__(self) -> int:
        return len(self._bodies)


class BadPath(ValueError):
    """A request target that is not a path on this server: answered with 400."""


def split_target(target: str) -> tuple[list[str], str, bool]:
    """The request target as (path segments, query, ends with "/").

    Raises BadPath for what no browser sends for a page of the sites: a NUL or
    other control character, a backslash, invalid percent-encoding, bytes that
    are not UTF-8 once decoded, a `..` segment, or an absurd length.
    """
    if len(target) > MAX_TARGET:
        raise BadPath("too long")
    if not target.startswith("/"):
        raise BadPath("not a path")
    if any(not "\x21" <= c <= "\x7e" for c in target):
        raise BadPath("characters a URL may not hold")
    path, _, query = target.partition("?")
    path = path.partition("#")[0]
    if not _PERCENT.fullmatch(path):
        raise BadPath("invalid percent-encoding")
    try:
        decoded = unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        raise BadPath("not UTF-8") from None
    if any(c < "\x20" or c == "\x7f" or c == "\\" for c in decoded):
        raise BadPath("a control character or backslash")
    segments = [s for s in decoded.split("/") if s not in ("", ".")]
    if ".." in segments:
        raise BadPath("a .. segment")
    if any(len(s.encode("utf-8")) > MAX_SEGMENT for s in segments):
        raise BadPath("a name too long")
    return segments, query, decoded.endswith("/")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root + os.sep)


def open_inside(root: str, segments: list[str]) -> tuple[int, os.stat_result] | str | None:
    """Open root/segments for reading, refusing anything outside root.

    Returns (file descriptor, its stat) for a regular file, the resolved path
    for a folder, and None for anything missing, outside root (through a
    symlink anywhere on the way, or `..`), hidden (a name starting with
    "."), or neither a file nor a folder.
    """
    if any(s.startswith(".") for s in segments):
        return None
    real = os.path.realpath(os.path.join(root, *segments))
    if not _inside(real, root):
        return None
    try:
        info = os.stat(real, follow_symlinks=False)
    except (OSError, ValueError):
        return None
    if stat.S_ISDIR(info.st_mode):
        return real
    if not stat.S_ISREG(info.st_mode):
        return None
    try:
        # No symlink may have been put in place since it was resolved...
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        opened = _opened_path(fd)
        # ...nor a folder on the way swapped for one.
        if not stat.S_ISREG(info.st_mode) or (opened is not None and not _inside(opened, root)):
            os.close(fd)
            return None
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def _opened_path(fd: int) -> str | None:
    """Where an open file is, where the system says (Linux); None elsewhere."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return None


def _read_fd(fd: int) -> bytes:
    chunks, offset = [], 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


# The 404 page MkDocs writes for a site names the site's files from the
# root of the server it is on ("/assets/...", and "//..." where a template
# joins "/" to a path). On a council's server a site is at the root; here it
# is at /public/<council>/, so those addresses are moved there.
_ROOT_ADDRESS = re.compile(rb'(\s(?:href|src|data-scope)="|"base":\s*")/+')


def _at_prefix(page: bytes, prefix: str) -> bytes:
    return _ROOT_ADDRESS.sub(lambda m: m.group(1) + prefix.encode("ascii"), page)


class _Writer(io.BufferedIOBase):
    """The handler's wfile: every write goes out whole (sendall), as with the
    standard library's own socketserver._SocketWriter, also a BufferedIOBase."""

    def __init__(self, sock: socket.socket):
        self._sock = sock

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._sock.sendall(data)
        return len(data)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Answers one request, read in full by PreviewServer before it gets here."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    server_quiet = False  # set by make_server(quiet=True): no line per request
    server: PreviewServer  # the one that made it (the base class says only "a server")

    def __init__(self, *args, head: bytes | None = None, **kwargs):
        self._head = head
        self._responded = False
        super().__init__(*args, **kwargs)

    def setup(self):
        if self._head is None:
            return super().setup()
        self.connection = self.request
        self.connection.settimeout(self.server.send_timeout)
        self.rfile = io.BytesIO(self._head)
        self.wfile = _Writer(self.connection)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        if not self.server_quiet:
            super().log_message(format, *args)

    def send_response(self, code, message=None):
        self._responded = True
        super().send_response(code, message)

    def do_GET(self):
        self._answer(body=True)

    def do_HEAD(self):
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        try:
            self._route(body)
        except OSError:
            raise  # the connection failed (or timed out): nothing to answer on
        except Exception:
            if not self._responded:
                self.send_error(500)
            raise

    def _route(self, body: bool) -> None:
        try:
            segments, query, slash = split_target(self.path)
        except BadPath as exc:
            self.send_error(400, f"Bad path: {exc}")
            return
        root = self.server.root
        if not segments:
            self._send(200, "text/html; charset=utf-8", self._index_page(), "no-cache", body)
            return
        found, name = open_inside(root, segments), segments[-1]
        where = segments  # the file's own path
        if isinstance(found, str):  # a folder: its index.html, at an address ending in "/"
            if not slash:
                location = "/" + "/".join(quote(s) for s in segments) + "/" + (f"?{query}" if query else "")
                self.send_response(301)
                self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            where = [*segments, "index.html"]
            found, name = open_inside(root, where), "index.html"
        elif isinstance(found, tuple) and slash:  # a file is not a folder
            os.close(found[0])
            found = None
        if not isinstance(found, tuple):
            self._not_found(segments, body)
            return
        fd, info = found
        try:
            self._send_file(fd, info, where, name, body)
        finally:
            os.close(fd)

    def _send_file(self, fd: int, info: os.stat_result, where: list[str], name: str, body: bool) -> None:
        ctype = self.guess_type(name)
        modified = email.utils.formatdate(info.st_mtime, usegmt=True)
        cache = "public, max-age=31536000, immutable" if IMMUTABLE.search("/" + "/".join(where)) else "no-cache"
        if self.headers.get("If-Modified-Since") == modified:
            self.send_response(304)
            self.send_header("Cache-Control", cache)
            self.send_header("Last-Modified", modified)
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        encoding, copy = None, None
        for suffix, coding in PRECOMPRESSED:  # a copy compressed beforehand, sent as it is
            if coding in accepted:
                found = open_inside(self.server.root, [*where[:-1], where[-1] + suffix])
                if isinstance(found, tuple):
                    encoding, copy = coding, found
                    break
        try:
            if copy is not None:
                source, data, length = copy[0], None, copy[1].st_size
            elif "gzip" in accepted and ctype.startswith(COMPRESSIBLE):
                key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
                data = self.server.compressed.get(key, lambda: _read_fd(fd))
                source, length, encoding = None, len(data), "gzip"
            else:
                source, data, length = fd, None, info.st_size
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(length))
            self.send_header("Last-Modified", modified)
            self.send_header("Cache-Control", cache)
            self.send_header("Vary", "Accept-Encoding")
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.end_headers()
            if not body:
                return
            deadline = time.monotonic() + self.server.response_timeout
            if data is not None:
                for start in range(0, len(data), CHUNK):
                    self._write(data[start:start + CHUNK], deadline)
                return
            assert source is not None  # no body in memory: it is read from a file
            offset = 0
            while offset < length and (chunk := os.pread(source, min(CHUNK, length - offset), offset)):
                self._write(chunk, deadline)
                offset += len(chunk)
        finally:
            if copy is not None:
                os.close(copy[0])

    def _write(self, chunk: bytes, deadline: float) -> None:
        if time.monotonic() > deadline:
            raise TimeoutError("the response took too long to send")
        self.wfile.write(chunk)

    def _send(self, code: int, ctype: str, page: bytes, cache: str, body: bool) -> None:
        gzipped = "gzip" in accepted_encodings(self.headers.get("Accept-Encoding", ""))
        if gzipped:
            page = _gzip(page)
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", cache)
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if body:
            self.wfile.write(page)

    def _not_found(self, segments: list[str], body: bool) -> None:
        """The site's own 404 page for an address inside a site, else a plain one."""
        if len(segments) >= 2 and segments[0] in AUDIENCES:
            found = open_inside(self.server.root, [*segments[:2], "404.html"])
            if isinstance(found, tuple):
                fd, _ = found
                try:
                    page = _read_fd(fd)
                finally:
                    os.close(fd)
                prefix = "/" + "/".join(quote(s) for s in segments[:2]) + "/"
                self._send(404, "text/html; charset=utf-8", _at_prefix(page, prefix), "no-cache", body)
                return
        self.send_error(404)

    def _index_page(self) -> bytes:
        """The server's root: a list of the sites it serves."""
        items = []
        for audience in AUDIENCES:
            folder = open_inside(self.server.root, [audience])
            for name in sorted(os.listdir(folder)) if isinstance(folder, str) else []:
                index = open_inside(self.server.root, [audience, name, "index.html"])
                if isinstance(index, tuple):
                    os.close(index[0])
                    items.append(f'<li><a href="/{audience}/{quote(name)}/">{audience}/{html.escape(name)}/</a></li>')
        return ("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Built sites</title>"
                f"<h1>Built sites</h1><ul>{''.join(items) or '<li>none: run houserules build</li>'}</ul></html>"
                ).encode()


class _Connection:
    __slots__ = ("sock", "address", "head", "deadline")

    def __init__(self, sock: socket.socket, address, deadline: float):
        self.sock = sock
        self.address = address
        self.head = bytearray()
        self.deadline = deadline


class PreviewServer(http.server.HTTPServer):
    """An HTTP/1.0 server (one request a connection) that gives a connection to
    one of a fixed pool of workers only once its request has arrived in full."""

    request_queue_size = 128
    RequestHandlerClass: type[SiteHandler]  # given a request read in full (head=), as _work makes it

    def __init__(self, address, handler: type[SiteHandler], *, root: Path, workers: int, max_connections: int,
                 request_timeout: float, send_timeout: float, response_timeout: float, cache_bytes: int):
        self._threads: list[threading.Thread] = []  # none until it listens (server_close needs to know)
        self._stopping = threading.Event()
        super().__init__(address, handler)
        self.root = os.path.realpath(root)
        self.max_connections = max_connections
        self.request_timeout = request_timeout
        self.send_timeout = send_timeout
        self.response_timeout = response_timeout
        self.compressed = CompressedCache(cache_bytes)
        self._arrived: queue.SimpleQueue = queue.SimpleQueue()    # accepted, for the reader
        self._ready: queue.SimpleQueue = queue.SimpleQueue()      # requests read in full, for the workers
        self._open = 0
        self._open_lock = threading.Lock()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._threads = [threading.Thread(target=self._read_requests, name="houserules-serve-reader", daemon=True)]
        self._threads += [threading.Thread(target=self._work, name=f"houserules-serve-{i}", daemon=True)
                          for i in range(workers)]
        for thread in self._threads:
            thread.start()

    @property
    def open_connections(self) -> int:
        return self._open

    # Called by serve_forever's thread for each accepted connection.
    def process_request(self, request, client_address):
        self._arrived.put((request, client_address))
        self._wake()

    def _wake(self) -> None:
        try:
            self._wake_w.send(b"\0")
        except OSError:
            pass  # already awake (the pipe is full), or closing

    def _read_requests(self) -> None:
        """Read every waiting connection's request without blocking; hand each
        complete one to the workers; close those that take too long."""
        selector = selectors.DefaultSelector()
        selector.register(self._wake_r, selectors.EVENT_READ)
        waiting: collections.OrderedDict[socket.socket, _Connection] = collections.OrderedDict()

        def drop(conn: _Connection, answer: bytes = b"") -> None:
            selector.unregister(conn.sock)
            del waiting[conn.sock]
            if answer:
                try:
                    conn.sock.send(answer)
                except OSError:
                    pass
            self._close(conn.sock)

        try:
            while not self._stopping.is_set():
                timeout = max(0.0, next(iter(waiting.values())).deadline - time.monotonic()) if waiting else None
                for key, _ in selector.select(timeout):
                    if key.fileobj is self._wake_r:
                        try:
                            while self._wake_r.recv(4096):
                                pass
                        except OSError:
                            pass
                        continue
                    conn = key.data
                    try:
                        data = conn.sock.recv(MAX_HEAD)
                    except (BlockingIOError, InterruptedError):
                        continue
                    except OSError:
                        data = b""
                    if not data:
                        drop(conn)
                        continue
                    conn.head += data
                    if _HEAD_END.search(conn.head, max(0, len(conn.head) - len(data) - 3)):
                        selector.unregister(conn.sock)
                        del waiting[conn.sock]
                        conn.sock.setblocking(True)
                        self._ready.put(conn)
                    elif len(conn.head) > MAX_HEAD:
                        drop(conn, b"HTTP/1.0 431 Request Header Fields Too Large\r\n"
                                   b"Content-Length: 0\r\nConnection: close\r\n\r\n")
                while True:
                    try:
                        sock, address = self._arrived.get_nowait()
                    except queue.Empty:
                        break
                    with self._open_lock:
                        full = self._open >= self.max_connections
                        if not full:
                            self._open += 1
                    if full:
                        if not waiting:  # every open connection has a request in: refuse this one
                            self.shutdown_request(sock)
                            continue
                        drop(next(iter(waiting.values())))  # the longest waiting without a request
                        with self._open_lock:
                            self._open += 1
                    conn = _Connection(sock, address, time.monotonic() + self.request_timeout)
                    try:
                        sock.setblocking(False)
                        selector.register(sock, selectors.EVENT_READ, conn)
                    except (OSError, ValueError):  # gone already
                        self._close(sock)
                        continue
                    waiting[sock] = conn
                now = time.monotonic()
                while waiting and (conn := next(iter(waiting.values()))).deadline <= now:
                    drop(conn)
        finally:
            for conn in list(waiting.values()):
                drop(conn)
            selector.close()
            while True:
                try:
                    self.shutdown_request(self._arrived.get_nowait()[0])
                except queue.Empty:
                    break

    def _work(self) -> None:
        while True:
            conn = self._ready.get()
            if conn is None:
                return
            try:
                if not self._stopping.is_set():
                    self.RequestHandlerClass(conn.sock, conn.address, self, head=bytes(conn.head),
                                             directory=self.root)
            except OSError:
                pass  # the reader went away or stopped reading
            except Exception:
                self.handle_error(conn.sock, conn.address)
            finally:
                self._close(conn.sock)

    def _close(self, sock: socket.socket) -> None:
        self.shutdown_request(sock)
        with self._open_lock:
            self._open -= 1

    def server_close(self):
        self._stopping.set()
        if self._threads:
            self._wake()
            for _ in self._threads[1:]:
                self._ready.put(None)
            for thread in self._threads:
                thread.join(timeout=5)
            self._wake_r.close()
            self._wake_w.close()
            self._threads = []
        super().server_close()


def make_server(site_dir: Path, host: str = "127.0.0.1", port: int = 0, quiet: bool = False, *,
                workers: int = 16, max_connections: int = 128, request_timeout: float = 5.0,
                send_timeout: float = 10.0, response_timeout: float = 120.0,
                cache_bytes: int = 64 * 1024 * 1024) -> PreviewServer:
    """A server for the built sites in site_dir; call serve_forever() to run it."""
    handler = type("Handler", (SiteHandler,), {"server_quiet": quiet})
    return PreviewServer((host, port), handler, root=Path(site_dir), workers=workers,
                         max_connections=max_connections, request_timeout=request_timeout,
                         send_timeout=send_timeout, response_timeout=response_timeout,
                         cache_bytes=cache_bytes)
