"""Checker-in-the-browser benchmark: what a council page costs before and
after the checker is used, how long the checker takes to be ready, and how
long a check takes in the browser (Pyodide) and in CPython, side by side.

    make bench-widget            # builds the sites first
    .venv/bin/python tests/benchmarks/bench_widget.py [--council SLUG] [--runs N] [--warm N]

Headless Debian Chromium (as in the browser tests) against the built site
served on 127.0.0.1 by houserules' preview server, which serves as a council's
server should be set up: the Brotli copies the build writes beside the
runtime and the wheel, gzip for other text, and the checker's versioned files
cached for good. "Transferred" is what crossed the wire (bodies and headers);
"uncompressed" the files' own sizes. Times come from
the page's own user-timing marks (hr-checker-ready: from the first keystroke
to ready; hr-check: the engine's call; hr-check-shown: with the results
written into the page). Comments are rule examples joined to the length
wanted. Stage by stage: the page's marks on the way to ready
(hr-checker-runtime, ...; checker.js), each as time since the keystroke,
beside the floor's two (its script imported, loadPyodide done).

Beside the checker, the floor: a page that only imports pyodide.mjs and calls
loadPyodide() with Pyodide's full python_stdlib.zip, from the same runtime
files and the same preview server (on a folder of its own). The two take
turns, start by start: --cold starts of each in a new context (empty cache),
then --warm reloads of each in a context kept open, the order swapped each
round, and the medians compared. Measured one after the other, a machine
whose load changed between them moved the ratio from 0.97x to 1.49x on the
same code. Not a test: it asserts nothing and writes no file.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for _src in (ROOT / "generator", ROOT / "widget"):
    if str(_src) not in sys.path:
        sys.path.insert(0, str(_src))

from houserules.load import load_policy  # noqa: E402
from houserules.rulepack import build_rulepack, dumps  # noqa: E402
from houserules.server import make_server  # noqa: E402
from houserules_checker.browser import Session  # noqa: E402

CHROMIUM = os.environ.get("HOUSERULES_CHROMIUM", "/usr/bin/chromium")
PYODIDE = ROOT / "widget" / "node_modules" / "pyodide"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LENGTHS = (100, 2_000, 20_000)


def serve(folder: Path) -> str:
    server = make_server(folder, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


FLOOR_PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>Pyodide alone</title>
<script type="module" src="floor.mjs"></script></html>
"""
# As checker.js starts Pyodide, less the checker: Pyodide's defaults (its
# python_stdlib.zip and its own package list, which it reads as it starts).
FLOOR_SCRIPT = """
window.startFloor = async () => {
  performance.mark("floor-start");
  try {
    const runtime = new URL("runtime/", document.baseURI).href;
    const { loadPyodide } = await import(runtime + "pyodide.mjs");
    performance.mark("floor-script");
    await loadPyodide({ indexURL: runtime, stdout: () => {}, stderr: () => {} });
    performance.mark("floor-runtime");
    performance.measure("floor-ready", "floor-start");
  } catch (e) {
    window.floorError = String(e && e.stack || e);
  }
};
"""


def floor_folder(into: Path) -> Path:
    """A page that only starts Pyodide, with the runtime files the sites serve
    (their compressed copies too) and Pyodide's full python_stdlib.zip."""
    runtime = into / "floor" / "runtime"
    runtime.mkdir(parents=True)
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        for copy in sorted(PYODIDE.glob(f"{name}*")):
            try:
                os.link(copy, runtime / copy.name)
            except OSError:
                shutil.copyfile(copy, runtime / copy.name)
    (into / "floor" / "index.html").write_text(FLOOR_PAGE, encoding="utf-8")
    (into / "floor" / "floor.mjs").write_text(FLOOR_SCRIPT, encoding="utf-8")
    return into


def comments(policy, length: int, count: int) -> list[str]:
    """`count` different comments of exactly `length` characters, made of rule examples."""
    examples = [e.text for r in sorted(policy.rules.values(), key=lambda r: r.id)
                for side in ("breaks", "passes") for e in getattr(r.examples, side)]
    out = []
    for i in range(count):
        text, j = "", i
        while len(text) < length:
            text += examples[j % len(examples)] + " "
            j += 7
        out.append(text[:length])
    return out


def percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


