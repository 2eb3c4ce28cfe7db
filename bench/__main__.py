"""``python -m bench``: the js-framework-benchmark operations on CPython, Pyodide and MicroPython.

Runs ``bench/run_one.py`` once per interpreter (Pyodide and MicroPython
under Node, from ``node_modules``), prints one table per variant with the
median time per operation and interpreter, the ratio to CPython, patch
cost against build cost, and the renderer calls against the minimum, and
writes everything to ``bench/results/latest.json``.

    python -m bench                      # 5 runs per operation, every interpreter
    python -m bench --runs 9 --only micropython
    python -m bench --quick              # 1 run each: a smoke test (CI)
    python -m bench --only micropython --gc-steps   # MicroPython collecting between operations

``--gc-steps`` runs MicroPython the way a browser does: every setup and
every timed operation is its own top-level call, and the collection each
asks for runs between them (this port cannot collect while Python runs).
The allocator then works on a fragmented heap, and the figures show what
that costs with the mock renderer, whose nodes are Python objects: far
more multi-block allocations than the DOM renderer's JS proxies, so they
overstate the browser's costs (see bench/README.md).  Results are written
to bench/results/gc-steps.{json,md} instead of latest.*.
"""

import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "bench", "results")
T0 = time.time()
INTERPRETERS = ("cpython", "pyodide", "micropython")


GC_STEPS = []  # ["--steps"] with --gc-steps


def command(impl, args):
    script = os.path.join("bench", "run_one.py")
    if impl == "cpython":
        return [sys.executable, script] + args
    if impl == "pyodide":
        return ["node", os.path.join("tools", "pyodide_run.mjs"), "--lib", ".", script] + args
    # --steps (with --gc-steps): one top-level call per step, so MicroPython collects between
    # operations as in a browser (it cannot while Python runs), with PyScript's initial heap.
    steps = GC_STEPS + ["--heap", "1048576"] if GC_STEPS else []
    return ["node", os.path.join("tools", "mpy_run.mjs")] + steps + ["--copy", "vdom:/lib/vdom",
            "--copy", "renderers:/lib/renderers", "--copy", "bench/jfb.py:/lib/jfb.py", script] + args


