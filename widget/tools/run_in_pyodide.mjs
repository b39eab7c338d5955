// Runs a Python file in the pinned Pyodide under Node.js, for set-up steps
// that need Pyodide's own Python (its bytecode is not CPython's):
//   node run_in_pyodide.mjs <pyodide folder> <script.py> <input file> <output file>
// The script reads /input and writes /output in Pyodide's file system.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [folder, script, input, output] = process.argv.slice(2);
if (!output) {
  console.error("usage: node run_in_pyodide.mjs <pyodide folder> <script.py> <input file> <output file>");
  process.exit(2);
}
const indexURL = path.resolve(folder) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL });
pyodide.FS.writeFile("/input", fs.readFileSync(input));
pyodide.runPython(fs.readFileSync(script, "utf8"), { filename: script });
fs.writeFileSync(output, pyodide.FS.readFile("/output"));