class Recorder:
    """Every response: bytes that crossed the wire, and the file's own size."""

    def __init__(self, page, base: str, site_root: Path):
        self.files: list[tuple[str, int, str]] = []  # path, bytes on the wire, Content-Encoding
        self.wire = 0
        self.plain = 0
        self.base, self.site_root = base, site_root
        page.on("requestfinished", self._finished)

    def _finished(self, request):
        path = request.url.split(self.base, 1)[-1].split("?")[0]
        local = self.site_root / path.lstrip("/")
        if local.is_dir():
            local = local / "index.html"
        sizes = request.sizes()
        wire = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        response = request.response()
        self.files.append((path, wire, (response.headers.get("content-encoding") or "none") if response else "?"))
        self.wire += wire
        if local.is_file():
            self.plain += local.stat().st_size

    def take(self) -> tuple[int, int, int]:
        figures = (len(self.files), self.wire, self.plain)
        self.files, self.wire, self.plain = [], 0, 0
        return figures

    def take_files(self) -> tuple[tuple[int, int, int], list[tuple[str, int, str]]]:
        files = list(self.files)
        return self.take(), files


def measures(page, name: str) -> list[float]:
    return page.evaluate(f"() => performance.getEntriesByName('{name}').map(e => e.duration)")


def wait_ready(page, name: str = "hr-checker-ready") -> float:
    page.wait_for_function(f"() => performance.getEntriesByName('{name}').length > 0", timeout=120_000)
    return measures(page, name)[-1]


def marks(page, prefix: str) -> dict[str, float]:
    """The page's marks named prefix-*, as ms since prefix-start."""
    return page.evaluate("""prefix => {
        const all = performance.getEntriesByType('mark').filter(m => m.name.startsWith(prefix));
        const start = all.find(m => m.name === prefix + 'start');
        return Object.fromEntries(all.map(m => [m.name.slice(prefix.length), m.startTime - start.startTime]));
    }""", prefix)


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


# Each stage: what it is, the checker's mark (checker.js), the floor's (None: the floor has no such stage).
STAGES = (("pyodide.mjs imported", "script", "script"),
          ("runtime loaded (loadPyodide)", "runtime", "runtime"),
          ("package loaded", "package", None),
          ("rules fetched", "rules", None),
          ("module imported", "imported", None),
          ("Session made", "session", None))


class Start:
    """One kind of start (the checker's page, or the floor's): where it is
    served from, how to begin it, and every start measured, cold and warm."""

    def __init__(self, base: str, folder: Path, path: str, begin: Callable, ready: str, prefix: str,
                 error: str | None = None):
        self.base, self.folder, self.url = base, folder, f"{base}/{path}"
        self.begin, self.ready, self.prefix, self.error = begin, ready, prefix, error
        self.runs: dict[str, list[dict]] = {"cold": [], "warm": []}

    def recorder(self, page) -> Recorder:
        return Recorder(page, self.base, self.folder)

    def run(self, page, kind: str, recorder: Recorder) -> None:
        page.goto(self.url, wait_until="networkidle")
        recorder.take()
        started = time.perf_counter()
        self.begin(page)
        page.wait_for_function(f"() => {self.error or 'false'} || performance.getEntriesByName('{self.ready}').length",
                               timeout=120_000)
        if self.error and page.evaluate(f"() => {self.error}"):
            raise SystemExit(f"{self.url} did not start: {page.evaluate(f'() => {self.error}')}")
        ready = wait_ready(page, self.ready)
        wall = (time.perf_counter() - started) * 1000
        found = marks(page, self.prefix)
        page.wait_for_load_state("networkidle")
        figures, files = recorder.take_files()
        self.runs[kind].append({"ready": ready, "wall": wall, "marks": found, "bytes": figures, "files": files})

    def median(self, kind: str, key: str = "ready") -> float:
        return statistics.median(run[key] for run in self.runs[kind])

    def marks(self, kind: str) -> dict[str, float]:
        return medians([run["marks"] for run in self.runs[kind]])


def take_turns(browser, starts: list[Start], cold: int, warm: int) -> None:
    """Cold: each start in a new context, `cold` rounds. Warm: a context kept
    for each, started once to fill its cache, then `warm` reloads. The order
    swaps each round, so neither always goes first."""
    for n in range(cold):
        for start in (starts if n % 2 == 0 else starts[::-1]):
            context = browser.new_context()
            page = context.new_page()
            start.run(page, "cold", start.recorder(page))
            context.close()
    kept = {}
    for start in starts:
        context = browser.new_context()
        page = context.new_page()
        recorder = start.recorder(page)
        start.run(page, "cold", recorder)  # fills the cache; counted as one more cold start
        kept[start] = (context, page, recorder)
    for n in range(warm):
        for start in (starts if n % 2 == 0 else starts[::-1]):
            _, page, recorder = kept[start]
            page.bring_to_front()  # Chromium slows the timers of a tab behind another
            start.run(page, "warm", recorder)
    for context, _, _ in kept.values():
        context.close()


