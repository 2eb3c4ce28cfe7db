// pyvdom bench: run vdom/cli/bench_runner.py in MicroPython or Pyodide under Node.
//
// Usage: node bench_node.mjs --interp micropython|pyodide --node-modules DIR
//                            [--copy SRC:DST]... [--heap BYTES] script.py [args...]
//   --copy SRC:DST  copy a host file or directory into the interpreter's FS (DST absolute)
//   --heap BYTES    MicroPython's initial GC heap (default 1 MiB, PyScript's; it grows)
// The script runs with the global __steps__ = True, then its __step__() is called, each time as
// its own top-level call, until it returns False: MicroPython's webassembly port collects only
// when a top-level call returns, so the collections happen between steps as in a browser.
// /lib is on sys.path. Exit code: 0 ok, 1 if Python raised (traceback on stderr), 2 usage.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
let interp, nodeModules, script, heap = 1024 * 1024;
const copies = [];
let scriptArgs = [];
function die(msg) { console.error(`bench_node: ${msg}`); process.exit(2); }
while (args.length) {
  const a = args.shift();
  if (a === "--interp") interp = args.shift();
  else if (a === "--node-modules") nodeModules = args.shift();
  else if (a === "--heap") heap = Number(args.shift());
  else if (a === "--copy") {
    const spec = args.shift() ?? "";
    const i = spec.lastIndexOf(":");
    if (i <= 0) die(`--copy wants SRC:/dst, got "${spec}"`);
    copies.push([spec.slice(0, i), spec.slice(i + 1)]);
  } else if (a.startsWith("--")) die(`unknown option ${a}`);
  else { script = a; scriptArgs = args.splice(0); }
}
if (!script || !nodeModules || !interp) die("usage: --interp NAME --node-modules DIR script.py [args]");

let py;
let FS;
const out = (s) => process.stdout.write(s + "\n");
const err = (s) => process.stderr.write(s + "\n");
if (interp === "micropython") {
  const mod = path.join(nodeModules, "@micropython", "micropython-webassembly-pyscript", "micropython.mjs");
  if (!fs.existsSync(mod)) die(`${mod} is missing`);
  const { loadMicroPython } = await import(pathToFileURL(mod).href);
  py = await loadMicroPython({ heapsize: heap, pystack: 16384, stdout: out, stderr: err });
  FS = py.FS;
} else if (interp === "pyodide") {
  const dir = path.join(nodeModules, "pyodide");
  if (!fs.existsSync(path.join(dir, "pyodide.mjs"))) die(`${dir}/pyodide.mjs is missing`);
  const { loadPyodide } = await import(pathToFileURL(path.join(dir, "pyodide.mjs")).href);
  py = await loadPyodide({ indexURL: dir + path.sep });
  py.setStdout({ batched: out });
  py.setStderr({ batched: err });
  FS = py.FS;
} else die(`unknown interpreter ${interp}`);

const SKIP = (name) => name === "__pycache__" || name.startsWith(".") || name.endsWith(".pyc");
function mkdirp(d) { try { FS.mkdirTree(d); } catch { /* exists */ } }
function copyTree(src, dst) {
  mkdirp(dst);
  for (const ent of fs.readdirSync(src, { withFileTypes: true })) {
    if (SKIP(ent.name)) continue;
    const s = path.join(src, ent.name), d = dst + "/" + ent.name;
    if (ent.isDirectory()) copyTree(s, d);
    else if (ent.isFile() && (ent.name.endsWith(".py") || ent.name.endsWith(".json"))) FS.writeFile(d, fs.readFileSync(s));
  }
}
for (const [src, dst] of copies) {
  if (!fs.existsSync(src)) die(`not found: ${src}`);
  if (fs.statSync(src).isDirectory()) copyTree(src, dst);
  else { mkdirp(path.posix.dirname(dst)); FS.writeFile(dst, fs.readFileSync(src)); }
}
mkdirp("/lib");
mkdirp("/run");
FS.writeFile("/run/runner.py", fs.readFileSync(script));
py.runPython(`import sys\nif "/lib" not in sys.path: sys.path.insert(0, "/lib")\nsys.argv.clear()\nsys.argv.extend(${JSON.stringify(["/run/runner.py", ...scriptArgs])})\n__file__ = "/run/runner.py"\n__steps__ = True\ndel sys`);

let rc = 0;
try {
  py.runPython("exec(compile(open(__file__).read(), __file__, 'exec'))");
  for (;;) {
    py.runPython("__more__ = __step__()");
    if (!py.globals.get("__more__")) break;
  }
} catch (e) {
  if (e?.type === "SystemExit" || /SystemExit/.test(String(e?.message ?? ""))) rc = 1;
  else rc = 1;
  process.stderr.write(String(e?.message ?? e) + "\n");
}
process.exit(rc);
