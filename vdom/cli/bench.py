"""Time your own patch scenarios under CPython, Pyodide and MicroPython.

  pyvdom bench scenarios.py                         # every interpreter, 5 runs
  pyvdom bench scenarios.py --interpreters cpython,micropython --runs 9
  pyvdom bench scenarios.py --json > results.json

A scenario file is a Python module with a SCENARIOS dict: a name -> (initial, [update, ...]),
each a function with no arguments that returns a tree (anything Root.render accepts):

  from vdom import h

  def rows(ids, selected=None):
      return h("ul", None, [h("li", {"key": i, "class": "sel" if i == selected else None}, str(i))
                            for i in ids])

  SCENARIOS = {
      "append 10": (lambda: rows(range(100)), [lambda: rows(range(110))]),
      "select then swap": (lambda: rows(range(100)),
                           [lambda: rows(range(100), selected=5),
                            lambda: rows([99] + list(range(1, 99)) + [0])]),
  }

It may import vdom, renderers and vdom.app (the functions should be pure: each run calls them
again). Each run mounts the initial tree on a fresh mock renderer and applies the updates in
order; every step (mount, update 1, ...) is timed as `build` (calling the function: building the
VNodes) and `patch` (root.render: the diff and the renderer calls). Between steps the runner
collects garbage and returns to JS, so MicroPython (which can only collect then) sees the heap a
browser gives it. Reported per step: median and spread (min-max) of build and patch, the renderer
calls, and whether they are the minimum (vdom.testing.check_sequence's model: creations, removals
and moves, checked under CPython; the core code is the same on every interpreter); under
MicroPython the bytes per VNode of the initial tree (gc.mem_alloc deltas).

MicroPython and Pyodide run under Node.js from the npm packages
@micropython/micropython-webassembly-pyscript and pyodide, found in a node_modules folder in the
current directory or above (or --node-modules DIR); else, as `dev` and `build` find them, in
pyvdom's checkout or its cache, where `npm ci` installs the pinned versions on first use. By hand:
  npm install @micropython/micropython-webassembly-pyscript@1.27.0 pyodide@314.0.7
"""

import json
import os
import shutil
import subprocess
import sys
import time

from vdom.cli.errors import CliError

INTERPRETERS = ("cpython", "micropython", "pyodide")
# The npm packages (and the versions pyvdom is tested with: package.json).
NPM_PACKAGES = {
    "micropython": ("@micropython/micropython-webassembly-pyscript", "1.27.0"),
    "pyodide": ("pyodide", "314.0.7"),
}
_ENTRY = {
    "micropython": ("@micropython", "micropython-webassembly-pyscript", "micropython.mjs"),
    "pyodide": ("pyodide", "pyodide.mjs"),
}
HERE = os.path.dirname(os.path.abspath(__file__))


def add_arguments(parser):
    parser.add_argument("file", metavar="FILE", help="the scenario file (a Python module with SCENARIOS)")
    parser.add_argument("--interpreters", default=",".join(INTERPRETERS), metavar="LIST",
                        help="comma-separated: cpython, micropython, pyodide (default: all three)")
    parser.add_argument("--runs", type=_positive, default=5, metavar="N",
                        help="timed runs per scenario (default 5)")
    parser.add_argument("--warmup", type=_natural, default=1, metavar="N",
                        help="untimed runs first (default 1)")
    parser.add_argument("--only", metavar="NAMES", help="comma-separated scenario names to run")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--node-modules", metavar="DIR",
                        help="the node_modules folder holding the interpreters (default: found "
                             "from the current directory upward, else where dev and build find them)")
    parser.add_argument("--no-check", action="store_true",
                        help="skip the minimal-calls check (vdom.testing's model, on CPython)")


def _whole(s, least):
    import argparse
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError("%r is not a whole number" % s)
    if n < least:
        raise argparse.ArgumentTypeError("must be %s, got %d" % ("at least %d" % least if least else "0 or more", n))
    return n


def _positive(s):
    return _whole(s, 1)


def _natural(s):
    return _whole(s, 0)


