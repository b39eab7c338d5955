"""Find which modules of Pyodide's standard library the checker needs, and
write them to widget/stdlib.txt (set-up builds the zip the sites serve from it).

    make stdlib-list                                           # rewrites widget/stdlib.txt
    .venv/bin/python tests/benchmarks/trace_stdlib.py --check  # exit 1 unless the committed list is what a trace finds

Headless Debian Chromium loads the pinned Pyodide with its full
python_stdlib.zip from houserules' preview server, as the checker's page does
(checker.js: the same loadPyodide options, the engine's wheel from a lock of
its own, checked against its hash), then:

- checks every example of every rule the checker judges, in one pack of
  every such rule, on the staff page's path (with a moderator's fields, so
  the record is made) and the public page's (without);
- checks every council's own pack (its wording, steps and periods) with the
  examples of its rules, and tests/comment_examples.py on Ashfield's;
- fails as the page can: a date that is not one, a rule pack that is not
  JSON (a Python error handed back to JavaScript), a Python exception.

The list is every module then in sys.modules that was read from the zip,
and, apart, the modules Pyodide has frozen into its WebAssembly and those
built into it. The same runtime and the same examples give the same list
(tests/browser/test_checker_widget.py traces again and compares).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for _src in (ROOT / "generator", ROOT / "widget", ROOT / "tests"):
    if str(_src) not in sys.path:
        sys.path.insert(0, str(_src))

from comment_examples import COUNCIL, EXAMPLES  # noqa: E402
from every_rule import cases, every_rule_pack  # noqa: E402
from houserules.checker_assets import engine  # noqa: E402
from houserules.load import load_policy  # noqa: E402
from houserules.rulepack import build_rulepack, dumps  # noqa: E402
from houserules.server import make_server  # noqa: E402
from houserules.stdlib import FULL_NAME, LIST_NAME, StdlibList  # noqa: E402

CHROMIUM = os.environ.get("HOUSERULES_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PYODIDE = ROOT / "widget" / "node_modules" / "pyodide"
OUT = ROOT / "widget" / LIST_NAME
RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", FULL_NAME)

HEADER = """\
The standard library the comment checker needs in the browser: set-up
(`make setup`) builds the zip the sites serve from this list
(generator/houserules/stdlib.py). Written by `make stdlib-list`
(tests/benchmarks/trace_stdlib.py), which starts the pinned Pyodide in
Chromium as the checker's page does, checks every rule's examples and lets a
check fail; do not edit by hand.
[zip]: each module read from Pyodide's python_stdlib.zip.
[frozen]: the modules frozen into Pyodide's WebAssembly, never read from a zip.
[builtin]: the modules built into it.
Pyodide {version}."""

PAGE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>trace</title>
<script type="module" src="trace.mjs"></script></html>
"""

# What checker.js does to start, then the work, then what was imported.
SCRIPT = r"""
const here = (path) => new URL(path, document.baseURI).href;
try {
  const { loadPyodide } = await import(here("runtime/pyodide.mjs"));
  const pyodide = await loadPyodide({
    indexURL: here("runtime/"),
    lockFileURL: here("engine/pyodide-lock.json"),
    packageBaseUrl: here("engine/"),
    stdout: () => {},
    stderr: () => {},
  });
  // As the checker's page installs its engine (checker.js, install): each
  // of the wheel's files written where Python imports it from, with nothing
  // unzipped in Python (which would import zipfile, shutil and tempfile).
  const files = await (await fetch(here("engine/files.json"))).json();
  for (const [name, data] of files) {
    const path = `/lib/houserules-checker/${name}`;
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
  }
  const sys = pyodide.pyimport("sys");
  sys.path.insert(0, "/lib/houserules-checker");
  sys.destroy();
  const work = await (await fetch(here("work.json"))).json();
  const browser = pyodide.pyimport("houserules_checker.browser");
  let checks = 0;
  for (const { pack, cases } of work) {
    const session = browser.Session(pack);
    for (const c of cases) {
      JSON.parse(session.check(c.text, c.date, c.reply_to, c.account, c.earlier));
      checks += 1;
    }
  }
  const failures = [];
  failures.push(JSON.parse(browser.Session(work[0].pack).check("x", "not a date")).error);
  try { browser.Session("{"); } catch (e) { failures.push(e.constructor.name); }
  try { pyodide.runPython("raise ValueError('a failure')"); } catch (e) { failures.push(e.constructor.name); }
  const modules = JSON.parse(pyodide.runPython(`
import _imp, json, sys
zipped = next(p for p in sys.path if p.endswith(".zip")) + "/"
def origin(m):
    return getattr(getattr(m, "__spec__", None), "origin", None) or ""
json.dumps({"zip": sorted(n for n, m in list(sys.modules.items()) if origin(m).startswith(zipped)),
            "frozen": sorted(_imp._frozen_module_names()),
            "builtin": sorted(sys.builtin_module_names),
            "frozen_loaded": sorted(n for n, m in list(sys.modules.items()) if origin(m) == "frozen")})
`));
  window.__trace = { ...modules, checks, failures };
} catch (e) {
  window.__trace = { error: String(e && e.stack || e) };
}
"""