def check_in_page(page, text: str, count: int) -> None:
    page.fill("#hr-comment", text)
    page.click("[data-hr-form] button[type=submit]")
    page.wait_for_function("n => document.querySelector('[data-hr-results]').dataset.count === n",
                           arg=str(count), timeout=120_000)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--council", default="ashfield")
    ap.add_argument("--site", type=Path, default=ROOT / "site", help="built sites (default: site/)")
    ap.add_argument("--runs", type=int, default=100, help="checks per comment length (default 100)")
    ap.add_argument("--cold", type=int, default=3, help="cold starts of the checker and of the floor, "
                                                         "taking turns, their median reported (default 3)")
    ap.add_argument("--warm", type=int, default=3, help="warm reloads, of the checker and the floor, "
                                                         "taking turns, their median reported (default 3)")
    args = ap.parse_args()
    if args.warm < 1 or args.cold < 1:
        ap.error("--cold and --warm: at least 1 each")
    from playwright.sync_api import sync_playwright

    site = args.site / "public" / args.council
    if not (site / "rules" / "index.html").is_file():
        raise SystemExit(f"{site}: not built; run `make site` first")
    base = serve(args.site)
    floor_dir = floor_folder(Path(tempfile.mkdtemp(prefix="houserules-floor-")))
    floor_base = serve(floor_dir)
    # The server sends the Brotli copies the build wrote, and gzips other text
    # once and keeps it: do that before timing, not during.
    for root, folder in ((base, args.site), (floor_base, floor_dir)):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".mjs", ".wasm", ".zip", ".json", ".whl", ".js", ".css"):
                url = f"{root}/{path.relative_to(folder).as_posix()}"
                urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})).read()
    page_path = f"public/{args.council}/rules/"
    page_url = f"{base}/{page_path}"
    policy = load_policy(ROOT / "policies")
    texts = {n: comments(policy, n, args.runs) for n in LENGTHS}

    print("houserules checker in the browser: benchmark")
    print(f"command: python tests/benchmarks/bench_widget.py --council {args.council} --runs {args.runs} "
          f"--cold {args.cold} --warm {args.warm}")
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; Chromium at {CHROMIUM}")
    print(f"page: /public/{args.council}/rules/ (the house rules page, with the checker), served on 127.0.0.1\n")

    # The checker starts at a reader's first keystroke; the floor when told to.
    checker = Start(base, args.site, page_path, lambda page: page.fill("#hr-comment", "x"),
                    "hr-checker-ready", "hr-checker-")
    bare = Start(floor_base, floor_dir, "floor/", lambda page: page.evaluate("() => { window.startFloor(); }"),
                 "floor-ready", "floor-", error="window.floorError")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        # 1. Before the checker is used: the page as it loads.
        context = browser.new_context()
        page = context.new_page()
        recorder = Recorder(page, base, args.site)
        page.goto(page_url, wait_until="networkidle")
        before = recorder.take()
        context.close()

        # 2. To ready, the checker and the floor taking turns.
        take_turns(browser, [checker, bare], args.cold, args.warm)

        # 3. Checks of each length, through the page as a reader does it.
        context = browser.new_context()
        page = context.new_page()
        page.goto(page_url, wait_until="networkidle")
        page.fill("#hr-comment", "x")
        wait_ready(page)
        browser_times = {}
        count = 0
        for n in LENGTHS:
            page.evaluate("() => { performance.clearMeasures('hr-check'); "
                          "performance.clearMeasures('hr-check-shown'); }")
            for text in texts[n]:
                count += 1
                check_in_page(page, text, count)
            browser_times[n] = (measures(page, "hr-check"), measures(page, "hr-check-shown"))
        context.close()
        browser.close()
    shutil.rmtree(floor_dir, ignore_errors=True)

    session = Session(dumps(build_rulepack(policy, args.council)))
    cpython = {}
    for n in LENGTHS:
        session.check(texts[n][0], "2026-01-01")
        times = []
        for text in texts[n]:
            t0 = time.perf_counter()
            session.check(text, "2026-01-01")
            times.append((time.perf_counter() - t0) * 1000)
        cpython[n] = times

    kb = lambda b: f"{b / 1024:,.1f} KB"  # noqa: E731
    print("1. Bytes for the page")
    print(f"   {'':34} {'files':>6} {'transferred':>15} {'uncompressed':>13}")
    print(f"   {'before the checker is used':34} {before[0]:>6} {kb(before[1]):>15} {kb(before[2]):>12}")
    after, after_files = checker.runs["cold"][0]["bytes"], checker.runs["cold"][0]["files"]
    floor_bytes, floor_files = bare.runs["cold"][0]["bytes"], bare.runs["cold"][0]["files"]
    print(f"   {'to ready (added by the checker)':34} {after[0]:>6} {kb(after[1]):>15} {kb(after[2]):>12}")
    print(f"   {'total once ready':34} {before[0] + after[0]:>6} {kb(before[1] + after[1]):>15} "
          f"{kb(before[2] + after[2]):>12}")
    print(f"   {'Pyodide alone (the floor)':34} {floor_bytes[0]:>6} {kb(floor_bytes[1]):>15} "
          f"{kb(floor_bytes[2]):>12}")
    print("   aim: under 200 KB before the checker is used, under 3,800 KB to ready\n")
    print("   to ready, file by file (the checker | the floor)")
    for label, files in (("checker", after_files), ("floor", floor_files)):
        for path, wire, encoding in files:
            print(f"   {label:8} {path.rsplit('/', 1)[-1][:44]:44} {kb(wire):>12}  {encoding}")
    print()
    warm_bytes = checker.runs["warm"][-1]["bytes"], bare.runs["warm"][-1]["bytes"]
    print("2. Time to ready, from the first keystroke (user timing in the page); "
          "the checker and the floor took turns")
    print(f"   {'':22} {'the checker':>12} {'the floor':>12} {'ratio':>7}   "
          "(the floor: Pyodide alone, full python_stdlib.zip)")
    for kind, label in (("cold", f"cold, median of {len(checker.runs['cold'])}"),
                        ("warm", f"warm, median of {len(checker.runs['warm'])}")):
        ours, theirs = checker.median(kind), bare.median(kind)
        print(f"   {label:22} {ours:9.0f} ms {theirs:9.0f} ms {ours / theirs:6.2f}x   "
              f"(wall clock: {checker.median(kind, 'wall'):.0f} ms, {bare.median(kind, 'wall'):.0f} ms)")
    each = lambda start, kind: ", ".join(f"{run['ready']:.0f}" for run in start.runs[kind])  # noqa: E731
    for kind in ("cold", "warm"):
        print(f"   {kind}, each start: the checker {each(checker, kind)} ms; the floor {each(bare, kind)} ms")
    print(f"   warm: {warm_bytes[0][0]} requests, {kb(warm_bytes[0][1])} transferred by the checker; "
          f"{warm_bytes[1][0]} requests, {kb(warm_bytes[1][1])} by the floor")
    print("   aim: under 4,000 ms cold and 2,000 ms warm on localhost; within 1.2x of the floor\n")
    print("   stage by stage, ms from the first keystroke (the page's marks; medians)")
    print(f"   {'':30} {'cold checker':>13} {'cold floor':>11} {'warm checker':>13} {'warm floor':>11}")
    ms = lambda found, key: f"{found[key]:.0f}" if key in found else "-"  # noqa: E731
    found = {(who, kind): start.marks(kind) for who, start in (("checker", checker), ("floor", bare))
             for kind in ("cold", "warm")}
    for label, ours, theirs in STAGES:
        print(f"   {label:30} {ms(found['checker', 'cold'], ours):>13} {ms(found['floor', 'cold'], theirs or ''):>11} "
              f"{ms(found['checker', 'warm'], ours):>13} {ms(found['floor', 'warm'], theirs or ''):>11}")
    print(f"   {'ready':30} {checker.median('cold'):>13.0f} {bare.median('cold'):>11.0f} "
          f"{checker.median('warm'):>13.0f} {bare.median('warm'):>11.0f}\n")
    print(f"3. Time per check, {args.runs} different comments per length, one after another")
    print(f"   {'chars':>7} {'browser engine p50':>19} {'p95':>8} {'browser shown p50':>18} {'p95':>8} "
          f"{'CPython p50':>12} {'p95':>8}  (ms)")
    for n in LENGTHS:
        e50, e95 = percentiles(browser_times[n][0])
        s50, s95 = percentiles(browser_times[n][1])
        c50, c95 = percentiles(cpython[n])
        print(f"   {n:>7,} {e50:>19.2f} {e95:>8.2f} {s50:>18.2f} {s95:>8.2f} {c50:>12.2f} {c95:>8.2f}")
    print("   engine: the call into Python; shown: with the results written into the page.")
    print("   aim: a 2,000-character check under 20 ms at the 95th percentile")
    return 0


if __name__ == "__main__":
    sys.exit(main())
