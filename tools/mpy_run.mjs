// Run a Python script in MicroPython 1.27 (webassembly port, PyScript variant) under Node.
//
// Usage (paths are relative to the current directory):
//   node tools/mpy_run.mjs [--heap BYTES] [--pystack WORDS] [--lib DIR]... [--copy SRC:DST]...
//                          script.py [script args...]
//   --lib DIR       copy DIR's *contents* recursively into MicroPython's /lib (on sys.path)
//   --copy SRC:DST  copy a host file or directory SRC to DST in MicroPython's FS (DST absolute;
//                   "--copy vdom:/lib/vdom" makes the package importable)
//   --heap BYTES    GC heap (default 64 MiB; loadMicroPython's own default is 1 MiB, and the
//                   heap grows by itself anyway)
//   --steps         after the script ran (with the global __steps__ = True), call its __step__()
//                   again and again, each as its own top-level call, until it returns False.
//                   This port collects garbage only when a top-level call returns (gc.collect()
//                   just marks one as due), so a script that runs in steps sees collections
//                   and a fragmented heap between steps, as browser event handlers do.
//   --pystack WORDS Python frame stack, in 4-byte words (loadMicroPython option `pystack`;
//                   its default 2048 gives "RuntimeError: pystack exhausted" after ~140 nested
//                   calls of a function with a few locals; default here 16384). From ~4096 words
//                   on, the port's fixed C-stack check is the limit instead: 154 nested Python
//                   calls, "RuntimeError: maximum recursion depth exceeded" (not settable from
//                   JS). C-level recursion (==, repr, hash of a ~2500-deep nested structure) is
//                   not checked at all: it overflows the wasm stack and aborts the interpreter
//                   ("Maximum call stack size exceeded", exit 1). Keep algorithms iterative.
// Copies skip __pycache__, dot-files and *.pyc. The FS is MEMFS only (no NODEFS in this build):
// nothing the script writes reaches the host.
// The script itself is copied to "/<path relative to cwd>" (or "/<basename>" if it lies outside
// the cwd); __file__ and sys.argv[0] are set to that path, sys.argv[1:] to the script args.
// MicroPython's cwd is "/", and "" (= cwd) and "/lib" are on sys.path.
// Exit code: 0 if the script ran, N for sys.exit(N), 1 if it raised (traceback on stderr),
// 2 for a usage error.
// Env: MPY_TIMING=1 prints the load time on stderr.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// node_modules is found next to the repo root, relative to this file (not to the cwd).
const here = path.dirname(fileURLToPath(import.meta.url));
const mpyModule = path.join(here, "..", "node_modules", "@micropython", "micropython-webassembly-pyscript", "micropython.mjs");
if (!fs.existsSync(mpyModule)) {
  console.error(`mpy_run: ${mpyModule} is missing: run \`npm ci\` in the repo root (or bash scripts/test.sh)`);
  process.exit(2);
}
const { loadMicroPython } = await import(pathToFileURL(mpyModule).href);

const usage = "usage: node tools/mpy_run.mjs [--heap BYTES] [--pystack WORDS] [--steps] [--lib DIR]... [--copy SRC:DST]... script.py [args...]";
const args = process.argv.slice(2);
let heapsize = 64 * 1024 * 1024;
let pystack = 16384;
let steps = false;
const copies = []; // [hostSrc, fsDst]
let script;
let scriptArgs = [];
function die(msg) { console.error(`mpy_run: ${msg}\n${usage}`); process.exit(2); }
while (args.length) {
  const a = args.shift();
  if (a === "--heap") heapsize = Number(args.shift());
  else if (a === "--pystack") pystack = Number(args.shift());
  else if (a === "--steps") steps = true;
  else if (a === "--lib") { const d = args.shift(); if (!d) die("--lib needs a DIR"); copies.push([d, "/lib", true]); }
  else if (a === "--copy") {
    const spec = args.shift() ?? "";
    const i = spec.lastIndexOf(":");
    if (i <= 0 || !spec.slice(i + 1).startsWith("/")) die(`--copy wants SRC:/abs/dst, got "${spec}"`);
    copies.push([spec.slice(0, i), spec.slice(i + 1), false]);
  } else if (a === "-h" || a === "--help") { console.log(usage); process.exit(0); }
  else if (a.startsWith("--") && !script) die(`unknown option ${a}`);
  else { script = a; scriptArgs = args.splice(0); }
}
if (!script) die("no script given");
if (!Number.isFinite(heapsize) || heapsize <= 0) die("bad --heap");
if (!Number.isFinite(pystack) || pystack <= 0) die("bad --pystack");
if (!fs.existsSync(script)) die(`script not found: ${script}`);