def run(impl, args):
    t0 = time.time()
    p = subprocess.run(command(impl, args), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    for line in p.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            data = json.loads(line[len("BENCH_JSON "):])
            data["wall_s"] = round(time.time() - t0, 1)
            return data
    sys.stderr.write(p.stderr[-3000:])
    raise SystemExit("bench: %s produced no result (exit %d)" % (impl, p.returncode))


def fmt_ms(x):
    return "%.1f" % x if x >= 10 else "%.2f" % x


def key_ops(res):
    """'measured/minimum' for the counter that matters, plus total calls."""
    ops = res["ops"]
    mins = res["min_ops"]
    parts = []
    for k in ("row_inserts", "row_removes", "set_text", "class_changes", "moves"):
        if k in mins:
            parts.append("%s %d/%d" % (k.replace("row_", ""), ops[k], mins[k]))
    parts.append("calls %d/%d" % (ops["total"], mins["total"]))
    ok = all(ops[k] == mins[k] for k in mins)
    return ", ".join(parts), ok


def table(data, variant):
    impls = [d["impl"] for d in data]
    ops = list(data[0]["results"][variant].keys())
    order = ["create1k", "replace1k", "update10th", "select", "swap", "remove", "create10k",
             "append1k", "clear1k"]
    ops = [o for o in order if o in ops]
    lines = []
    head = "| operation |" + "".join(" %s ms (spread) |" % i for i in impls)
    head += "".join(" %s / CPython |" % i for i in impls if i != "cpython")
    head += "".join(" %s patch / build |" % i for i in impls) + " renderer calls (measured/minimum) |"
    lines.append(head)
    lines.append("|" + "---|" * (head.count("|") - 1))
    cp = [d for d in data if d["impl"] == "cpython"]
    for op in ops:
        row = "| %s |" % data[0]["results"][variant][op]["label"]
        for d in data:
            t = d["results"][variant][op]["total"]
            row += " %s (%s-%s) |" % (fmt_ms(t["median"]), fmt_ms(t["min"]), fmt_ms(t["max"]))
        for d in data:
            if d["impl"] == "cpython":
                continue
            if cp:
                base = cp[0]["results"][variant][op]["total"]["median"]
                row += " %.1fx |" % (d["results"][variant][op]["total"]["median"] / base if base else 0)
            else:
                row += " - |"
        for d in data:
            r = d["results"][variant][op]
            b = r["build"]["median"]
            row += " %s |" % ("%.2f" % (r["patch"]["median"] / b) if b > 0.05 else "-")
        text, ok = key_ops(data[0]["results"][variant][op])
        row += " %s%s |" % (text, "" if ok else " (above minimum)")
        lines.append(row)
    return "\n".join(lines)


def check(data):
    """Count operations whose DOM is right and whose renderer calls are minimal."""
    passed = failed = 0
    for d in data:
        for variant in d["results"]:
            for op, res in d["results"][variant].items():
                ops = res["ops"]
                ok = ops.get("dom_ok") and all(ops[k] == res["min_ops"][k] for k in res["min_ops"])
                if ok:
                    passed += 1
                else:
                    failed += 1
                    print("bench: FAILED %s/%s/%s: ops %r, minimum %r" % (d["impl"], variant, op, ops,
                                                                         res["min_ops"]))
    return passed, failed


def main(argv):
    args = []
    only = list(INTERPRETERS)
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--only":
            only = argv[i + 1].split(",")
            i += 1
        elif a in ("--runs", "--warmup", "--ops", "--variants"):
            args += [a, argv[i + 1]]
            i += 1
        elif a == "--quick":
            args.append("--quick")
        elif a == "--gc-steps":
            GC_STEPS.append("--steps")
        elif a in ("-h", "--help"):
            print(__doc__)
            return
        else:
            raise SystemExit("bench: unknown argument %r" % a)
        i += 1
    data = []
    for impl in only:
        sys.stderr.write("bench: running on %s ...\n" % impl)
        data.append(run(impl, args))
    out = []
    for variant in data[0]["results"]:
        out.append("\n### %s rows (%s)\n" % (
            "memo" if variant == "memo" else "plain", "each row a vdom.memo keyed by id" if variant == "memo"
            else "every row rebuilt with h() on each render"))
        out.append(table(data, variant))
    mem = [d for d in data if d.get("memory")]
    for d in mem:
        m = d["memory"]
        out.append("\nMemory (%s): %.0f bytes per VNode (%d VNodes for 1,000 rows), %.0f bytes per mounted row"
                   " (VNodes + mock nodes)." % (d["impl"], m["bytes_per_vnode"], m["vnodes"],
                                                 m["mounted_bytes_per_row"]))
    versions = ", ".join("%s %s" % (d["impl"], d["version"]) for d in data)
    out.append("\n%s; median of %d runs; times are build + patch in ms." % (versions, data[0]["runs"]))
    text = "\n".join(out)
    print(text)
    passed, failed = check(data)
    print("\nbench: %d passed, %d failed in %.1f s (DOM after each operation equals a fresh render;"
          " renderer calls equal the minimum)" % (passed, failed, time.time() - T0))
    if "--quick" not in args:
        os.makedirs(RESULTS, exist_ok=True)
        stamp = time.strftime("%Y-%m-%d")
        payload = {"date": stamp, "results": data, "table": text}
        name = "gc-steps" if GC_STEPS else "latest"
        with open(os.path.join(RESULTS, name + ".json"), "w") as f:
            json.dump(payload, f, indent=1)
        with open(os.path.join(RESULTS, name + ".md"), "w") as f:
            f.write(text + "\n")
        print("\nbench: wrote bench/results/%s.json and %s.md" % (name, name))
    if failed:
        raise SystemExit(1)


main(sys.argv[1:])