def parse_interpreters(value):
    names = [x.strip().lower() for x in value.split(",") if x.strip()]
    if not names:
        raise CliError("--interpreters: give at least one of %s" % ", ".join(INTERPRETERS))
    for n in names:
        if n not in INTERPRETERS:
            raise CliError("--interpreters: unknown interpreter %r (choose from %s)"
                           % (n, ", ".join(INTERPRETERS)))
    seen = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return seen


def find_node_modules(start=None):
    """The nearest ``node_modules`` folder from ``start`` (the cwd) upward, or None."""
    d = os.path.abspath(start or os.getcwd())
    while True:
        cand = os.path.join(d, "node_modules")
        if os.path.isdir(cand):
            return cand
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def install_hint(missing):
    pkgs = " ".join("%s@%s" % NPM_PACKAGES[m] for m in missing)
    return "install with: npm install %s (in your project folder)" % pkgs


def locate(interps, node_modules=None):
    """(node executable, node_modules dir) for the wasm interpreters; CliError when missing."""
    wasm = [i for i in interps if i != "cpython"]
    if not wasm:
        return None, None
    node = shutil.which("node")
    if node is None:
        raise CliError("node (Node.js) is not on PATH: %s run in Node.js. Install Node.js 18 or "
                       "newer (https://nodejs.org), or pass --interpreters cpython"
                       % " and ".join(wasm))
    if node_modules:
        nm = os.path.abspath(node_modules)
        if not os.path.isdir(nm):
            raise CliError("--node-modules %s: no such folder" % node_modules)
    else:
        nm = find_node_modules()
        if nm is None or [i for i in wasm if not os.path.exists(os.path.join(nm, *_ENTRY[i]))]:
            # As `dev` and `build`: pyvdom's checkout, or its cache, where `npm ci` installs
            # the pinned packages on first use.
            from vdom.cli import appkit

            nm = appkit.find_node_modules()
    missing = [i for i in wasm if nm is None or not os.path.exists(os.path.join(nm, *_ENTRY[i]))]
    if missing:
        where = ("in %s" % nm) if nm else "in any node_modules folder from %s upward" % os.getcwd()
        npm = "" if shutil.which("npm") else " (npm, which comes with Node.js, is not on PATH either)"
        raise CliError("%s not found %s; %s%s, or leave %s out of --interpreters"
                       % (" and ".join(NPM_PACKAGES[m][0] for m in missing), where,
                          install_hint(missing), npm, ",".join(missing)))
    return node, nm


def _package_dirs():
    import vdom
    import renderers
    return os.path.dirname(os.path.abspath(vdom.__file__)), os.path.dirname(os.path.abspath(renderers.__file__))


def command(impl, scenario, runner_args, node=None, node_modules=None):
    runner = os.path.join(HERE, "bench_runner.py")
    vdom_dir, renderers_dir = _package_dirs()
    if impl == "cpython":
        return [sys.executable, runner, scenario] + runner_args
    return [node, os.path.join(HERE, "bench_node.mjs"), "--interp", impl, "--node-modules", node_modules,
            "--copy", vdom_dir + ":/lib/vdom", "--copy", renderers_dir + ":/lib/renderers",
            "--copy", scenario + ":/scenario/" + os.path.basename(scenario),
            runner, "/scenario/" + os.path.basename(scenario)] + runner_args


def run_one(impl, scenario, runner_args, node=None, node_modules=None, quiet=False):
    cmd = command(impl, scenario, runner_args, node, node_modules)
    env = dict(os.environ)
    vdom_dir = _package_dirs()[0]
    root = os.path.dirname(vdom_dir)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    t0 = time.time()
    if not quiet:
        sys.stderr.write("bench: running %s...\n" % impl)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                           universal_newlines=True)
    except OSError as exc:
        raise CliError("cannot run %s: %s" % (cmd[0], exc))
    for line in p.stdout.splitlines():
        if line.startswith("BENCH_ERROR "):
            raise CliError("%s: %s" % (scenario, json.loads(line[len("BENCH_ERROR "):])))
        if line.startswith("BENCH_JSON "):
            data = json.loads(line[len("BENCH_JSON "):])
            data["wall_s"] = round(time.time() - t0, 2)
            return data
    tail = "\n".join(p.stderr.strip().splitlines()[-15:])
    raise CliError("the scenarios failed under %s (exit %d):\n%s" % (impl, p.returncode, tail), status=1)