const t0 = performance.now();
const mp = await loadMicroPython({
  heapsize,
  pystack,
  stdout: (s) => process.stdout.write(s + "\n"),
  stderr: (s) => process.stderr.write(s + "\n"),
});
const tLoad = performance.now() - t0;

const SKIP = (name) => name === "__pycache__" || name.startsWith(".") || name.endsWith(".pyc");
function mkdirp(dst) { try { mp.FS.mkdirTree(dst); } catch { /* exists */ } }
function copyTree(src, dst) {
  mkdirp(dst);
  for (const ent of fs.readdirSync(src, { withFileTypes: true })) {
    if (SKIP(ent.name)) continue;
    const s = path.join(src, ent.name), d = dst + "/" + ent.name;
    if (ent.isDirectory()) copyTree(s, d);
    else if (ent.isFile()) mp.FS.writeFile(d, fs.readFileSync(s));
  }
}
for (const [src, dst, contents] of copies) {
  if (!fs.existsSync(src)) { console.error(`mpy_run: not found: ${src}`); process.exit(2); }
  if (fs.statSync(src).isDirectory()) {
    copyTree(path.resolve(src), contents ? dst : dst.replace(/\/+$/, ""));
  } else {
    mkdirp(path.posix.dirname(dst));
    mp.FS.writeFile(dst, fs.readFileSync(src));
  }
}

// Put the script into the FS as well, so __file__ names a real file there.
const rel = path.relative(process.cwd(), path.resolve(script));
const fsScript = "/" + (rel.startsWith("..") || path.isAbsolute(rel) ? path.basename(script) : rel.split(path.sep).join("/"));
mkdirp(path.posix.dirname(fsScript));
mp.FS.writeFile(fsScript, fs.readFileSync(script));
// JSON string/array literals are valid Python literals.
mp.runPython(`import sys\nsys.argv.clear()\nsys.argv.extend(${JSON.stringify([fsScript, ...scriptArgs])})\n__file__ = ${JSON.stringify(fsScript)}\ndel sys`);

let rc = 0;
try {
  // compile() with the FS path, so tracebacks name the file instead of "<stdin>"
  if (steps) mp.runPython("__steps__ = True");
  mp.runPython("exec(compile(open(__file__).read(), __file__, 'exec'))");
  if (steps) {
    // One top-level call per step: the collection a step asked for runs as it returns.
    do {
      mp.runPython("__more__ = __step__()");
    } while (mp.globals.get("__more__"));
  }
} catch (e) {
  // Python exceptions surface as a JS PythonError {type, message = traceback text}.
  // (Never let one escape: Node would dump the whole minified micropython.mjs.)
  if (e?.name === "PythonError" && e.type === "SystemExit") {
    const m = /SystemExit: *(-?\d*)\s*$/.exec(e.message);
    if (m) rc = m[1] !== "" ? Number(m[1]) : 0;   // sys.exit(N) / sys.exit()
    else { process.stderr.write(/SystemExit: ?([\s\S]*?)\s*$/.exec(e.message)?.[1] + "\n"); rc = 1; }  // sys.exit("msg")
  } else if (e?.name === "PythonError") {
    process.stderr.write(String(e.message) + "\n");   // uncaught exception: its traceback
    rc = 1;
  } else {
    // A JS/wasm error aborted the interpreter, e.g. RangeError "Maximum call stack size exceeded":
    // C-level recursion (==, repr, hash on a ~2500-deep nested structure) is not caught as a
    // Python RecursionError in this port and overflows the wasm stack.
    process.stderr.write(`mpy_run: MicroPython aborted: ${e?.name ?? "Error"}: ${e?.message ?? e}\n`);
    rc = 1;
  }
}
if (process.env.MPY_TIMING) console.error(`[timing] loadMicroPython ${tLoad.toFixed(1)} ms`);
process.exit(rc);
