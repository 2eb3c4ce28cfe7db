// Run a Python script as __main__ in Pyodide (CPython 3.14 / wasm) under Node.
//
// Usage: node tools/pyodide_run.mjs [--lib DIR]... [--wheels DIR] script.py [script args...]
//   --lib DIR     mountNodeFS DIR at /lib/N and prepend it to sys.path
//   --wheels DIR  pyodide.loadPackage() every *.whl in DIR (pure-Python wheels from PyPI;
//                 loading by name would go to the CDN, which is unreachable)
// The host cwd is mounted (live, read-write) at the SAME absolute path inside Pyodide and made
// the cwd there, so relative and absolute host paths below the cwd work unchanged. __file__ is
// the script's host path (a real file inside Pyodide too if it lies below the cwd), and
// sys.argv = [script, *args]. sys.dont_write_bytecode = True: no __pycache__ reaches the host.
// Exit code: 0 ok, N for sys.exit(N), 1 if the script raised (traceback on stderr), 2 usage.
// Env: PYODIDE_TIMING=1 prints load times on stderr.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const indexDir = path.join(here, "..", "node_modules", "pyodide");
if (!fs.existsSync(path.join(indexDir, "pyodide.mjs"))) {
  console.error(`pyodide_run: ${indexDir} is missing: run \`npm ci\` in the repo root (or bash scripts/test.sh)`);
  process.exit(2);
}
const { loadPyodide } = await import(pathToFileURL(path.join(indexDir, "pyodide.mjs")).href);

const usage = "usage: node tools/pyodide_run.mjs [--lib DIR]... [--wheels DIR] script.py [args...]";
const args = process.argv.slice(2);
const libs = []; let wheelDir; let script; let scriptArgs = [];
function die(msg) { console.error(`pyodide_run: ${msg}\n${usage}`); process.exit(2); }
while (args.length) {
  const a = args.shift();
  if (a === "--lib") libs.push(path.resolve(args.shift() ?? die("--lib needs a DIR")));
  else if (a === "--wheels") wheelDir = path.resolve(args.shift() ?? die("--wheels needs a DIR"));
  else if (a === "-h" || a === "--help") { console.log(usage); process.exit(0); }
  else if (a.startsWith("--")) die(`unknown option ${a}`);
  else { script = path.resolve(a); scriptArgs = args.splice(0); }
}
if (!script) die("no script given");
if (!fs.existsSync(script)) die(`script not found: ${script}`);
for (const d of libs) if (!fs.existsSync(d)) die(`--lib not found: ${d}`);

const t0 = performance.now();
const py = await loadPyodide({
  indexURL: indexDir + path.sep,
});
// Raw byte writes (not the default line batching), so partial lines such as pytest's progress
// dots come out as written instead of one per line.
py.setStdout({ write: (buf) => { process.stdout.write(buf); return buf.length; } });
py.setStderr({ write: (buf) => { process.stderr.write(buf); return buf.length; } });
const tLoad = performance.now() - t0;
if (wheelDir) {
  const whls = fs.readdirSync(wheelDir).filter((f) => f.endsWith(".whl")).map((f) => path.join(wheelDir, f));
  await py.loadPackage(whls, { messageCallback: () => {} });
}

const cwd = process.cwd();
if (cwd !== "/") { py.FS.mkdirTree(cwd); py.mountNodeFS(cwd, cwd); py.FS.chdir(cwd); }
const mounts = libs.map((dir, i) => { const m = `/lib/${i}`; py.FS.mkdirTree(m); py.mountNodeFS(m, dir); return m; });

py.globals.set("__MOUNTS", py.toPy(mounts));
py.globals.set("__ARGV", py.toPy([script, ...scriptArgs]));
py.globals.set("__FILE", script);
py.globals.set("__SRC", fs.readFileSync(script, "utf8"));  // read on the host: works even outside the cwd
py.runPython("import sys; sys.path[:0] = list(__MOUNTS); sys.argv[:] = list(__ARGV); sys.dont_write_bytecode = True; del __MOUNTS, __ARGV");
// Run the file as __main__ (top-level await allowed) and map SystemExit to the exit code:
// an uncaught SystemExit would make Pyodide exit the Node process and dump its minified JS.
let rc = 0;
try {
  rc = await py.runPythonAsync(`
from pyodide.code import eval_code_async as __eval_code_async
__rc = 0
try:
    __file__ = __FILE
    await __eval_code_async(__SRC, globals(), filename=__FILE)
except SystemExit as __e:
    if __e.code is None or isinstance(__e.code, int):
        __rc = __e.code or 0
    else:
        import sys as __sys
        print(__e.code, file=__sys.stderr)
        __rc = 1
__rc
`);
} catch (e) {
  process.stderr.write(String(e?.message ?? e) + "\n");
  rc = 1;
}
if (process.env.PYODIDE_TIMING) console.error(`[timing] loadPyodide ${tLoad.toFixed(0)} ms`);
process.exit(rc);