def run(args):
    interps = parse_interpreters(args.interpreters)
    scenario = os.path.abspath(args.file)
    if not os.path.exists(scenario):
        raise CliError("%s: no such file" % args.file)
    if os.path.isdir(scenario):
        raise CliError("%s is a directory; give the scenario file (a .py module)" % args.file)
    if not scenario.endswith(".py"):
        raise CliError("%s: the scenario file must be a Python file (.py)" % args.file)
    node, nm = locate(interps, args.node_modules)
    runner_args = ["--runs", str(args.runs), "--warmup", str(args.warmup)]
    if args.only:
        runner_args += ["--only", args.only]
    results = []
    for impl in interps:
        extra = ["--check"] if impl == "cpython" and not args.no_check else []
        results.append(run_one(impl, scenario, runner_args + extra, node, nm, quiet=args.json))
    if args.only and not any(r["scenarios"] for r in results):
        raise CliError("--only %s: no such scenario in %s" % (args.only, args.file))
    if args.json:
        sys.stdout.write(json.dumps({"file": args.file, "results": results}, indent=1, sort_keys=True) + "\n")
    else:
        sys.stdout.write(report(results))
    bad = [name for r in results for name, s in r["scenarios"].items()
           if s.get("minimal") and not s["minimal"]["ok"]]
    return 1 if bad else 0


def fmt_ms(x):
    if x is None:
        return "-"
    return "%.1f" % x if x >= 10 else ("%.2f" % x if x >= 0.1 else "%.3f" % x)


def _spread(s):
    return "%s (%s-%s)" % (fmt_ms(s["median"]), fmt_ms(s["min"]), fmt_ms(s["max"]))


def report(results):
    """Markdown tables: one per scenario."""
    lines = []
    impls = [r["impl"] for r in results]
    lines.append("pyvdom bench: median (min-max) in ms over %d runs; %s" % (
        results[0]["runs"], ", ".join("%s %s" % (r["impl"], r["version"]) for r in results)))
    names = sorted(results[0]["scenarios"])
    cp = [r for r in results if r["impl"] == "cpython"]
    for name in names:
        lines.append("")
        lines.append("## %s" % name)
        head = "| step |" + "".join(" %s build | %s patch |" % (i, i) for i in impls) + " renderer calls |"
        lines.append(head)
        lines.append("|" + "---|" * (head.count("|") - 1))
        first = results[0]["scenarios"][name]
        minimal = cp[0]["scenarios"][name].get("minimal") if cp else None
        for k in range(len(first["steps"])):
            row = "| %s |" % first["steps"][k]["name"]
            for r in results:
                st = r["scenarios"][name]["steps"][k]
                row += " %s | %s |" % (_spread(st["build"]), _spread(st["patch"]))
            c = first["calls"][k]
            cell = "%d" % c["total"]
            if minimal and minimal["ok"]:
                m = minimal["steps"][k]
                cell += " (minimal: %d creates, %d removes, %d moves)" % (m["creates"], m["removes"], m["moves"])
            row += " %s |" % cell
            lines.append(row)
        if minimal and not minimal["ok"]:
            lines.append("")
            lines.append("NOT MINIMAL (vdom.testing.check_sequence): " + minimal["error"].split("\n")[0])
        for r in results:
            mem = r["scenarios"][name].get("memory")
            if mem and mem.get("bytes_per_vnode") is not None:
                lines.append("")
                lines.append("%s memory: %.0f bytes per VNode (%d VNodes, %d bytes); mounted on the "
                             "mock renderer: %.0f bytes per VNode more" % (
                                 r["impl"], mem["bytes_per_vnode"], mem["vnodes"], mem["tree_bytes"],
                                 mem["mounted_bytes_per_vnode"] or 0))
    return "\n".join(lines) + "\n"
