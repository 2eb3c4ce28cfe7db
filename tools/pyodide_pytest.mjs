// Run pytest INSIDE Pyodide (CPython 3.14 / wasm) under Node, fully offline.
//
// Usage: node tools/pyodide_pytest.mjs <project_dir> [pytest args...]
//   e.g. node tools/pyodide_pytest.mjs . -q --hypothesis-profile=ci
// - Wheels for pytest + hypothesis (tools/pyodide-wheels.txt) are loaded from
//   <repo>/.cache/pyodide-wheels/ (env PYODIDE_WHEELS overrides); scripts/test.sh downloads them.
// - <project_dir> is mounted live (read-write) at the same absolute path inside Pyodide and is
//   the cwd, so pytest finds pyproject.toml there (testpaths, pythonpath) and prints host paths.
// - Nothing is written back into the project: -p no:cacheprovider (no .pytest_cache),
//   sys.dont_write_bytecode = True (no __pycache__; assertion rewriting still works in memory),
//   HYPOTHESIS_STORAGE_DIRECTORY=/tmp/hypothesis in Pyodide's MEMFS (no .hypothesis/).
// - Host env vars CI, PYTEST_ADDOPTS, HYPOTHESIS_PROFILE, PY_COLORS, NO_COLOR, FORCE_COLOR and
//   PYVDOM_* are passed into os.environ.
// Exit code = pytest's (0 ok, 1 tests failed, 2 interrupted, 3 internal error, 4 usage error,
// 5 no tests collected); also 3 if Pyodide or this runner failed, 4 for a bad command line.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.join(here, "..");
const indexDir = path.join(repo, "node_modules", "pyodide");
if (!fs.existsSync(path.join(indexDir, "pyodide.mjs"))) {
  console.error(`pyodide_pytest: ${indexDir} is missing: run \`npm ci\` in the repo root (or bash scripts/test.sh)`);
  process.exit(3);
}
const wheelDir = path.resolve(process.env.PYODIDE_WHEELS || path.join(repo, ".cache", "pyodide-wheels"));
const wheels = fs.existsSync(wheelDir)
  ? fs.readdirSync(wheelDir).filter((f) => f.endsWith(".whl")).sort().map((f) => path.join(wheelDir, f))
  : [];
if (!wheels.some((w) => path.basename(w).startsWith("pytest-"))) {
  console.error(`pyodide_pytest: no pytest wheel in ${wheelDir}; fetch them with:\n` +
    "  pip download --only-binary=:all: --platform any --python-version 3.14 --implementation py \\\n" +
    `    --abi none --no-deps -r tools/pyodide-wheels.txt -d ${wheelDir}\n(or run bash scripts/test.sh)`);
  process.exit(3);
}
if (!process.argv[2]) {
  console.error("usage: node tools/pyodide_pytest.mjs <project_dir> [pytest args...]");
  process.exit(4);
}
const project = path.resolve(process.argv[2]);
const pytestArgs = process.argv.slice(3);
if (!fs.statSync(project, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`pyodide_pytest: not a directory: ${project}`);
  process.exit(4);
}
const env = Object.fromEntries(Object.entries(process.env)
  .filter(([k]) => /^(CI|PYTEST_ADDOPTS|HYPOTHESIS_PROFILE|PY_COLORS|NO_COLOR|FORCE_COLOR|PYVDOM_\w+)$/.test(k)));

const { loadPyodide } = await import(pathToFileURL(path.join(indexDir, "pyodide.mjs")).href);
const t0 = performance.now();
const py = await loadPyodide({
  indexURL: indexDir + path.sep,
});
// Raw byte writes (not the default line batching), so partial lines such as pytest's progress
// dots come out as written instead of one per line.
py.setStdout({ write: (buf) => { process.stdout.write(buf); return buf.length; } });
py.setStderr({ write: (buf) => { process.stderr.write(buf); return buf.length; } });
const t1 = performance.now();
await py.loadPackage(wheels, { messageCallback: () => {} });
const t2 = performance.now();

const mnt = project === "/" ? "/project" : project;
py.FS.mkdirTree(mnt);
py.mountNodeFS(mnt, project);
py.FS.chdir(mnt);
py.globals.set("__PYTEST_ARGS", py.toPy(pytestArgs));
py.globals.set("__ENV", py.toPy(env));
py.globals.set("__ROOT", mnt);
let rc;
try {
  rc = await py.runPythonAsync(`
import os, sys
os.environ.update(__ENV)
os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = "/tmp/hypothesis"   # MEMFS, not the mounted repo
sys.dont_write_bytecode = True
sys.path.insert(0, __ROOT)
import pytest
__rc = 3
try:
    __rc = int(pytest.main(["-p", "no:cacheprovider", *__PYTEST_ARGS]))
except SystemExit as e:   # never let SystemExit escape: Pyodide would kill Node and dump its JS
    __rc = e.code if isinstance(e.code, int) else 3
__rc
`);
} catch (e) {
  process.stderr.write(String(e?.message ?? e) + "\n");
  rc = 3;
}
const t3 = performance.now();
console.error(`[pyodide ${py.version}] loadPyodide ${(t1 - t0).toFixed(0)} ms, ` +
  `${wheels.length} wheels ${(t2 - t1).toFixed(0)} ms, pytest ${(t3 - t2).toFixed(0)} ms`);
process.exit(rc);