def _work(policy) -> list[dict]:
    account = json.dumps({"author": "A Resident", "handle": "@resident", "platform": "Facebook"})
    every = [c._asdict() for c in cases(policy)]
    work = [{"pack": dumps(every_rule_pack(policy)), "cases": [{**c, "account": account} for c in every]},
            {"pack": dumps(every_rule_pack(policy)), "cases": [{**c, "account": ""} for c in every]}]
    for slug in sorted(policy.councils):
        pack = build_rulepack(policy, slug)
        own = {rule["id"] for rule in pack["rules"]}
        mine = [{**c, "account": account} for c in every if c["rule"] in own]
        if slug == COUNCIL:
            mine += [{"text": e.comment, "date": "", "reply_to": "", "earlier": "", "account": account}
                     for e in EXAMPLES]
        work.append({"pack": dumps(pack), "cases": mine})
    return work


def _files(wheel: bytes) -> list[tuple[str, str]]:
    """[name, base64 bytes] of each file of the engine's wheel."""
    import base64
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(wheel)) as z:
        return [(i.filename, base64.b64encode(z.read(i)).decode()) for i in z.infolist() if not i.is_dir()]


def trace(context=None) -> tuple[StdlibList, dict]:
    """(the list, what the trace saw): in a new tab of `context` (a
    Playwright BrowserContext), or in a browser of its own."""
    version = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]
    wheel_name, wheel, lock = engine(ROOT, PYODIDE)
    policy = load_policy(ROOT / "policies")
    with tempfile.TemporaryDirectory(prefix="houserules-trace-") as work_dir:
        folder = Path(work_dir)
        (folder / "runtime").mkdir()
        (folder / "engine").mkdir()
        for name in RUNTIME:
            shutil.copyfile(PYODIDE / name, folder / "runtime" / name)
        (folder / "engine" / wheel_name).write_bytes(wheel)
        (folder / "engine" / "pyodide-lock.json").write_text(lock, encoding="utf-8")
        (folder / "engine" / "files.json").write_text(json.dumps(_files(wheel)), encoding="utf-8")
        (folder / "work.json").write_text(json.dumps(_work(policy), ensure_ascii=False), encoding="utf-8")
        (folder / "index.html").write_text(PAGE, encoding="utf-8")
        (folder / "trace.mjs").write_text(SCRIPT, encoding="utf-8")
        server = make_server(folder, quiet=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            if context is not None:
                found = _run_in(context, server.server_address[1])
            else:
                from playwright.sync_api import sync_playwright

                with sync_playwright() as p:
                    own = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                    try:
                        found = _run_in(own.new_context(), server.server_address[1])
                    finally:
                        own.close()
        finally:
            server.shutdown()
            server.server_close()
    if "error" in found:
        raise SystemExit(f"the trace failed in the browser: {found['error']}")
    return StdlibList(found["zip"], found["frozen"], found["builtin"]), {"version": version, **found}


def _run_in(context, port: int) -> dict:
    page = context.new_page()
    try:
        page.goto(f"http://127.0.0.1:{port}/index.html")
        page.wait_for_function("() => window.__trace", timeout=600_000)
        return page.evaluate("() => window.__trace")
    finally:
        page.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare with the committed list; write nothing")
    args = ap.parse_args()
    listed, found = trace()
    text = listed.text(HEADER.format(version=found["version"]))
    print(f"{found['checks']} checks; {len(listed.zipped)} modules from the zip, {len(found['frozen_loaded'])} "
          f"frozen ones loaded; failures seen: {found['failures']}", file=sys.stderr)
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print(f"{OUT.relative_to(ROOT)}: {'as traced' if same else 'differs from a trace: run make stdlib-list'}",
              file=sys.stderr)
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
